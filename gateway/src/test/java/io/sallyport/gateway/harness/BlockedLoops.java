package io.sallyport.gateway.harness;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Collects Vert.x's blocked-thread reports for the whole test JVM. Gateways under test run with a
 * short limit, so anything that blocks an event loop (JDBC, file I/O, a lock) is reported and the
 * test that stops the gateway fails.
 */
public final class BlockedLoops {

  /** Short enough to catch a blocking call, long enough for a loaded 2-core CI machine. */
  public static final long LIMIT_MILLIS = 500;

  private static final String CHECKER = "io.vertx.core.impl.BlockedThreadChecker";
  private static final ListAppender<ILoggingEvent> REPORTS = new ListAppender<>();

  private BlockedLoops() {}

  static synchronized void watch() {
    if (!REPORTS.isStarted()) {
      REPORTS.start();
      ((Logger) LoggerFactory.getLogger(CHECKER)).addAppender(REPORTS);
    }
  }

  static synchronized void assertNone() {
    var seen = REPORTS.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    REPORTS.list.clear();
    assertThat(seen).as("an event loop was blocked").isEmpty();
  }
}
