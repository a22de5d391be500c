package io.sallyport.gateway.bench;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.config.RequirePim;
import io.sallyport.gateway.config.RouteConfig;
import io.sallyport.gateway.entra.graph.GraphOptions;
import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.authz.PimRequirement;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.pipeline.route.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * {@code require.pim}'s per-request cost once the caller's PIM standing is cached (the warm path
 * every request but one per {@code pim-refresh} takes): the identity policy's pre-computed allow,
 * then the role check against the clock. The standing came from a real devtenant over Graph; the
 * measured path never reaches it (pim-refresh 10 min outlasts the run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PimRequirementBenchmark {

  static final String READER = "5d6b6bb7-de71-4623-b4af-96380a352509";

  DevTenantFixture dev;
  TenantGraph graph;
  AccessPolicy identity;
  PimRequirement pim;
  Route pimRoute;

  @Setup
  public void setup() {
    dev = new DevTenantFixture("tenant: { id: " + TENANT + ", domain: bench.example, access-token-lifetime: 1h }\n"
        + "apps:\n  - { name: Sallyport, client-id: " + SALLYPORT + ", client-secrets: [s3cret-s3cret-s3cret],"
        + " access-token-version: 2, graph-permissions: [RoleManagement.Read.Directory] }\n"
        + "users:\n  - { upn: carol, password: pw }\n"
        + "directory-roles:\n  - { id: " + READER + ", display-name: Security Reader }\n"
        + "pim:\n  active:\n    - { principal: carol, role: Security Reader }\n"
        + "    - { principal: carol, role: Security Reader, scope: /administrativeUnits/a }\n");
    String oid = dev.mint(new JsonObject().put("user", "carol").put("client", "Sallyport")).getJsonObject("claims")
        .getString("oid");
    GraphOptions o = new GraphOptions(URI.create(dev.tenant.baseUrl()), URI.create(dev.tenant.baseUrl()), TENANT,
        SALLYPORT, "s3cret-s3cret-s3cret", dev.tenant.certificatePem(), Duration.ofSeconds(2), Duration.ofSeconds(3),
        Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ZERO, 1, GraphOptions.DEFAULT_PAGE_SIZE, 1000,
        Duration.ofMinutes(10));
    graph = new TenantGraph(dev.vertx, () -> o, new SimpleMeterRegistry(), Clock.systemUTC());
    Principal p = new Principal(TENANT, oid, "Carol", "carol@bench.example", "app", List.of(), null);
    Future<Decision> allowed = Future.succeededFuture(new Decision(Decision.Verdict.ALLOW,
        List.of(Reason.of("authz.allowed", "ok")), null, p));
    identity = (route, req) -> allowed;
    pim = new PimRequirement(identity, graph, Clock.systemUTC());
    RouteConfig.Timeouts t = new RouteConfig.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60),
        Duration.ofSeconds(60));
    RequireConfig require = new RequireConfig(List.of(), List.of(), List.of(), false, null, null, null, null, null,
        RequirePim.role(READER, "/"));
    pimRoute = RouteTable.compile(List.of(new RouteConfig("reader", null, "/reader", URI.create("http://127.0.0.1:9"),
        null, false, false, 1024, t, null, 64, require))).match(null, "/reader");
    // warm: the one Graph round trip, made from an event loop as the gateway makes it
    Decision first = Future.<Decision>future(pr -> dev.vertx.runOnContext(v -> pim.decide(pimRoute, null)
        .onComplete(pr))).await();
    if (!first.allowed() || !pim.decide(pimRoute, null).isComplete()) {
      throw new IllegalStateException("the benchmark's user should pass from the cache: " + first);
    }
  }

  @TearDown
  public void tearDown() {
    graph.close();
    dev.close();
  }

  @Benchmark
  public Future<Decision> identityAlone() {
    return identity.decide(pimRoute, null);
  }

  @Benchmark
  public Future<Decision> pimRoleWarm() {
    return pim.decide(pimRoute, null);
  }
}
