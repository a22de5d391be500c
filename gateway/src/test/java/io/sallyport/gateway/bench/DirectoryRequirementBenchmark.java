package io.sallyport.gateway.bench;

import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.config.RequireDirectory;
import io.sallyport.gateway.config.RouteConfig;
import io.sallyport.gateway.config.StoreConfig;
import io.sallyport.gateway.directory.DirectoryFactsCache;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.authz.DirectoryRequirement;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.pipeline.route.RouteTable;
import io.sallyport.gateway.store.DirectoryGroup;
import io.sallyport.gateway.store.DirectoryUser;
import io.sallyport.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
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
 * The directory's per-request cost once the caller's standing is cached: the identity policy's
 * (pre-computed) allow, then {@code require.directory} with groups, or only the deactivated-user
 * rule on a route without the requirement. A real H2 store holds the user (in 20 groups); the
 * measured path never reaches it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DirectoryRequirementBenchmark {

  Vertx vertx;
  Store store;
  AccessPolicy identity;
  DirectoryRequirement directory;
  Route groupsRoute;
  Route plainRoute;

  @Setup
  public void setup() throws Exception {
    vertx = Vertx.vertx();
    store = Store.open(vertx, new StoreConfig(StoreConfig.Kind.H2, Files.createTempDirectory("sallyport-bench-"),
        null, null, null, 4), Clock.systemUTC()).await();
    String upn = "bench.user@example.com";
    DirectoryUser u = store.directory().createUser(DirectoryUser.draft(UUID.randomUUID().toString(), null, upn, true,
        "Bench", null)).await();
    for (int i = 0; i < 20; i++) {
      DirectoryGroup g = store.directory().createGroup(DirectoryGroup.draft(UUID.randomUUID().toString(),
          UUID.randomUUID().toString(), "Group " + i, null)).await();
      store.directory().addMembers(g.id(), List.of(u.id())).await();
    }
    DirectoryFactsCache facts = new DirectoryFactsCache(vertx);
    facts.start(store.directory(), store.events()).await();
    Principal p = new Principal("t", UUID.randomUUID().toString(), "Bench", upn, "app", List.of(), null);
    Future<Decision> allowed = Future.succeededFuture(new Decision(Decision.Verdict.ALLOW,
        List.of(Reason.of("authz.allowed", "ok")), null, p));
    identity = (route, req) -> allowed;
    directory = new DirectoryRequirement(identity, facts, () -> true);
    RouteConfig.Timeouts t = new RouteConfig.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60),
        Duration.ofSeconds(60));
    RequireConfig groups = new RequireConfig(List.of(), List.of(), List.of(), false, null, null,
        new RequireDirectory(List.of("other", "group 19")));
    List<RouteConfig> routes = new ArrayList<>();
    routes.add(new RouteConfig("ops", null, "/ops", URI.create("http://127.0.0.1:9"), null, false, false, 1024, t,
        null, 64, groups));
    routes.add(new RouteConfig("api", null, "/api", URI.create("http://127.0.0.1:9"), null, false, false, 1024, t,
        null, 64));
    RouteTable table = RouteTable.compile(routes);
    groupsRoute = table.match(null, "/ops");
    plainRoute = table.match(null, "/api");
    facts.lookup(DirectoryFactsCache.key(upn, null)).await(); // warm: what every later request finds
    if (!directory.decide(groupsRoute, null).result().allowed()) {
      throw new IllegalStateException("the benchmark's user should pass");
    }
  }

  @TearDown
  public void tearDown() {
    store.close().await();
    vertx.close().await();
  }

  @Benchmark
  public Future<Decision> identityAlone() {
    return identity.decide(groupsRoute, null);
  }

  @Benchmark
  public Future<Decision> directoryGroups() {
    return directory.decide(groupsRoute, null);
  }

  @Benchmark
  public Future<Decision> inactiveRuleOnly() {
    return directory.decide(plainRoute, null);
  }
}
