package io.sallyport.gateway.store;

import io.vertx.core.Future;

/** The append-only audit trail. */
public interface AuditStore {

  /** Appends one event; fails with {@link UniquenessException} if its id was used before. */
  Future<Void> append(AuditEvent event);

  /**
   * Events matching {@code query}, newest first (ties broken by append order, newest first).
   * Fails with {@link IllegalArgumentException} on a cursor this store did not issue.
   */
  Future<AuditPage> page(AuditQuery query);
}
