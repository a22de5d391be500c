package io.sallyport.gateway.store;

import java.time.Instant;

/**
 * A filter over the audit trail, newest first. Null fields match everything.
 *
 * @param type   exact dotted event type
 * @param from   inclusive lower bound on {@code at}
 * @param to     exclusive upper bound on {@code at}
 * @param cursor {@link AuditPage#nextCursor()} of the previous page, or null for the first page
 */
public record AuditQuery(String type, String actor, Instant from, Instant to, int limit,
                         String cursor) {
  public AuditQuery {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("audit page limit " + limit + "; expected 1..1000");
    }
  }

  public static AuditQuery newest(int limit) {
    return new AuditQuery(null, null, null, null, limit, null);
  }

  public AuditQuery type(String newType) {
    return new AuditQuery(newType, actor, from, to, limit, cursor);
  }

  public AuditQuery actor(String newActor) {
    return new AuditQuery(type, newActor, from, to, limit, cursor);
  }

  public AuditQuery between(Instant newFrom, Instant newTo) {
    return new AuditQuery(type, actor, newFrom, newTo, limit, cursor);
  }

  public AuditQuery after(String newCursor) {
    return new AuditQuery(type, actor, from, to, limit, newCursor);
  }
}
