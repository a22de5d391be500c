package io.sallyport.devtenant.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests that break before any surface can answer them still get the error shape of the surface
 * they were aimed at — Graph's, the control API's or Entra's — never a bare page or a stack trace:
 * a query string that is not valid percent-encoding (checked before routing, because Vert.x-web
 * would fail again on every parameterised route on its way to a failure handler) and whatever
 * reaches the last-resort failure handler (a body over the limit).
 */
public final class Malformed {

  private static final Logger LOG = LoggerFactory.getLogger(Malformed.class);

  private Malformed() {}

  /** The server's request handler: the router, behind a check that the query string decodes. */
  public static Handler<HttpServerRequest> guard(Router router, Clock clock) {
    return req -> {
      try {
        req.params();
      } catch (IllegalArgumentException e) {
        respond(req, 400, "The request URL is malformed: " + e.getMessage() + ".", clock);
        return;
      }
      router.handle(req);
    };
  }

  /** The last-resort failure handler. */
  public static void handle(RoutingContext rc, Clock clock) {
    if (rc.response().ended() || rc.response().headWritten()) {
      return;
    }
    Throwable t = rc.failure();
    int status = rc.statusCode() == 413 ? 413 : t == null && rc.statusCode() >= 400 && rc.statusCode() < 500 ? 400 : 500;
    if (status == 500) {
      LOG.warn("request failed: {} {}", rc.request().method(), rc.request().path(), t);
    }
    respond(rc.request(), status, status == 413 ? "The request body is too large."
        : status == 400 ? "The request could not be read." : "An internal error occurred.", clock);
  }

  private static void respond(HttpServerRequest req, int status, String what, Clock clock) {
    String path = req.path() == null ? "" : req.path();
    if (path.startsWith("/v1.0")) {
      new GraphError(status, status == 500 ? "InternalServerError" : "BadRequest", what).send(req, clock);
    } else if (path.startsWith("/_devtenant")) {
      req.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", status == 500 ? "internal_error" : "malformed_request")
              .put("message", what).encode());
    } else {
      new EntraError(status == 500 ? "server_error" : "invalid_request", status == 500 ? 50000 : 900144, what, null,
          null, status).send(req, clock);
    }
  }
}
