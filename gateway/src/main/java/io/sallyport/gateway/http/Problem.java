package io.sallyport.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem: the one shape every error from the gateway itself takes on its API
 * surface. The type URI carries the stable code, so clients can branch without parsing text.
 *
 * @param status  HTTP status
 * @param code    stable dotted code (also a decision reason code where one applies)
 * @param title   short, fixed per code
 * @param detail  what happened to this request, naming the bad value where there is one
 */
public record Problem(int status, String code, String title, String detail, JsonObject extensions) {

  public static final String CONTENT_TYPE = "application/problem+json";

  public Problem(int status, String code, String title, String detail) {
    this(status, code, title, detail, null);
  }

  public JsonObject toJson(String requestId) {
    JsonObject o = new JsonObject()
        .put("type", "https://sallyport.io/problems/" + code)
        .put("title", title)
        .put("status", status)
        .put("code", code);
    if (detail != null && !detail.isEmpty()) {
      o.put("detail", detail);
    }
    if (requestId != null) {
      o.put("requestId", requestId);
    }
    if (extensions != null) {
      extensions.forEach(e -> o.put(e.getKey(), e.getValue())); // RFC 9457 extension members (an activate link)
    }
    return o;
  }

  /**
   * Sends the problem unless the response already started. A gateway error is never cached, and
   * when {@code close} is set the connection ends after it (after a malformed or unread request
   * the byte stream cannot be trusted for another request).
   */
  public Future<Void> send(HttpServerResponse response, String requestId, boolean close) {
    if (response.headWritten() || response.ended() || response.closed()) {
      return Future.succeededFuture();
    }
    response.setStatusCode(status);
    response.headers()
        .set("content-type", CONTENT_TYPE)
        .set("cache-control", "no-store")
        .set("x-content-type-options", "nosniff");
    if (requestId != null) {
      response.headers().set("x-request-id", requestId);
    }
    if (close) {
      response.headers().set("connection", "close");
    }
    return response.end(toJson(requestId).toBuffer());
  }

  /**
   * Sends the problem, then closes the connection once the answer is on the wire (closing at
   * once would discard the unflushed answer).
   */
  public void sendAndClose(HttpServerRequest request, String requestId) {
    boolean h2 = request.version() == HttpVersion.HTTP_2;
    send(request.response(), requestId, !h2).onComplete(v -> endExchange(request));
  }

  /**
   * Ends what is left of an exchange whose request will not be read further. HTTP/1 has only the
   * connection to close; an HTTP/2 stream is reset alone, so other requests multiplexed on the
   * same connection are not cut off for one client's bad request.
   */
  public static void endExchange(HttpServerRequest request) {
    if (request.version() == HttpVersion.HTTP_2) {
      request.response().reset();
    } else {
      request.connection().close();
    }
  }
}
