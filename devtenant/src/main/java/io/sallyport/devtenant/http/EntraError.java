package io.sallyport.devtenant.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * An error from the identity endpoints in Entra's exact shape: {@code error}, an
 * {@code error_description} that starts "AADSTSnnnnn: " and ends with the trace id, correlation id
 * and timestamp lines, {@code error_codes}, {@code timestamp}, {@code trace_id},
 * {@code correlation_id}, {@code error_uri}, and {@code suberror}/{@code claims} when relevant.
 * {@code invalid_client} is a 401, everything else a 400, unless a status is given.
 */
public final class EntraError extends RuntimeException {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final String error;
  private final long code;
  private final String suberror;
  private final String claims;
  private final int status;

  public EntraError(String error, long code, String description) {
    this(error, code, description, null, null, "invalid_client".equals(error) ? 401 : 400);
  }

  public EntraError(String error, long code, String description, String suberror, String claims, int status) {
    super("AADSTS" + code + ": " + description);
    this.error = error;
    this.code = code;
    this.suberror = suberror;
    this.claims = claims;
    this.status = status;
  }

  public String error() {
    return error;
  }

  public long code() {
    return code;
  }

  public int status() {
    return status;
  }

  public JsonObject body(Clock clock, String correlationId) {
    String trace = UUID.randomUUID().toString();
    String corr = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId;
    String stamp = STAMP.format(clock.instant());
    JsonObject body = new JsonObject().put("error", error)
        .put("error_description", getMessage() + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: " + corr
            + "\r\nTimestamp: " + stamp)
        .put("error_codes", new JsonArray().add(code)).put("timestamp", stamp).put("trace_id", trace)
        .put("correlation_id", corr).put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
    if (suberror != null) {
      body.put("suberror", suberror);
    }
    if (claims != null) {
      body.put("claims", claims);
    }
    return body;
  }

  public void send(RoutingContext ctx, Clock clock) {
    send(ctx.request(), clock);
  }

  public void send(io.vertx.core.http.HttpServerRequest request, Clock clock) {
    var response = request.response();
    String corr = request.getHeader("client-request-id");
    response.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store, no-cache");
    if (corr != null) {
      response.putHeader("client-request-id", corr);
    }
    response.end(body(clock, corr).encode());
  }
}
