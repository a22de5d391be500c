package io.sallyport.gateway.pipeline.forward;

import io.sallyport.gateway.http.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * After refusing a request whose body is still arriving, keep reading (and dropping) that body
 * for a short while before closing. Closing at once leaves unread bytes in the kernel buffer, the
 * close turns into a TCP reset, and the client often loses the very response that explains the
 * refusal. Bounded in bytes and time, so a client cannot hold the connection with an endless body;
 * and never before the answer itself has been written.
 */
final class Linger {

  static final long MAX_BYTES = 1024 * 1024;
  static final long MAX_MILLIS = 5000;

  private Linger() {}

  static void discardThenClose(Vertx vertx, HttpServerRequest req, Future<Void> answered) {
    if (req.isEnded()) {
      return;
    }
    long[] dropped = {0};
    Runnable close = () -> answered.onComplete(v -> Problem.endExchange(req));
    long timer = vertx.setTimer(MAX_MILLIS, id -> close.run());
    req.handler(buf -> {
      dropped[0] += buf.length();
      if (dropped[0] > MAX_BYTES) {
        vertx.cancelTimer(timer);
        req.handler(null);
        close.run();
      }
    });
    req.endHandler(v -> {
      vertx.cancelTimer(timer);
      // the framing held to the end, but the exchange was refused mid-flight: start afresh
      close.run();
    });
    req.exceptionHandler(t -> vertx.cancelTimer(timer));
    req.resume();
  }
}
