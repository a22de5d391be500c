package io.sallyport.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sallyport.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.slf4j.LoggerFactory;

/**
 * One store per test class with {@link StoreScimStorage} on it, and Vert.x reporting any event
 * loop blocked for more than 500 ms (the class fails if one was). Tests use fresh random ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StorageFixture {
  private static final String BLOCKED_THREAD_CHECKER = "io.vertx.core.impl.BlockedThreadChecker";
  private final ListAppender<ILoggingEvent> blocked = new ListAppender<>();
  private String skipReason;
  protected Vertx vertx;
  protected Store store;
  protected StoreScimStorage storage;

  /** Creates the empty database, or throws {@link TestAbortedException} to skip the class. */
  protected abstract void prepareDatabase() throws Exception;

  protected abstract Future<Store> openStore(Vertx vertx);

  protected abstract void dropDatabase() throws Exception;

  @BeforeAll
  void openAll() throws Exception {
    try {
      prepareDatabase();
    } catch (TestAbortedException e) {
      skipReason = e.getMessage();
      return;
    }
    blocked.start();
    ((Logger) LoggerFactory.getLogger(BLOCKED_THREAD_CHECKER)).addAppender(blocked);
    vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(500)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS).setBlockedThreadCheckInterval(50));
    store = await(openStore(vertx));
    storage = new StoreScimStorage(store.directory(), new Deprovisioning(vertx, store.sessions(), store.events(),
        store.audit(), Clock.systemUTC(), () -> UUID.randomUUID().toString()));
  }

  @BeforeEach
  void requireDatabase() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  @AfterAll
  void closeAll() throws Exception {
    ((Logger) LoggerFactory.getLogger(BLOCKED_THREAD_CHECKER)).detachAppender(blocked);
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
    assertThat(blocked.list).extracting(ILoggingEvent::getFormattedMessage).as("an event loop was blocked").isEmpty();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Throwable failure(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  static String uid() {
    return UUID.randomUUID().toString();
  }
}
