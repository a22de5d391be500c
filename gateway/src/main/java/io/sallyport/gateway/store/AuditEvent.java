package io.sallyport.gateway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One audit event. Append-only: the store offers no update or delete.
 *
 * @param type      dotted stable name, e.g. {@code session.start}, {@code grant.approved}
 * @param actor     who did it (user object id, {@code system}, SCIM client); may be null
 * @param route     the route name it concerns; may be null
 * @param requestId the request id that caused it; may be null
 * @param details   event-specific fields; copied on construction
 */
public record AuditEvent(String id, Instant at, String type, String actor, String route,
                         String requestId, JsonObject details) {
  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    details = details == null ? new JsonObject() : details.copy();
  }
}
