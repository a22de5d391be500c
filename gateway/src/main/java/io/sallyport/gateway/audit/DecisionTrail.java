package io.sallyport.gateway.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.sallyport.gateway.config.AuditConfig;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.store.AuditStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The decision audit as the composition root sees it: a listener for finished exchanges that can
 * run before the store is open (events wait in the bounded queue), started once the store is,
 * and stopped after the listeners drained and before the store closes, so nothing is lost on a
 * clean shutdown.
 */
public final class DecisionTrail {

  private final DecisionAudit listener;
  private final AuditQueue queue;
  private final AuditFlusher flusher;

  public DecisionTrail(Vertx vertx, AuditConfig config, Clock clock, MeterRegistry registry, Supplier<String> ids) {
    this.queue = new AuditQueue(config.queue(), clock, registry);
    this.listener = new DecisionAudit(config, queue);
    this.flusher = new AuditFlusher(vertx, listener, queue, clock, ids, config.flushInterval().toMillis());
  }

  public ExchangeListener listener() {
    return listener;
  }

  public void start(AuditStore store) {
    flusher.start(store);
  }

  /** Writes what is waiting now (tests; the timer does this every flush interval). */
  public Future<Void> flush() {
    return flusher.flush(false);
  }

  public Future<Void> stop() {
    return flusher.stop();
  }

  /** Events lost so far (queue full or refused by the store). */
  public long dropped() {
    return queue.dropped();
  }
}
