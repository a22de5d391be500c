package io.sallyport.gateway.entra.graph;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * App-only (client credentials) access tokens for one resource scope. On-behalf-of tokens for
 * delegated Graph calls (issue 6) join this seam as a second method.
 */
public interface AppTokens extends AutoCloseable {

  /** A bearer token for {@code scope}, from the cache while it has time left; completes on the caller's context. */
  Future<String> token(String scope);

  /** Forgets a cached token Graph refused (401): the next call asks the token endpoint again. */
  void invalidate(String scope);

  /** Token requests sent to the token endpoint so far (each a cache miss). */
  long requests();

  @Override
  void close();

  /** msal4j's confidential client with the client secret, its blocking calls on a small pool of its own. */
  static AppTokens msal(Vertx vertx, GraphOptions options, GraphMetrics metrics, Clock clock) {
    return new MsalAppTokens(vertx, options, metrics, clock);
  }
}
