package io.sallyport.devtenant.control;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** How the control API answers: JSON, never cached. */
final class Replies {

  private Replies() {}

  static void json(RoutingContext rc, int status, JsonObject body) {
    if (rc.response().ended()) {
      return;
    }
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body.encodePrettily());
  }

  static void ok(RoutingContext rc, JsonObject body) {
    json(rc, 200, body);
  }
}
