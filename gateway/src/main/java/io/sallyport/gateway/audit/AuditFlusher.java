package io.sallyport.gateway.audit;

import io.sallyport.gateway.store.AuditEvent;
import io.sallyport.gateway.store.AuditStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes the queued decision events every flush interval: on a worker it closes the refusal
 * windows that ended and turns the waiting events into audit rows, then hands them to the store
 * in batches of {@value #BATCH} (one transaction each, on the store's own workers). One flush at
 * a time; a stop flushes everything, open windows included.
 */
final class AuditFlusher {

  static final int BATCH = 500;

  private final Vertx vertx;
  private final DecisionAudit decisions;
  private final AuditQueue queue;
  private final Clock clock;
  private final Supplier<String> ids;
  private final long intervalMillis;
  private AuditStore store;
  private long timer = -1;
  private Future<Void> running = Future.succeededFuture();

  AuditFlusher(Vertx vertx, DecisionAudit decisions, AuditQueue queue, Clock clock, Supplier<String> ids,
               long intervalMillis) {
    this.vertx = vertx;
    this.decisions = decisions;
    this.queue = queue;
    this.clock = clock;
    this.ids = ids;
    this.intervalMillis = intervalMillis;
  }

  /** Starts flushing into {@code target}; until then events wait in the (bounded) queue. */
  synchronized void start(AuditStore target) {
    this.store = target;
    timer = vertx.setPeriodic(intervalMillis, id -> flush(false));
  }

  /**
   * One flush; if one is running, the same future (the next tick picks up what it left).
   *
   * @param everything also close refusal windows still open (at stop)
   */
  synchronized Future<Void> flush(boolean everything) {
    if (store == null) {
      return Future.succeededFuture();
    }
    if (!running.isComplete()) {
      return everything ? running.eventually(() -> flush(true)) : running;
    }
    AuditStore target = store;
    running = vertx.executeBlocking(() -> {
      if (everything) {
        decisions.closeAll();
      } else {
        decisions.sweep(clock.millis());
      }
      // everything waiting now (at most the queue's bound): what arrives meanwhile waits for the next tick
      List<Pending> pending = new ArrayList<>(queue.size());
      queue.drainTo(pending, Integer.MAX_VALUE);
      List<AuditEvent> events = new ArrayList<>(pending.size());
      for (Pending p : pending) {
        events.add(p.toEvent(ids.get()));
      }
      return events;
    }, false).compose(events -> write(target, events, 0));
    return running;
  }

  private Future<Void> write(AuditStore target, List<AuditEvent> events, int from) {
    if (from >= events.size()) {
      return Future.succeededFuture();
    }
    List<AuditEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
    return target.appendAll(batch)
        .recover(t -> {
          queue.lost(batch.size(), t);
          return Future.succeededFuture();
        })
        .compose(v -> write(target, events, from + BATCH));
  }

  /** Stops the timer and writes everything still waiting, open windows included. */
  Future<Void> stop() {
    synchronized (this) {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }
    return drainAll(0);
  }

  private Future<Void> drainAll(int rounds) {
    return flush(true).compose(v -> queue.size() > 0 && rounds < 100 ? drainAll(rounds + 1)
        : Future.succeededFuture());
  }
}
