package io.sallyport.gateway.audit;

import io.sallyport.gateway.config.AuditConfig;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.pipeline.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns finished exchanges into decision audit events without a database write per request.
 * Allowed requests are recorded once per (session or principal, route) per window: a PAM admin
 * wants to see who reached what, not 15k rows a second. Refusals are coalesced per (client IP,
 * route, reason code) per window into one event with a count, so a flood of garbage tokens costs a
 * handful of rows. Runs on the event loops (several at once): lock-free maps, no I/O.
 */
public final class DecisionAudit implements ExchangeListener {

  /** Open windows beyond these are not tracked (each event is then queued alone; the queue bounds them). */
  static final int MAX_ALLOW_KEYS = 200_000;
  static final int MAX_OPEN_TALLIES = 50_000;

  private record AllowKey(String route, String tenant, String who, String session) {}

  private record DenyKey(String clientIp, String route, String code) {}

  private final AuditConfig.Allowed allowed;
  private final long windowMillis;
  private final long deniedWindowMillis;
  private final AuditQueue queue;
  private final ConcurrentHashMap<AllowKey, Long> seen = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<DenyKey, Tally> open = new ConcurrentHashMap<>();

  DecisionAudit(AuditConfig config, AuditQueue queue) {
    this.allowed = config.allowed();
    this.windowMillis = config.window().toMillis();
    this.deniedWindowMillis = config.deniedWindow().toMillis();
    this.queue = queue;
  }

  @Override
  public void completed(Exchange ex) {
    Decision d = ex.decision;
    if (d == null) {
      return; // answered before any decision (malformed request, no route, SCIM): not an access decision
    }
    if (d.allowed()) {
      allowed(ex, d.principal());
    } else {
      refused(ex, d);
    }
  }

  private void allowed(Exchange ex, Principal p) {
    if (allowed == AuditConfig.Allowed.OFF) {
      return;
    }
    if (allowed == AuditConfig.Allowed.ALL) {
      queue.offer(Pending.of(ex));
      return;
    }
    if (p == null) {
      // a public route has no caller: one row per window for "everyone" says nothing; "all" records them
      return;
    }
    String who = p.oid() != null ? p.oid() : p.appId();
    AllowKey key = new AllowKey(ex.routeName(), p.tenantId(), who, p.sessionId());
    long at = ex.startEpochMillis;
    Long last = seen.get(key);
    if (last != null && at - last < windowMillis) {
      return; // the common case: seen in this window, one map lookup and nothing else
    }
    boolean first = last == null
        ? seen.size() >= MAX_ALLOW_KEYS || seen.putIfAbsent(key, at) == null
        : seen.replace(key, last, at);
    if (first) {
      queue.offer(Pending.of(ex)); // another event loop may have won the race for this window: it records
    }
  }

  private void refused(Exchange ex, Decision d) {
    DenyKey key = new DenyKey(ex.clientIp, ex.routeName(), d.primaryCode());
    long at = ex.startEpochMillis;
    for (;;) {
      Tally t = open.get(key);
      if (t == null) {
        if (open.size() >= MAX_OPEN_TALLIES) {
          queue.offer(Pending.of(ex));
          return;
        }
        t = open.putIfAbsent(key, new Tally(Pending.of(ex), at));
        if (t == null) {
          return;
        }
      }
      if (at - t.startMillis >= deniedWindowMillis) {
        emit(key, t); // its window is over and the sweeper has not come by yet
        continue;
      }
      if (t.add(at)) {
        return;
      }
      // closed by the sweeper between get and add: start the next window
    }
  }

  /**
   * Closes refusal windows that ended by {@code nowMillis} and forgets allow windows that expired.
   * Called by the flusher on a worker, never on an event loop (the maps may be large).
   */
  void sweep(long nowMillis) {
    for (Map.Entry<DenyKey, Tally> e : open.entrySet()) {
      if (nowMillis - e.getValue().startMillis >= deniedWindowMillis) {
        emit(e.getKey(), e.getValue());
      }
    }
    seen.entrySet().removeIf(e -> nowMillis - e.getValue() >= windowMillis);
  }

  /** At shutdown: every open refusal window is written now, with the count so far. */
  void closeAll() {
    for (Map.Entry<DenyKey, Tally> e : open.entrySet()) {
      emit(e.getKey(), e.getValue());
    }
  }

  int openWindows() {
    return open.size();
  }

  private void emit(DenyKey key, Tally t) {
    // remove first, then close: an add that raced in before the close is still counted
    open.remove(key, t);
    Pending p = t.close();
    if (p != null) {
      queue.offer(p);
    }
  }
}
