package io.sallyport.gateway.pipeline.forward;

import io.sallyport.gateway.pipeline.Exchange;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;

/**
 * Streams a client's request body to the upstream with back-pressure, counting bytes against the
 * route's limit as they pass, so no body is ever held whole and an oversized chunked body is
 * stopped at the byte that crosses the limit.
 */
final class BodyPump {

  private BodyPump() {}

  /**
   * @param knownLength  the client's Content-Length, or -1 when the body is chunked or absent
   * @param onSent       called once the whole body has been handed to the upstream
   * @param onOverLimit  called (instead of onSent) when the body crosses {@code limit}
   */
  static void pump(HttpServerRequest req, HttpClientRequest upstream, Exchange ex, long knownLength,
                   long limit, Handler<Void> onSent, Handler<Void> onOverLimit) {
    if (knownLength >= 0) {
      upstream.putHeader("content-length", Long.toString(knownLength));
    }
    req.handler(buf -> {
      ex.bytesIn += buf.length();
      if (limit >= 0 && ex.bytesIn > limit) {
        req.handler(null);
        req.endHandler(null);
        onOverLimit.handle(null);
        return;
      }
      if (knownLength < 0 && !upstream.isChunked()) {
        // only a body that actually has bytes goes chunked; an empty one ends with no framing
        upstream.setChunked(true);
      }
      upstream.write(buf);
      if (upstream.writeQueueFull()) {
        req.pause();
        upstream.drainHandler(v -> req.resume());
      }
    });
    req.endHandler(v -> {
      upstream.end();
      onSent.handle(null);
    });
    req.resume();
  }
}
