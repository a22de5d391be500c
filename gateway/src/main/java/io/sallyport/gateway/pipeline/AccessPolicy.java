package io.sallyport.gateway.pipeline;

import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * Decides whether a routed request may pass. The seam where authentication and the
 * authorization checks plug in. It returns a future because verifying a token may need the
 * tenant's signing keys fetched first; it must never block, and a decision that needs nothing but
 * memory should come back already completed (the caller then goes on without pausing the request).
 * A failed future is treated as a deny: fail closed.
 */
public interface AccessPolicy {

  Future<Decision> decide(Route route, HttpServerRequest request);

  /**
   * The foundation's policy: a route opened with {@code public: true} passes; every other route
   * needs a signed-in user, and until sign-in is configured nobody is, so they are denied. This is
   * fail-closed by construction: forgetting {@code public} can never expose an upstream.
   */
  static AccessPolicy publicRoutesOnly() {
    return PublicRoutesOnly.INSTANCE;
  }
}
