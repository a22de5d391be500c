package io.sallyport.gateway.entra.graph;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * Graph tokens on behalf of a signed-in user (OAuth 2.0 on-behalf-of): the user's token for
 * Sallyport goes in, a delegated Graph token for the same user comes out. For what Graph serves
 * to delegated callers only (terms of use acceptances). The PIM work has its own OboTokens: the two
 * are to be merged into one.
 */
public interface DelegatedTokens extends AutoCloseable {

  /** A Graph token for the user of {@code assertion}; fails with {@link GraphUnavailable}. */
  Future<String> token(String assertion);

  @Override
  void close();

  /** msal4j's confidential client (client secret), blocking calls on a small pool of its own. */
  static DelegatedTokens msal(Vertx vertx, GraphOptions options, GraphMetrics metrics, Clock clock) {
    return new MsalDelegatedTokens(vertx, options, metrics, clock);
  }
}
