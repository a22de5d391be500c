package io.sallyport.gateway.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sallyport.gateway.audit.DecisionTrail;
import io.sallyport.gateway.config.AuditConfig;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision audit's cost per finished exchange on the event loop: an allowed caller already
 * recorded in this window (the common case; target well under 1 µs) and a refusal added to an
 * open coalescing window. The flusher is never started, so nothing is written.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecisionAuditBenchmark {

  Vertx vertx;
  ExchangeListener listener;
  Exchange allowed;
  Exchange denied;

  @Setup
  public void setup() {
    vertx = Vertx.vertx();
    // windows far longer than the run: every measured call is a repeat
    AuditConfig config = new AuditConfig(AuditConfig.Allowed.FIRST_PER_WINDOW, java.time.Duration.ofDays(1),
        java.time.Duration.ofHours(1), 10_000, java.time.Duration.ofSeconds(1));
    listener = new DecisionTrail(vertx, config, Clock.systemUTC(), new SimpleMeterRegistry(),
        () -> UUID.randomUUID().toString()).listener();
    Principal alice = new Principal("5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6", "0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e",
        "Alice", "alice@example.com", "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", List.of(), null);
    allowed = exchange(new Decision(Decision.Verdict.ALLOW, List.of(Reason.of("authz.allowed", "ok")), null, alice));
    denied = exchange(new Decision(Decision.Verdict.DENY, List.of(Reason.of("authn.token_malformed", "bad")),
        new Decision.Answer(401, null), null));
    listener.completed(allowed);
    listener.completed(denied);
  }

  private static Exchange exchange(Decision d) {
    Exchange ex = new Exchange("req-1", System.nanoTime(), System.currentTimeMillis(), "GET", "/api/orders");
    ex.surface = "billing-api";
    ex.decision = d;
    ex.clientIp = "203.0.113.7";
    ex.userAgent = "curl/8.5.0";
    ex.status = d.allowed() ? 200 : 401;
    return ex;
  }

  @TearDown
  public void tearDown() {
    vertx.close();
  }

  @Benchmark
  public void allowedRepeat() {
    listener.completed(allowed);
  }

  @Benchmark
  public void deniedCoalesced() {
    listener.completed(denied);
  }
}
