package io.sallyport.devtenant.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A Microsoft Graph error: {@code {"error":{"code","message","innerError":{"date","request-id",
 * "client-request-id"}}}} with the HTTP status Graph uses for that code. Thrown by Graph handlers
 * and mapped once, by {@link #send}.
 */
public final class GraphError extends RuntimeException {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private final int status;
  private final String code;

  public GraphError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public static GraphError badRequest(String message) {
    return new GraphError(400, "Request_BadRequest", message);
  }

  public static GraphError notFound(String id) {
    return new GraphError(404, "Request_ResourceNotFound",
        "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
  }

  public static GraphError forbidden() {
    return new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public JsonObject body(Clock clock, String requestId, String clientRequestId) {
    JsonObject inner = new JsonObject().put("date", DATE.format(clock.instant())).put("request-id", requestId)
        .put("client-request-id", clientRequestId == null ? requestId : clientRequestId);
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", getMessage())
        .put("innerError", inner));
  }

  public void send(RoutingContext ctx, Clock clock) {
    send(ctx.request(), clock);
  }

  public void send(io.vertx.core.http.HttpServerRequest request, Clock clock) {
    String requestId = UUID.randomUUID().toString();
    String client = request.getHeader("client-request-id");
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("request-id", requestId).putHeader("client-request-id", client == null ? requestId : client)
        .end(body(clock, requestId, client).encode());
  }
}
