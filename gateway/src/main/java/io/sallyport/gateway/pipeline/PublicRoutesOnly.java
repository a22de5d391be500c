package io.sallyport.gateway.pipeline;

import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

final class PublicRoutesOnly implements AccessPolicy {
  static final PublicRoutesOnly INSTANCE = new PublicRoutesOnly();

  // completed futures are immutable: sharing them keeps the public hot path free of allocations
  static final Future<Decision> PUBLIC = Future.succeededFuture(Decision.allow(
      Reason.of("route.public", "The route is configured with public: true.")));
  static final Future<Decision> NO_SIGN_IN = Future.succeededFuture(Decision.deny(Reason.of("authn.unavailable",
      "This route needs a signed-in user, and sign-in is not configured on this gateway.")));

  private PublicRoutesOnly() {}

  @Override
  public Future<Decision> decide(Route route, HttpServerRequest request) {
    return route.isPublic() ? PUBLIC : NO_SIGN_IN;
  }
}
