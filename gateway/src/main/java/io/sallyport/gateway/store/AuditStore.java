package io.sallyport.gateway.store;

import io.vertx.core.Future;
import java.util.List;

/** The append-only audit trail. */
public interface AuditStore {

  /** Appends one event; fails with {@link UniquenessException} if its id was used before. */
  Future<Void> append(AuditEvent event);

  /**
   * Appends several events in one transaction, in list order (a later page shows the last one
   * first). All or nothing: a used id (within the list or before) fails the whole batch with
   * {@link UniquenessException} and appends none. An empty list succeeds at once.
   */
  Future<Void> appendAll(List<AuditEvent> events);

  /**
   * Events matching {@code query}, newest first (ties broken by append order, newest first).
   * Fails with {@link IllegalArgumentException} on a cursor this store did not issue.
   */
  Future<AuditPage> page(AuditQuery query);
}
