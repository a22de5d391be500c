package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.http.EntraError;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the JSON identity endpoints answer: Entra's headers (echoed {@code client-request-id},
 * {@code x-ms-request-id}), and one place that turns a thrown {@link EntraError} into its body, or
 * an unexpected failure into Entra's {@code server_error} instead of a stack trace.
 */
final class Replies {

  private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

  private final Clock clock;

  Replies(Clock clock) {
    this.clock = clock;
  }

  Handler<RoutingContext> guard(Handler<RoutingContext> h) {
    return rc -> {
      try {
        h.handle(rc);
      } catch (EntraError e) {
        if (!rc.response().ended()) {
          e.send(rc, clock);
        }
      } catch (RuntimeException e) {
        LOG.error("identity endpoint {} failed", rc.request().path(), e);
        if (!rc.response().ended()) {
          new EntraError("server_error", 90000, "An unexpected error occurred on the server.", null, null, 500)
              .send(rc, clock);
        }
      }
    };
  }

  static void json(RoutingContext rc, JsonObject body, String cacheControl) {
    String corr = rc.request().getHeader("client-request-id");
    var res = rc.response().putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", cacheControl).putHeader("x-ms-request-id", java.util.UUID.randomUUID().toString());
    if (corr != null) {
      res.putHeader("client-request-id", corr);
    }
    if (cacheControl.contains("no-store")) {
      res.putHeader("Pragma", "no-cache");
    }
    res.end(body.encode());
  }

  /** First value of a parameter from the query or the form body; blank counts as absent. */
  static String param(RoutingContext rc, String name) {
    String v = rc.request().getParam(name);
    if (v == null) {
      v = rc.request().getFormAttribute(name);
    }
    return v == null || v.isBlank() ? null : v;
  }

  static EntraError missing(String name) {
    return new EntraError("invalid_request", 900144,
        "The request body must contain the following parameter: '" + name + "'.");
  }
}
