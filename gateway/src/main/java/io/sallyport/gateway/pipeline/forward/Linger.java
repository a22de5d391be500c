package io.sallyport.gateway.pipeline.forward;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * After refusing a request whose body is still arriving, keep reading (and dropping) that body
 * for a short while before closing. Closing at once leaves unread bytes in the kernel buffer, the
 * close turns into a TCP reset, and the client often loses the very response that explains the
 * refusal. Bounded in bytes and time, so a client cannot hold the connection with an endless body.
 */
final class Linger {

  static final long MAX_BYTES = 1024 * 1024;
  static final long MAX_MILLIS = 5000;

  private Linger() {}

  static void discardThenClose(Vertx vertx, HttpServerRequest req) {
    if (req.isEnded()) {
      return;
    }
    long[] dropped = {0};
    long timer = vertx.setTimer(MAX_MILLIS, id -> req.connection().close());
    req.handler(buf -> {
      dropped[0] += buf.length();
      if (dropped[0] > MAX_BYTES) {
        vertx.cancelTimer(timer);
        req.connection().close();
      }
    });
    req.endHandler(v -> {
      vertx.cancelTimer(timer);
      // the framing held to the end: close anyway, the exchange was refused mid-flight
      req.connection().close();
    });
    req.exceptionHandler(t -> vertx.cancelTimer(timer));
    req.resume();
  }
}
