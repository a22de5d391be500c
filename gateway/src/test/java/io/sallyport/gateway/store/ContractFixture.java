package io.sallyport.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.slf4j.LoggerFactory;

/**
 * Opens one store per test class (per database) and offers blocking helpers for test threads.
 * Tests use fresh random ids, so they share the store without seeing each other's rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContractFixture {
  protected Vertx vertx;
  protected Store store;

  /** Creates the empty database (or skips the class if it cannot be reached). */
  protected abstract void prepareDatabase() throws Exception;

  protected abstract Future<Store> openStore(Vertx vertx, Clock clock);

  protected abstract void dropDatabase() throws Exception;

  /** Why the database is missing; each test then reports SKIPPED rather than vanishing. */
  private String skipReason;
  private static final String BLOCKED_THREAD_CHECKER =
      "io.vertx.core.impl.BlockedThreadChecker";
  private final ListAppender<ILoggingEvent> blockedThreadWarnings = new ListAppender<>();

  /** Calls {@code call} on an event-loop thread, as gateway code does. */
  protected <T> Future<T> onEventLoop(Supplier<Future<T>> call) {
    Context context = vertx.getOrCreateContext();
    return Future.future(promise -> context.runOnContext(v -> call.get().onComplete(promise)));
  }

  @BeforeAll
  void openAll() throws Exception {
    try {
      prepareDatabase();
    } catch (TestAbortedException e) {
      skipReason = e.getMessage();
      return;
    }
    // A short limit makes Vert.x report any store call that blocks an event loop; closeAll fails
    // the class if it did.
    blockedThreadWarnings.start();
    ((Logger) LoggerFactory.getLogger(BLOCKED_THREAD_CHECKER)).addAppender(blockedThreadWarnings);
    vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(500)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS).setBlockedThreadCheckInterval(50));
    store = await(openStore(vertx, Clock.systemUTC()));
  }

  @BeforeEach
  void requireDatabase() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  @AfterAll
  void closeAll() throws Exception {
    ((Logger) LoggerFactory.getLogger(BLOCKED_THREAD_CHECKER)).detachAppender(blockedThreadWarnings);
    try {
      if (store != null) {
        await(store.close());
      }
      if (vertx != null) {
        await(vertx.close());
      }
    } finally {
      dropDatabase();
    }
    assertThat(blockedThreadWarnings.list).extracting(ILoggingEvent::getFormattedMessage)
        .as("store calls blocked an event loop").isEmpty();
  }

  protected static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for {@code future} to fail and returns why. */
  protected static Throwable failure(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static String uid() {
    return UUID.randomUUID().toString();
  }

  protected static void assertFailsWith(Future<?> future, Class<? extends Throwable> type) {
    assertThat(failure(future)).isInstanceOf(type);
  }
}
