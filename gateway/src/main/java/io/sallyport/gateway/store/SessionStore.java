package io.sallyport.gateway.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Server-side sessions. Expiry is judged by the database clock ({@code CURRENT_TIMESTAMP}), never
 * the calling node's, so a node whose clock runs ahead cannot end sessions early for everyone and
 * one that runs behind cannot keep them alive.
 */
public interface SessionStore {

  /**
   * Stores a new session at version 1.
   *
   * @return the stored session; fails with {@link UniquenessException} if the id exists
   */
  Future<StoredSession> create(StoredSession session);

  /** The session, or empty if unknown, revoked, or expired by database time. */
  Future<Optional<StoredSession>> find(String id);

  /**
   * Records activity: sets last-seen and idle expiry if the session is still at {@code
   * expectedVersion}.
   *
   * @return the session at the next version; fails with {@link StaleVersionException} if another
   *     write came first, {@link NotFoundException} if the session is gone, revoked or expired
   */
  Future<StoredSession> touch(String id, long expectedVersion, Instant lastSeenAt,
                              Instant idleExpiresAt);

  /**
   * Replaces data, last-seen and idle expiry of {@code session} if the stored row is still at
   * {@code session.version()}. Same failures as {@link #touch}.
   */
  Future<StoredSession> update(StoredSession session);

  /** Revokes one session; true if it was active and is now revoked. */
  Future<Boolean> revoke(String id);

  /** Revokes every active session of a user; the ids revoked, so callers can publish them. */
  Future<List<String>> revokeAllForUser(String userId);

  /** Deletes sessions expired by database time (revoked or not); how many went. */
  Future<Integer> deleteExpired();

  /** A user's active sessions, newest first (then by id). */
  Future<Page<StoredSession>> listForUser(String userId, int offset, int limit);
}
