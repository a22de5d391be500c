package io.sallyport.gateway.pipeline;

import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.http.HttpServerRequest;

/**
 * Decides whether a routed request may pass. The seam where authentication and the
 * authorization checks plug in; it must never block (read in-memory state only).
 */
public interface AccessPolicy {

  Decision decide(Route route, HttpServerRequest request);

  /**
   * The foundation's policy: a route opened with {@code public: true} passes; every other route
   * needs a signed-in user, and until sign-in is configured nobody is, so they are denied. This is
   * fail-closed by construction: forgetting {@code public} can never expose an upstream.
   */
  static AccessPolicy publicRoutesOnly() {
    return PublicRoutesOnly.INSTANCE;
  }
}
