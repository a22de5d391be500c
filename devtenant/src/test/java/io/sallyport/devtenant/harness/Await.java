package io.sallyport.devtenant.harness;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Blocks a test thread (never an event loop) on a Vert.x future. */
public final class Await {

  private Await() {}

  public static <T> T result(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
