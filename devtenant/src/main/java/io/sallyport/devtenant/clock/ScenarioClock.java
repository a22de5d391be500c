package io.sallyport.devtenant.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scenario's clock: real time plus an offset that tests and the control API move forward, so
 * schedules, token lifetimes and acceptances expire without anyone sleeping. It never goes back:
 * a token issued "later" must never become valid again.
 */
public final class ScenarioClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset;

  public ScenarioClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private ScenarioClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  /** Moves the scenario forward; refuses to move it back. */
  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the scenario clock only moves forward, not by " + by);
    }
    offset.accumulateAndGet(by, Duration::plus);
    return instant();
  }

  public Duration offset() {
    return offset.get();
  }

  /** Millisecond precision: Graph and Entra print at most 7 fraction digits, Instant.toString up to 9. */
  @Override
  public Instant instant() {
    return base.instant().plus(offset.get()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
