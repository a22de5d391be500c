package io.sallyport.gateway.assertion;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The keys as one node sees them at one moment, immutable: the one it signs with, every key it
 * still publishes, and the JWKS document rendered once.
 *
 * @param all         every key known (current first), retired ones included, for the key listing
 * @param nextChange  when a published key's retire time passes and the set must be rebuilt; null for never
 * @param operator    true for an operator-supplied key (no rotation through the gateway)
 */
record KeySet(SigningKey current, List<SigningKey> published, List<SigningKey> all, Buffer jwks,
              Instant nextChange, boolean operator) {

  /** Keeps what is published at {@code now}: the current key and keys whose retire time is ahead. */
  static KeySet of(List<SigningKey> all, Instant now, boolean operator) {
    SigningKey current = all.get(0);
    Instant next = null;
    List<SigningKey> published = new java.util.ArrayList<>();
    for (SigningKey k : all) {
      if (k == current || k.retireAt() != null && k.retireAt().isAfter(now)) {
        published.add(k);
        if (k.retireAt() != null && (next == null || k.retireAt().isBefore(next))) {
          next = k.retireAt();
        }
      }
    }
    JsonArray keys = new JsonArray();
    published.forEach(k -> keys.add(jwk(k)));
    return new KeySet(current, List.copyOf(published), List.copyOf(all),
        new JsonObject().put("keys", keys).toBuffer(), next, operator);
  }

  /** Only public members: what an upstream needs to verify, nothing it could sign with. */
  static JsonObject jwk(SigningKey k) {
    JsonObject j = new JsonObject();
    k.jwkMembers().forEach(j::put);
    return j.put("kid", k.kid()).put("use", "sig").put("alg", k.algorithm().name());
  }

  boolean stale(Instant now) {
    return nextChange != null && !now.isBefore(nextChange);
  }

  /** The same, from epoch millis: the hot path reads the clock without allocating an Instant. */
  boolean stale(long nowMillis) {
    return nextChange != null && nowMillis >= nextChange.toEpochMilli();
  }
}
