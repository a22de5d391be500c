package io.sallyport.devtenant.control;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A refusal of the control API: a stable {@code error} code tests can assert on and a
 * {@code message} naming the bad value. Thrown by handlers, mapped once by {@link ControlRoutes}.
 */
final class ControlError extends RuntimeException {

  private final int status;
  private final String code;

  ControlError(int status, String code, String message) {
    super(message, null, false, false); // a refusal, not a bug: no stack trace to fill
    this.status = status;
    this.code = code;
  }

  static ControlError badRequest(String code, String message) {
    return new ControlError(400, code, message);
  }

  static ControlError notFound(String code, String message) {
    return new ControlError(404, code, message);
  }

  static ControlError conflict(String code, String message) {
    return new ControlError(409, code, message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  void send(RoutingContext rc) {
    Replies.json(rc, status, new JsonObject().put("error", code).put("message", getMessage()));
  }
}
