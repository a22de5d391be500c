package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.NotFoundException;
import io.sallyport.gateway.store.Page;
import io.sallyport.gateway.store.SessionStore;
import io.sallyport.gateway.store.StaleVersionException;
import io.sallyport.gateway.store.StoredSession;
import io.sallyport.gateway.store.UniquenessException;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sessions in table {@code sessions}; "active" is decided by the database clock. */
final class SqlSessionStore implements SessionStore {
  private static final String COLUMNS = "id, user_id, tenant_id, data, created_at, last_seen_at,"
      + " idle_expires_at, absolute_expires_at, version, revoked";
  private static final String ACTIVE = "NOT revoked AND idle_expires_at > CURRENT_TIMESTAMP"
      + " AND absolute_expires_at > CURRENT_TIMESTAMP";

  private final Jdbc jdbc;

  SqlSessionStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Future<StoredSession> create(StoredSession s) {
    return jdbc.run(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (" + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, FALSE)")) {
        ps.setString(1, s.id());
        ps.setString(2, s.userId());
        ps.setString(3, s.tenantId());
        ps.setString(4, Columns.json(s.data()));
        Columns.setInstant(ps, 5, s.createdAt());
        Columns.setInstant(ps, 6, s.lastSeenAt());
        Columns.setInstant(ps, 7, s.idleExpiresAt());
        Columns.setInstant(ps, 8, s.absoluteExpiresAt());
        ps.executeUpdate();
      } catch (SQLException e) {
        if (Dialect.isUniqueViolation(e)) {
          throw new UniquenessException("id", s.id());
        }
        throw e;
      }
      return new StoredSession(s.id(), s.userId(), s.tenantId(), s.data(),
          Columns.micros(s.createdAt()), Columns.micros(s.lastSeenAt()),
          Columns.micros(s.idleExpiresAt()), Columns.micros(s.absoluteExpiresAt()), 1, false);
    });
  }

  @Override
  public Future<Optional<StoredSession>> find(String id) {
    return jdbc.run(c -> active(c, id));
  }

  @Override
  public Future<StoredSession> touch(String id, long expectedVersion, Instant lastSeenAt,
                                     Instant idleExpiresAt) {
    return jdbc.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET last_seen_at = ?,"
          + " idle_expires_at = ?, version = version + 1 WHERE id = ? AND version = ? AND " + ACTIVE)) {
        Columns.setInstant(ps, 1, lastSeenAt);
        Columns.setInstant(ps, 2, idleExpiresAt);
        ps.setString(3, id);
        ps.setLong(4, expectedVersion);
        return afterSwap(c, ps.executeUpdate(), id, expectedVersion);
      }
    });
  }

  @Override
  public Future<StoredSession> update(StoredSession s) {
    return jdbc.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET data = ?, last_seen_at = ?,"
          + " idle_expires_at = ?, version = version + 1 WHERE id = ? AND version = ? AND " + ACTIVE)) {
        ps.setString(1, Columns.json(s.data()));
        Columns.setInstant(ps, 2, s.lastSeenAt());
        Columns.setInstant(ps, 3, s.idleExpiresAt());
        ps.setString(4, s.id());
        ps.setLong(5, s.version());
        return afterSwap(c, ps.executeUpdate(), s.id(), s.version());
      }
    });
  }

  @Override
  public Future<Boolean> revoke(String id) {
    return jdbc.run(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE sessions SET revoked = TRUE, version = version + 1 WHERE id = ? AND " + ACTIVE)) {
        ps.setString(1, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Future<List<String>> revokeAllForUser(String userId) {
    return jdbc.transaction(c -> {
      // Lock first and revoke by id, so the ids returned are exactly the sessions revoked.
      List<String> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sessions WHERE user_id = ? AND "
          + ACTIVE + " ORDER BY id FOR UPDATE")) {
        ps.setString(1, userId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE sessions SET revoked = TRUE, version = version + 1 WHERE id = ?")) {
        for (String id : ids) {
          ps.setString(1, id);
          ps.addBatch();
        }
        if (!ids.isEmpty()) {
          ps.executeBatch();
        }
      }
      return ids;
    });
  }

  @Override
  public Future<Integer> deleteExpired() {
    return jdbc.run(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE"
          + " idle_expires_at <= CURRENT_TIMESTAMP OR absolute_expires_at <= CURRENT_TIMESTAMP")) {
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public Future<Page<StoredSession>> listForUser(String userId, int offset, int limit) {
    return jdbc.run(c -> {
      Columns.checkPage(offset, limit);
      long total;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM sessions WHERE user_id = ? AND " + ACTIVE)) {
        ps.setString(1, userId);
        total = Columns.count(ps);
      }
      List<StoredSession> items = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sessions WHERE"
          + " user_id = ? AND " + ACTIVE + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")) {
        ps.setString(1, userId);
        ps.setInt(2, limit);
        ps.setInt(3, offset);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(read(rs));
          }
        }
      }
      return new Page<>(items, total, offset, limit);
    });
  }

  /** After a compare-and-swap: the new row, or why there is none. */
  private static StoredSession afterSwap(Connection c, int updated, String id, long expected)
      throws SQLException {
    Optional<StoredSession> now = active(c, id);
    if (updated == 1 && now.isPresent()) {
      return now.get();
    }
    if (now.isPresent()) {
      throw new StaleVersionException("session", id, expected);
    }
    throw new NotFoundException("session", id);
  }

  private static Optional<StoredSession> active(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM sessions WHERE id = ? AND " + ACTIVE)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static StoredSession read(ResultSet rs) throws SQLException {
    return new StoredSession(rs.getString("id"), rs.getString("user_id"), rs.getString("tenant_id"),
        Columns.json(rs, "data"), Columns.instant(rs, "created_at"),
        Columns.instant(rs, "last_seen_at"), Columns.instant(rs, "idle_expires_at"),
        Columns.instant(rs, "absolute_expires_at"), rs.getLong("version"), rs.getBoolean("revoked"));
  }
}
