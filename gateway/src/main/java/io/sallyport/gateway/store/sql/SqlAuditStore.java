package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.AuditEvent;
import io.sallyport.gateway.store.AuditPage;
import io.sallyport.gateway.store.AuditQuery;
import io.sallyport.gateway.store.AuditStore;
import io.sallyport.gateway.store.UniquenessException;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail in table {@code audit_events}. Pages are keyset-paged on (occurred_at, seq), so
 * a reader paging backwards in time is never disturbed by events appended meanwhile.
 */
final class SqlAuditStore implements AuditStore {
  private static final String INSERT = "INSERT INTO audit_events (id, occurred_at, event_type, actor, route,"
      + " request_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final Jdbc jdbc;

  SqlAuditStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Future<Void> append(AuditEvent e) {
    return jdbc.run(c -> {
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        bind(ps, e);
        ps.executeUpdate();
        return null;
      } catch (SQLException ex) {
        if (Dialect.isUniqueViolation(ex)) {
          throw new UniquenessException("id", e.id());
        }
        throw ex;
      }
    });
  }

  @Override
  public Future<Void> appendAll(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    List<AuditEvent> batch = List.copyOf(events);
    // one transaction and one JDBC batch: a flush of hundreds of decisions is one round trip,
    // and a duplicate id leaves none of the batch behind
    return jdbc.transaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        for (AuditEvent e : batch) {
          bind(ps, e);
          ps.addBatch();
        }
        ps.executeBatch();
        return null;
      } catch (SQLException ex) {
        if (Dialect.isUniqueViolation(ex) || ex.getNextException() != null
            && Dialect.isUniqueViolation(ex.getNextException())) {
          throw new UniquenessException("id", duplicateHint(batch));
        }
        throw ex;
      }
    });
  }

  /** The first id repeated within the batch, else "one of N ids" (the clash is with an older row). */
  private static String duplicateHint(List<AuditEvent> batch) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (AuditEvent e : batch) {
      if (!seen.add(e.id())) {
        return e.id();
      }
    }
    return "one of " + batch.size() + " ids";
  }

  private static void bind(PreparedStatement ps, AuditEvent e) throws SQLException {
    ps.setString(1, e.id());
    Columns.setInstant(ps, 2, e.at());
    ps.setString(3, e.type());
    ps.setString(4, e.actor());
    ps.setString(5, e.route());
    ps.setString(6, e.requestId());
    ps.setString(7, Columns.json(e.details()));
  }

  @Override
  public Future<AuditPage> page(AuditQuery q) {
    AuditCursor after;
    try {
      after = q.cursor() == null ? null : AuditCursor.parse(q.cursor());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    StringBuilder sql = new StringBuilder("SELECT seq, id, occurred_at, event_type, actor, route,"
        + " request_id, details FROM audit_events WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.type() != null) {
      sql.append(" AND event_type = ?");
      args.add(q.type());
    }
    if (q.actor() != null) {
      sql.append(" AND actor = ?");
      args.add(q.actor());
    }
    if (q.from() != null) {
      sql.append(" AND occurred_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      sql.append(" AND occurred_at < ?");
      args.add(q.to());
    }
    if (after != null) {
      sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND seq < ?))");
      args.add(after.at());
      args.add(after.at());
      args.add(after.seq());
    }
    // One extra row tells whether another page exists without a COUNT.
    sql.append(" ORDER BY occurred_at DESC, seq DESC LIMIT ").append(q.limit() + 1);
    return jdbc.run(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          Object arg = args.get(i);
          if (arg instanceof Instant instant) {
            Columns.setInstant(ps, i + 1, instant);
          } else {
            ps.setObject(i + 1, arg);
          }
        }
        List<AuditEvent> events = new ArrayList<>();
        long lastSeq = 0;
        boolean more = false;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (events.size() == q.limit()) {
              more = true;
              break;
            }
            events.add(read(rs));
            lastSeq = rs.getLong("seq");
          }
        }
        return new AuditPage(events, more
            ? new AuditCursor(events.get(events.size() - 1).at(), lastSeq).encode() : null);
      }
    });
  }

  private static AuditEvent read(ResultSet rs) throws SQLException {
    return new AuditEvent(rs.getString("id"), Columns.instant(rs, "occurred_at"),
        rs.getString("event_type"), rs.getString("actor"), rs.getString("route"),
        rs.getString("request_id"), Columns.json(rs, "details"));
  }
}
