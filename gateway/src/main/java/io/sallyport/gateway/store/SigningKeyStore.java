package io.sallyport.gateway.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * The gateway's own assertion signing keys, shared by every node so they all sign with the same
 * current key and publish the same JWKS. Generations are unique: that is what makes the first
 * key and each rotation race-safe when several nodes act at once.
 */
public interface SigningKeyStore {

  /** Every stored key, highest generation (the current one) first. */
  Future<List<StoredSigningKey>> keys();

  /**
   * Stores {@code first} (generation 1) unless a key exists already.
   *
   * @return the current key: {@code first}, or the one another node stored before it
   */
  Future<StoredSigningKey> createFirst(StoredSigningKey first);

  /**
   * Makes {@code next} current if the current key is still at {@code next.generation() - 1}, and
   * gives that previous key {@code retireAt}; both in one transaction.
   *
   * @return {@code next} as stored; fails with {@link StaleVersionException} when another rotation
   *     came first (or the generation is not the next one), {@link UniquenessException} on a taken kid
   */
  Future<StoredSigningKey> rotate(StoredSigningKey next, Instant retireAt);

  /** Deletes keys whose {@code retireAt} is before {@code before}; how many went. */
  Future<Integer> deleteRetired(Instant before);
}
