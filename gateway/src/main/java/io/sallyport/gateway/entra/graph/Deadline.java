package io.sallyport.gateway.entra.graph;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Bounds how long a caller waits, without cancelling the work: a Graph lookup that outlives its
 * first caller still fills the cache for the next one. Completes on the caller's context, so a
 * request's continuation stays on its event loop whatever thread finished the work.
 */
final class Deadline {

  private Deadline() {}

  static <T> Future<T> bound(Vertx vertx, CompletionStage<T> work, Duration limit, Supplier<Throwable> late) {
    Context ctx = Vertx.currentContext();
    return bound(vertx, ctx == null ? Future.fromCompletionStage(work) : Future.fromCompletionStage(work, ctx),
        limit, late);
  }

  static <T> Future<T> bound(Vertx vertx, Future<T> work, Duration limit, Supplier<Throwable> late) {
    if (work.isComplete()) {
      return work;
    }
    Promise<T> out = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, limit.toMillis()), id -> out.tryFail(late.get()));
    work.onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        out.tryComplete(ar.result());
      } else {
        out.tryFail(ar.cause());
      }
    });
    return out.future();
  }
}
