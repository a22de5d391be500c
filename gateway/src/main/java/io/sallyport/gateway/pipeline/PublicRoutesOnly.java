package io.sallyport.gateway.pipeline;

import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.http.HttpServerRequest;

final class PublicRoutesOnly implements AccessPolicy {
  static final PublicRoutesOnly INSTANCE = new PublicRoutesOnly();

  private static final Decision PUBLIC = Decision.allow(
      Reason.of("route.public", "The route is configured with public: true."));
  private static final Decision NO_SIGN_IN = Decision.deny(Reason.of("authn.unavailable",
      "This route needs a signed-in user, and sign-in is not configured on this gateway."));

  private PublicRoutesOnly() {}

  @Override
  public Decision decide(Route route, HttpServerRequest request) {
    return route.isPublic() ? PUBLIC : NO_SIGN_IN;
  }
}
