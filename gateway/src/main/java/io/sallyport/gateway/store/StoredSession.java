package io.sallyport.gateway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A server-side browser session as stored. The session layer computes the expiry instants; the
 * store judges them against the database clock so that nodes with skewed clocks agree.
 *
 * @param data     session attributes (claims digest, auth time, acrs...); copied on construction
 * @param version  compare-and-swap counter; the store sets 1 on create and adds 1 on every write
 * @param revoked  true once revoked; a revoked session is never found again
 */
public record StoredSession(String id, String userId, String tenantId, JsonObject data,
                            Instant createdAt, Instant lastSeenAt, Instant idleExpiresAt,
                            Instant absoluteExpiresAt, long version, boolean revoked) {
  public StoredSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
    Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
    data = data == null ? new JsonObject() : data.copy();
  }

  /** A fresh session to hand to {@link SessionStore#create}: version 0, not revoked. */
  public static StoredSession fresh(String id, String userId, String tenantId, JsonObject data,
                                    Instant now, Instant idleExpiresAt, Instant absoluteExpiresAt) {
    return new StoredSession(id, userId, tenantId, data, now, now, idleExpiresAt,
        absoluteExpiresAt, 0, false);
  }

  /** The same session seen again at {@code now}, with a new idle expiry. */
  public StoredSession touched(Instant now, Instant newIdleExpiresAt) {
    return new StoredSession(id, userId, tenantId, data, createdAt, now, newIdleExpiresAt,
        absoluteExpiresAt, version, revoked);
  }

  public StoredSession withData(JsonObject newData) {
    return new StoredSession(id, userId, tenantId, newData, createdAt, lastSeenAt, idleExpiresAt,
        absoluteExpiresAt, version, revoked);
  }
}
