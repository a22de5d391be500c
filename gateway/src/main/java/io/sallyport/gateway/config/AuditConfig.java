package io.sallyport.gateway.config;

import java.time.Duration;

/**
 * {@code audit:}: what of the gateway's decisions reaches the audit trail, and how fast. Read at
 * start (restart to change): the queue and the flusher are sized once.
 *
 * @param allowed        which allowed requests become {@code access.allowed} events
 * @param window         with {@link Allowed#FIRST_PER_WINDOW}: one event per (caller, route) per window
 * @param deniedWindow   refusals from one client IP on one route for one reason within this window
 *                       become one {@code access.denied}/{@code access.challenged} event with a count
 * @param queue          events waiting for the store; beyond this they are dropped and counted
 * @param flushInterval  how often waiting events are written, in one batch
 */
public record AuditConfig(Allowed allowed, Duration window, Duration deniedWindow, int queue,
                          Duration flushInterval) {

  public enum Allowed {
    /** One event per (principal or session, route) per window: who reached what, not every request. */
    FIRST_PER_WINDOW,
    /** Every allowed request (costly at high request rates; the queue bounds it). */
    ALL,
    /** No allowed events; refusals are still recorded. */
    OFF
  }

  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
  public static final Duration DEFAULT_DENIED_WINDOW = Duration.ofSeconds(10);
  public static final int DEFAULT_QUEUE = 10_000;
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

  public static AuditConfig defaults() {
    return new AuditConfig(Allowed.FIRST_PER_WINDOW, DEFAULT_WINDOW, DEFAULT_DENIED_WINDOW, DEFAULT_QUEUE,
        DEFAULT_FLUSH_INTERVAL);
  }
}
