package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.DirectoryQuery;
import io.sallyport.gateway.store.DirectoryUser;
import io.sallyport.gateway.store.UniquenessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** SQL for table {@code directory_users}; runs inside connections {@link Jdbc} hands out. */
final class UserTable {
  static final String COLUMNS = "id, external_id, user_name, active, display_name, attributes,"
      + " version, created_at, last_modified";
  static final DirectoryTable<DirectoryUser> TABLE = new DirectoryTable<>("directory_users", "user",
      COLUMNS, "user_name_lower, id", UserTable::read, UserTable::column);

  private UserTable() {
  }

  static DirectoryUser insert(Connection c, DirectoryUser u, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO directory_users (" + COLUMNS
        + ", user_name_lower) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)")) {
      ps.setString(1, u.id());
      bindMutable(ps, 2, u);
      Columns.setInstant(ps, 7, now);
      Columns.setInstant(ps, 8, now);
      ps.setString(9, Columns.lower(u.userName()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw uniqueness(e, u);
    }
    return new DirectoryUser(u.id(), u.externalId(), u.userName(), u.active(), u.displayName(),
        u.attributes(), 1, Columns.micros(now), Columns.micros(now));
  }

  /** Compare-and-swap replace; 1 if it won, 0 if the row is missing or at another version. */
  static int replace(Connection c, DirectoryUser u, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE directory_users SET external_id = ?,"
        + " user_name = ?, active = ?, display_name = ?, attributes = ?, user_name_lower = ?,"
        + " last_modified = ?, version = version + 1 WHERE id = ? AND version = ?")) {
      bindMutable(ps, 1, u);
      ps.setString(6, Columns.lower(u.userName()));
      Columns.setInstant(ps, 7, now);
      ps.setString(8, u.id());
      ps.setLong(9, u.version());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw uniqueness(e, u);
    }
  }

  static Optional<DirectoryUser> byUserName(Connection c, String userName) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM directory_users WHERE user_name_lower = ?")) {
      ps.setString(1, Columns.lower(userName));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static void bindMutable(PreparedStatement ps, int at, DirectoryUser u)
      throws SQLException {
    ps.setString(at, u.externalId());
    ps.setString(at + 1, u.userName());
    ps.setBoolean(at + 2, u.active());
    ps.setString(at + 3, u.displayName());
    ps.setString(at + 4, Columns.json(u.attributes()));
  }

  private static SQLException uniqueness(SQLException e, DirectoryUser u) {
    if (!Dialect.isUniqueViolation(e)) {
      return e;
    }
    if (Dialect.violates(e, "directory_users_user_name_uq")) {
      throw new UniquenessException("userName", u.userName());
    }
    throw new UniquenessException("id", u.id());
  }

  private static DirectoryTable.Filter column(DirectoryQuery.Field field, String value) {
    return switch (field) {
      case ID -> new DirectoryTable.Filter("id = ?", value);
      case EXTERNAL_ID -> new DirectoryTable.Filter("external_id = ?", value);
      case USER_NAME -> new DirectoryTable.Filter("user_name_lower = ?", Columns.lower(value));
      // not indexed: Entra filters users by userName or externalId, not displayName
      case DISPLAY_NAME -> new DirectoryTable.Filter("LOWER(display_name) = LOWER(?)", value);
    };
  }

  private static DirectoryUser read(ResultSet rs) throws SQLException {
    return new DirectoryUser(rs.getString("id"), rs.getString("external_id"),
        rs.getString("user_name"), rs.getBoolean("active"), rs.getString("display_name"),
        Columns.json(rs, "attributes"), rs.getLong("version"), Columns.instant(rs, "created_at"),
        Columns.instant(rs, "last_modified"));
  }
}
