package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.DirectoryGroup;
import io.sallyport.gateway.store.DirectoryQuery;
import io.sallyport.gateway.store.UniquenessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** SQL for table {@code directory_groups}; runs inside connections {@link Jdbc} hands out. */
final class GroupTable {
  static final String COLUMNS = "id, external_id, display_name, attributes, version, created_at,"
      + " last_modified";
  static final DirectoryTable<DirectoryGroup> TABLE = new DirectoryTable<>("directory_groups",
      "group", COLUMNS, "display_name_lower, id", GroupTable::read, GroupTable::filter);

  private GroupTable() {
  }

  static DirectoryGroup insert(Connection c, DirectoryGroup g, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO directory_groups (" + COLUMNS
        + ", display_name_lower) VALUES (?, ?, ?, ?, 1, ?, ?, ?)")) {
      ps.setString(1, g.id());
      ps.setString(2, g.externalId());
      ps.setString(3, g.displayName());
      ps.setString(4, Columns.json(g.attributes()));
      Columns.setInstant(ps, 5, now);
      Columns.setInstant(ps, 6, now);
      ps.setString(7, Columns.lower(g.displayName()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw uniqueness(e, g);
    }
    return new DirectoryGroup(g.id(), g.externalId(), g.displayName(), g.attributes(), 1,
        Columns.micros(now), Columns.micros(now));
  }

  /** Compare-and-swap replace; 1 if it won, 0 if the row is missing or at another version. */
  static int replace(Connection c, DirectoryGroup g, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE directory_groups SET external_id = ?,"
        + " display_name = ?, display_name_lower = ?, attributes = ?, last_modified = ?,"
        + " version = version + 1 WHERE id = ? AND version = ?")) {
      ps.setString(1, g.externalId());
      ps.setString(2, g.displayName());
      ps.setString(3, Columns.lower(g.displayName()));
      ps.setString(4, Columns.json(g.attributes()));
      Columns.setInstant(ps, 5, now);
      ps.setString(6, g.id());
      ps.setLong(7, g.version());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw uniqueness(e, g);
    }
  }

  private static SQLException uniqueness(SQLException e, DirectoryGroup g) {
    if (!Dialect.isUniqueViolation(e)) {
      return e;
    }
    if (Dialect.violates(e, "directory_groups_display_name_uq")) {
      throw new UniquenessException("displayName", g.displayName());
    }
    throw new UniquenessException("id", g.id());
  }

  private static DirectoryTable.Filter filter(DirectoryQuery.Field field, String value) {
    return switch (field) {
      case ID -> new DirectoryTable.Filter("id = ?", value);
      case EXTERNAL_ID -> new DirectoryTable.Filter("external_id = ?", value);
      case DISPLAY_NAME -> new DirectoryTable.Filter("display_name_lower = ?", Columns.lower(value));
      case USER_NAME -> throw new IllegalArgumentException(
          "groups have no userName; expected id, externalId or displayName");
    };
  }

  private static DirectoryGroup read(ResultSet rs) throws SQLException {
    return new DirectoryGroup(rs.getString("id"), rs.getString("external_id"),
        rs.getString("display_name"), Columns.json(rs, "attributes"), rs.getLong("version"),
        Columns.instant(rs, "created_at"), Columns.instant(rs, "last_modified"));
  }
}
