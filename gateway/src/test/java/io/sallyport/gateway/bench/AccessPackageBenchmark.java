package io.sallyport.gateway.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.config.RouteConfig;
import io.sallyport.gateway.entra.graph.GraphClient;
import io.sallyport.gateway.entra.graph.GraphMetrics;
import io.sallyport.gateway.entra.graph.GraphOptions;
import io.sallyport.gateway.entra.graph.GroupMemberships;
import io.sallyport.gateway.entra.graph.PackageAssignments;
import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.authz.AccessPackageRequirement;
import io.sallyport.gateway.pipeline.authz.TermsRequirement;
import io.sallyport.gateway.config.RequireTerms;
import io.sallyport.gateway.entra.graph.DelegatedTokens;
import io.sallyport.gateway.entra.graph.TermsFacts;
import java.time.Instant;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.pipeline.route.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * {@code require.access-package} per request once the user's assignments are cached: the identity
 * policy's (pre-computed) allow alone, then with the access package check on top. The Graph client
 * answers the one warm-up lookup from memory; the measured path never reaches it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccessPackageBenchmark {

  static final String PKG = "4f0e2d1c-8b7a-4c6d-9e5f-0a1b2c3d4e5f";
  static final String TERMS = "3a8f6c2e-1b2c-4d3e-9f4a-5b6c7d8e9f0a";

  Vertx vertx;
  AccessPolicy identity;
  AccessPackageRequirement packages;
  TermsRequirement terms;
  Route route;
  Route termsRoute;

  @Setup
  public void setup() {
    vertx = Vertx.vertx();
    String oid = UUID.randomUUID().toString();
    GraphClient stub = new GraphClient() {
      @Override
      public Future<JsonObject> get(String operation, String pathAndQuery) {
        return Future.succeededFuture(new JsonObject().put("id", TERMS).put("displayName", "Terms")
            .put("userReacceptRequiredFrequency", "P90D"));
      }

      @Override
      public Future<List<JsonObject>> list(String operation, String pathAndQuery) {
        return Future.succeededFuture(List.of(new JsonObject().put("state", "delivered")
            .put("accessPackage", new JsonObject().put("id", PKG))));
      }

      @Override
      public Future<List<JsonObject>> listAs(String operation, String pathAndQuery, String token) {
        return Future.succeededFuture(List.of(new JsonObject().put("agreementId", TERMS).put("state", "accepted")
            .put("recordedDateTime", Instant.now().toString()).putNull("expirationDateTime")));
      }

      @Override
      public Future<Reply> selfActivate(String operation, io.sallyport.gateway.entra.graph.PimActivation.Request request, String userToken) {
        return Future.failedFuture("not used by this benchmark");
      }

      @Override
      public Future<Void> ready() {
        return Future.succeededFuture();
      }

      @Override
      public void close() {}

      @Override
      public long tokenRequests() {
        return 0;
      }
    };
    GraphOptions o = new GraphOptions(URI.create("https://graph.invalid"), URI.create("https://login.invalid"), "t",
        "c", "s", null, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMinutes(5), Duration.ofMinutes(1),
        Duration.ZERO, 2, 999, 1_000_000);
    GraphMetrics metrics = new GraphMetrics(new SimpleMeterRegistry());
    Clock clock = Clock.systemUTC();
    TenantGraph.Current current = new TenantGraph.Current(o, stub, new GroupMemberships(vertx, stub, o, metrics, clock),
        new PackageAssignments(vertx, stub, o, metrics, clock), new TermsFacts(vertx, stub, new DelegatedTokens() {
          @Override
          public Future<String> token(String assertion) {
            return Future.succeededFuture("graph-token");
          }

          @Override
          public void close() {}
        }, o, metrics, clock), null, null);
    Principal p = new Principal("t", oid, "Bench", "bench@example.com", "app", List.of(), null);
    Future<Decision> allowed = Future.succeededFuture(new Decision(Decision.Verdict.ALLOW,
        List.of(Reason.of("authz.allowed", "ok")), null, p));
    identity = (r, req) -> allowed;
    packages = new AccessPackageRequirement(identity, () -> current, clock);
    terms = new TermsRequirement(packages, () -> current, () -> null, null, clock);
    RouteConfig.Timeouts t = new RouteConfig.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60),
        Duration.ofSeconds(60));
    RequireConfig require = new RequireConfig(List.of(), List.of(), List.of(), false, null, null, null, PKG);
    List<RouteConfig> routes = new ArrayList<>();
    routes.add(new RouteConfig("billing", null, "/billing", URI.create("http://127.0.0.1:9"), null, false, false,
        1024, t, null, 64, require));
    routes.add(new RouteConfig("privileged", null, "/privileged", URI.create("http://127.0.0.1:9"), null, false,
        false, 1024, t, null, 64, new RequireConfig(List.of(), List.of(), List.of(), false, null, null, null, PKG,
        new RequireTerms(TERMS, RequireTerms.Via.STEP_UP, "c2", null, null))));
    RouteTable table = RouteTable.compile(routes);
    route = table.match(null, "/billing");
    termsRoute = table.match(null, "/privileged");
    current.terms().acceptances(oid, () -> "user-token", false, null).await();
    current.terms().agreement(TERMS).await();
    current.packages().lookup(oid).await(); // warm: what every later request finds
    if (!packages.decide(route, null).result().allowed()) {
      throw new IllegalStateException("the benchmark's user should pass");
    }
    if (!terms.decide(termsRoute, null).await().allowed()) {
      throw new IllegalStateException("the benchmark's user should pass the terms");
    }
  }

  @TearDown
  public void tearDown() {
    vertx.close().await();
  }

  @Benchmark
  public Future<Decision> identityAlone() {
    return identity.decide(route, null);
  }

  @Benchmark
  public Future<Decision> accessPackage() {
    return packages.decide(route, null);
  }

  /** Terms of use (step-up variant: Graph acceptances and agreement, both cached) on top of the package. */
  @Benchmark
  public Future<Decision> termsAndAccessPackage() {
    return terms.decide(termsRoute, null);
  }
}
