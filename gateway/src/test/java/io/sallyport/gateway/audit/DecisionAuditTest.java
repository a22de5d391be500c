package io.sallyport.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sallyport.gateway.config.AuditConfig;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.store.AuditEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Sampling of allows and coalescing of refusals, with a clock the test moves. */
class DecisionAuditTest {

  static final Principal ALICE = new Principal("tid", "oid-alice", "Alice", "alice@x", "app", List.of(), null);
  static final Principal BOB = new Principal("tid", "oid-bob", "Bob", "bob@x", "app", List.of(), null);
  static final Decision ALLOW = new Decision(Decision.Verdict.ALLOW, List.of(Reason.of("authz.allowed", "ok")),
      null, ALICE);

  final MovableClock clock = new MovableClock();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  int requests;

  AuditConfig config(AuditConfig.Allowed allowed, int queue) {
    return new AuditConfig(allowed, Duration.ofMinutes(5), Duration.ofSeconds(10), queue, Duration.ofSeconds(1));
  }

  Exchange exchange(String route, Decision d, String ip) {
    Exchange ex = new Exchange("req-" + ++requests, 0, clock.millis(), "GET", "/" + route + "/x");
    ex.surface = route;
    ex.decision = d;
    ex.clientIp = ip;
    ex.status = d.allowed() ? 200 : d.status();
    return ex;
  }

  static Decision allow(Principal p) {
    return new Decision(Decision.Verdict.ALLOW, List.of(Reason.of("authz.allowed", "ok")), null, p);
  }

  static Decision deny(String code) {
    return new Decision(Decision.Verdict.DENY, List.of(Reason.of(code, "no")), new Decision.Answer(401, null), null);
  }

  static List<Pending> drain(AuditQueue q) {
    List<Pending> out = new ArrayList<>();
    q.drainTo(out, Integer.MAX_VALUE);
    return out;
  }

  @Test
  void allowsAreRecordedOncePerCallerAndRoutePerWindow() {
    AuditQueue q = new AuditQueue(1000, clock, registry);
    DecisionAudit audit = new DecisionAudit(config(AuditConfig.Allowed.FIRST_PER_WINDOW, 1000), q);
    for (int i = 0; i < 500; i++) {
      audit.completed(exchange("api", ALLOW, "10.0.0.1"));
      clock.advance(Duration.ofMillis(100));
    }
    audit.completed(exchange("billing", ALLOW, "10.0.0.1"));
    audit.completed(exchange("api", allow(BOB), "10.0.0.1"));
    Principal session = new Principal("tid", "oid-alice", "Alice", "alice@x", "app", List.of(), "s-2");
    audit.completed(exchange("api", allow(session), "10.0.0.1"));
    List<Pending> first = drain(q);
    assertThat(first).extracting(Pending::route).containsExactly("api", "billing", "api", "api");
    assertThat(first.get(0).requestId()).isEqualTo("req-1");

    clock.advance(Duration.ofMinutes(5)); // the window (from the first, 50 s ago) is over
    audit.completed(exchange("api", ALLOW, "10.0.0.1"));
    audit.completed(exchange("api", ALLOW, "10.0.0.1"));
    assertThat(drain(q)).hasSize(1);
    audit.sweep(clock.millis() + Duration.ofMinutes(6).toMillis());
    audit.completed(exchange("api", ALLOW, "10.0.0.1"));
    assertThat(drain(q)).as("the sweep forgot the expired window: a new one starts").hasSize(1);
  }

  @Test
  void allModeRecordsEveryAllowAndOffNone() {
    AuditQueue q = new AuditQueue(1000, clock, registry);
    DecisionAudit all = new DecisionAudit(config(AuditConfig.Allowed.ALL, 1000), q);
    DecisionAudit off = new DecisionAudit(config(AuditConfig.Allowed.OFF, 1000), q);
    Decision open = Decision.allow(Reason.of("route.public", "public"));
    for (int i = 0; i < 10; i++) {
      all.completed(exchange("api", ALLOW, "10.0.0.1"));
      all.completed(exchange("open", open, "10.0.0.1"));
      off.completed(exchange("api", ALLOW, "10.0.0.1"));
    }
    assertThat(drain(q)).hasSize(20);
    new DecisionAudit(config(AuditConfig.Allowed.FIRST_PER_WINDOW, 1000), q).completed(exchange("open", open, "1"));
    assertThat(drain(q)).as("a public route has no caller to sample by").isEmpty();
  }

  @Test
  void refusalsCoalescePerClientRouteAndReasonUntilTheWindowEnds() {
    AuditQueue q = new AuditQueue(1000, clock, registry);
    DecisionAudit audit = new DecisionAudit(config(AuditConfig.Allowed.OFF, 1000), q);
    long start = clock.millis();
    for (int i = 0; i < 1000; i++) {
      audit.completed(exchange("api", deny("authn.token_malformed"), "10.0.0.1"));
    }
    clock.advance(Duration.ofSeconds(3));
    audit.completed(exchange("api", deny("authn.token_malformed"), "10.0.0.1"));
    audit.completed(exchange("api", deny("authn.token_malformed"), "10.0.0.2"));
    audit.completed(exchange("api", deny("authn.missing"), "10.0.0.1"));
    audit.completed(exchange("other", deny("authn.token_malformed"), "10.0.0.1"));
    assertThat(drain(q)).as("nothing before the window ends").isEmpty();
    audit.sweep(clock.millis());
    assertThat(drain(q)).isEmpty();

    clock.advance(Duration.ofSeconds(7));
    audit.sweep(clock.millis());
    List<Pending> events = drain(q);
    assertThat(events).hasSize(1);
    Pending flood = events.get(0);
    assertThat(flood.count()).isEqualTo(1001);
    assertThat(flood.atMillis()).isEqualTo(start);
    assertThat(flood.lastMillis()).isEqualTo(start + 3000);
    assertThat(flood.type()).isEqualTo(AccessEvents.DENIED);
    assertThat(flood.requestId()).isEqualTo("req-1");
    clock.advance(Duration.ofSeconds(3));
    audit.sweep(clock.millis());
    assertThat(drain(q)).extracting(Pending::count).containsExactly(1L, 1L, 1L);
    assertThat(audit.openWindows()).isZero();

    // a request after the window's end starts a new window even before the sweeper came by
    audit.completed(exchange("api", deny("authn.missing"), "10.0.0.9"));
    clock.advance(Duration.ofSeconds(11));
    audit.completed(exchange("api", deny("authn.missing"), "10.0.0.9"));
    assertThat(drain(q)).extracting(Pending::count).containsExactly(1L);
    audit.closeAll();
    assertThat(drain(q)).extracting(Pending::count).containsExactly(1L);
  }

  @Test
  void concurrentEventLoopsAndSweepsLoseNoRefusal() throws Exception {
    AuditQueue q = new AuditQueue(100_000, clock, registry);
    DecisionAudit audit = new DecisionAudit(new AuditConfig(AuditConfig.Allowed.OFF, Duration.ofMinutes(5),
        Duration.ofSeconds(1), 100_000, Duration.ofSeconds(1)), q);
    int threads = 4;
    int each = 50_000;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> loops = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread th = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < each; i++) {
          Exchange ex = new Exchange("r", 0, clock.millis(), "GET", "/api");
          ex.surface = "api";
          ex.clientIp = "10.0.0.1";
          ex.decision = deny("authn.token_malformed");
          audit.completed(ex);
        }
      });
      th.start();
      loops.add(th);
    }
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sweeper = new Thread(() -> {
      while (running.get()) {
        clock.advance(Duration.ofMillis(300));
        audit.sweep(clock.millis());
      }
    });
    go.countDown();
    sweeper.start();
    for (Thread th : loops) {
      th.join();
    }
    running.set(false);
    sweeper.join();
    audit.closeAll();
    List<Pending> events = drain(q);
    assertThat(events.size()).isGreaterThan(1);
    assertThat(events.stream().mapToLong(Pending::count).sum()).isEqualTo((long) threads * each);
  }

  @Test
  void aFullQueueDropsCountsAndWarnsOncePerMinute() {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger logger = (Logger) LoggerFactory.getLogger(AuditQueue.class);
    logger.addAppender(logs);
    try {
      AuditQueue q = new AuditQueue(100, clock, registry);
      DecisionAudit audit = new DecisionAudit(config(AuditConfig.Allowed.ALL, 100), q);
      for (int i = 0; i < 150; i++) {
        audit.completed(exchange("api", ALLOW, "10.0.0.1"));
      }
      assertThat(q.size()).isEqualTo(100);
      assertThat(q.dropped()).isEqualTo(50);
      assertThat(registry.get("sallyport.audit.dropped").tag("cause", "queue_full").counter().count()).isEqualTo(50);
      assertThat(logs.list).hasSize(1);
      assertThat(logs.list.get(0).getFormattedMessage()).contains("1 decision event(s) lost")
          .contains("sallyport_audit_dropped_total");
      clock.advance(Duration.ofSeconds(61));
      audit.completed(exchange("api", ALLOW, "10.0.0.1"));
      assertThat(logs.list).hasSize(2);
      assertThat(logs.list.get(1).getFormattedMessage()).contains("51 decision event(s) lost");
    } finally {
      logger.detachAppender(logs);
    }
  }

  @Test
  void eventsCarryTheDecisionButNeverTheQueryString() {
    Principal p = new Principal("tid", "oid-alice", "Alice", "alice@x", "app-1", List.of(), "sess-1");
    Decision d = new Decision(Decision.Verdict.CHALLENGE, List.of(Reason.of("ca.mfa_missing", "needs mfa"),
        Reason.of("ca.auth_too_old", "too old")), new Decision.Answer(401, "Bearer"), p);
    Exchange ex = new Exchange("req-9", 0, clock.millis(), "POST", "/api/orders");
    ex.surface = "api";
    ex.decision = d;
    ex.clientIp = "2001:db8::1";
    ex.userAgent = "curl/8 " + "x".repeat(1000);
    ex.status = 401;
    AuditEvent e = Pending.of(ex).coalesced(3, clock.millis() + 5).toEvent("id-1");
    assertThat(e.type()).isEqualTo("access.challenged");
    assertThat(e.actor()).isEqualTo("oid-alice");
    assertThat(e.route()).isEqualTo("api");
    assertThat(e.requestId()).isEqualTo("req-9");
    var det = e.details();
    assertThat(det.getJsonArray("reasons").getJsonObject(1).getString("code")).isEqualTo("ca.auth_too_old");
    assertThat(det.getInteger("status")).isEqualTo(401);
    assertThat(det.getString("method")).isEqualTo("POST");
    assertThat(det.getString("path")).isEqualTo("/api/orders");
    assertThat(det.getString("clientIp")).isEqualTo("2001:db8::1");
    assertThat(det.getString("userAgent")).hasSize(Pending.MAX_USER_AGENT + 1).startsWith("curl/8 ");
    assertThat(det.getJsonObject("principal").getString("upn")).isEqualTo("alice@x");
    assertThat(det.getJsonObject("principal").getString("appId")).isEqualTo("app-1");
    assertThat(det.getString("sessionId")).isEqualTo("sess-1");
    assertThat(det.getLong("count")).isEqualTo(3);
  }
}
