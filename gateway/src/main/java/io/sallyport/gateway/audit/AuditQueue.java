package io.sallyport.gateway.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decision events between the event loops and the store, bounded. When the store cannot keep up
 * the newest events are dropped, counted in {@code sallyport_audit_dropped_total} and reported
 * by a WARN at most once a minute: traffic never waits for the audit trail, and a flood cannot
 * fill the heap or the log.
 */
final class AuditQueue {

  private static final Logger LOG = LoggerFactory.getLogger(AuditQueue.class);
  private static final long WARN_EVERY_MILLIS = 60_000;

  private final ArrayBlockingQueue<Pending> queue;
  private final Clock clock;
  private final Counter queueFull;
  private final Counter storeFailed;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong lastWarn = new AtomicLong(Long.MIN_VALUE);

  AuditQueue(int capacity, Clock clock, MeterRegistry registry) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.clock = clock;
    this.queueFull = Counter.builder("sallyport.audit.dropped").tag("cause", "queue_full")
        .description("Decision audit events lost: the queue was full, or the store refused a batch")
        .register(registry);
    this.storeFailed = Counter.builder("sallyport.audit.dropped").tag("cause", "store_failed")
        .description("Decision audit events lost: the queue was full, or the store refused a batch")
        .register(registry);
  }

  void offer(Pending p) {
    if (!queue.offer(p)) {
      queueFull.increment();
      warn(1, "the decision audit queue is full (" + queue.size() + " events waiting for the store); new ones are dropped");
    }
  }

  /** Moves up to {@code max} waiting events into {@code into}; how many moved. */
  int drainTo(List<Pending> into, int max) {
    return queue.drainTo(into, max);
  }

  int size() {
    return queue.size();
  }

  /** A batch the store did not take: counted as lost (it is not retried, so the queue keeps its bound). */
  void lost(int n, Throwable cause) {
    storeFailed.increment(n);
    warn(n, "the store refused a batch of decision audit events (" + cause + ")");
  }

  long dropped() {
    return dropped.get();
  }

  private void warn(int n, String what) {
    long total = dropped.addAndGet(n);
    long now = clock.millis();
    long last = lastWarn.get();
    if ((last == Long.MIN_VALUE || now - last >= WARN_EVERY_MILLIS) && lastWarn.compareAndSet(last, now)) {
      LOG.warn("audit: {}; {} decision event(s) lost since start (sallyport_audit_dropped_total)", what, total);
    }
  }
}
