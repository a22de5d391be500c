package io.sallyport.gateway.bench;

import io.sallyport.gateway.assertion.Assertions;
import io.sallyport.gateway.assertion.KeyRing;
import io.sallyport.gateway.config.AssertionConfig;
import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.Snapshot;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The identity assertion per request: {@code cachedHit} is what nearly every request pays (cache
 * lookup and three headers); {@code signMiss} is a first request of a new caller (claims, ES256
 * signature, cache insert), forced by a fresh session id per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AssertionBenchmark {

  Assertions assertions;
  Route route;
  Decision decision;
  long session;
  /** The forwarded header set already exists per request; only the assertion's work is measured. */
  final MultiMap headers = HttpHeaders.headers();
  String token;

  @Setup
  public void setup() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    java.security.KeyPair key = g.generateKeyPair();
    SallyportConfig c = ConfigLoader.parse("routes:\n  - { name: billing, upstream: \"http://10.0.0.5:3000\" }\n",
        null, Map.of());
    AssertionConfig a = new AssertionConfig(true, "sallyport", Duration.ofSeconds(60), null, key, true);
    Snapshot snap = Snapshot.of(new SallyportConfig(null, c.listeners(), c.proxy(), c.accessLog(), c.tenant(),
        c.store(), c.routes(), c.scim(), c.audit(), c.sessions(), c.graph(), a), 1);
    KeyRing ring = new KeyRing(null, () -> a, Clock.systemUTC());
    assertions = new Assertions(ring, () -> snap, Clock.systemUTC());
    route = snap.routes().routes().get(0);
    decision = decision("sess-0");
    assertions.addTo(route, decision, headers);
    token = headers.get("X-Sallyport-Assertion");
  }

  static Decision decision(String session) {
    Principal p = new Principal("5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6", "11111111-2222-4333-8444-555555555555",
        "Alice Admin", "alice@contoso.example", "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", List.of("g1", "g2"), session);
    return new Decision(Decision.Verdict.ALLOW, List.of(Reason.of("authz.allowed", "ok")), null, p);
  }

  @Benchmark
  public MultiMap cachedHit() {
    assertions.addTo(route, decision, headers);
    return headers;
  }

  /**
   * Baseline: setting the same three values alone. Vert.x validates every character of a header
   * value, so the ~1 KB JWT costs most of a hit wherever it is set.
   */
  @Benchmark
  public MultiMap headersOnly() {
    headers.set("X-Sallyport-Assertion", token);
    headers.set(Assertions.USER_HEADER, "11111111-2222-4333-8444-555555555555");
    headers.set(Assertions.UPN_HEADER, "alice@contoso.example");
    return headers;
  }

  @Benchmark
  public MultiMap signMiss() {
    assertions.addTo(route, decision("sess-" + (++session)), headers);
    return headers;
  }
}
