package io.sallyport.gateway.entra.graph;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Graph tokens on behalf of a signed-in user (OAuth 2.0 on-behalf-of): the user's token for
 * Sallyport goes in, a delegated Graph token for the same user comes out. For what Graph serves
 * to delegated callers only (terms of use acceptances). A view of {@link OboTokens}, the one
 * on-behalf-of cache, for callers that need Graph's default scope and no claims request.
 */
public interface DelegatedTokens extends AutoCloseable {

  /** A Graph token for the user of {@code assertion}; fails with {@link GraphUnavailable}. */
  Future<String> token(String assertion);

  /** Nothing of its own to close: the {@link OboTokens} behind it belong to their owner. */
  @Override
  default void close() {}

  /** Graph's default scope through {@code obo}; the assertion's own {@code exp} bounds the cached token. */
  static DelegatedTokens of(OboTokens obo, Clock clock) {
    return assertion -> obo.token(assertion, expiry(assertion, clock), GraphOptions.GRAPH_SCOPE, null);
  }

  /** The JWT's {@code exp}, read without verifying (the caller verified it); else five minutes from now. */
  static Instant expiry(String jwt, Clock clock) {
    String[] parts = jwt.split("\\.");
    if (parts.length == 3) {
      try {
        Object exp = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
            .getValue("exp");
        if (exp instanceof Number n) {
          return Instant.ofEpochSecond(n.longValue());
        }
      } catch (RuntimeException e) {
        // not a readable JWT: the short default below
      }
    }
    return clock.instant().plus(Duration.ofMinutes(5));
  }
}
