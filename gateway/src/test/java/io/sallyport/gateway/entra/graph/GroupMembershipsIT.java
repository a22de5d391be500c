package io.sallyport.gateway.entra.graph;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Graph client and the membership cache against a real devtenant: nextLink paging, one token
 * request for concurrent callers, refresh-ahead, and stale-if-error bounded by the clock.
 */
class GroupMembershipsIT {

  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: verify.example, access-token-lifetime: 1h }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + SALLYPORT + ", client-secrets: [s3cret-s3cret-s3cret],"
      + " access-token-version: 2, graph-permissions: [GroupMember.Read.All] }\n"
      + "  - { name: Unprivileged, client-id: 3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a, client-secrets: [u-s3cret-u-s3cret] }\n"
      + "users:\n  - { upn: alice, password: pw }\n  - { upn: bob, password: pw }\n  - { upn: carol, password: pw }\n"
      + "groups:\n"
      + "  - { display-name: A, members: [alice, bob, carol] }\n"
      + "  - { display-name: B, members: [alice, bob, carol] }\n"
      + "  - { display-name: C, members: [alice, bob, carol] }\n"
      + "  - { display-name: D, members: [alice, bob, carol] }\n"
      + "  - { display-name: E, members: [C] }\n";

  static DevTenantFixture dev;
  final MovableClock clock = new MovableClock();
  final List<String> faults = new ArrayList<>();
  final List<TenantGraph> graphs = new ArrayList<>();

  @BeforeAll
  static void start() {
    dev = new DevTenantFixture(SCENARIO);
  }

  @AfterAll
  static void stop() {
    dev.close();
  }

  @AfterEach
  void cleanUp() {
    faults.forEach(dev::removeFault);
    graphs.forEach(TenantGraph::close);
  }

  GraphOptions options(String clientId, String secret, Duration staleIfError) {
    return new GraphOptions(URI.create(dev.tenant.baseUrl()), URI.create(dev.tenant.baseUrl()), TENANT, clientId,
        secret, dev.tenant.certificatePem(), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMinutes(5),
        Duration.ofMinutes(1), staleIfError, 1, GraphOptions.DEFAULT_PAGE_SIZE, 1000);
  }

  TenantGraph.Current graph(GraphOptions o) {
    TenantGraph g = new TenantGraph(dev.vertx, () -> o, new SimpleMeterRegistry(), clock);
    graphs.add(g);
    return g.current();
  }

  static String oid(String user) {
    return dev.mint(new JsonObject().put("user", user).put("client", "Sallyport")).getJsonObject("claims")
        .getString("oid");
  }

  String count(String user) {
    String id = dev.fault(new JsonObject().put("path", "re:/users/" + oid(user) + "/transitiveMemberOf")
        .put("latency-ms", 1));
    faults.add(id);
    return id;
  }

  List<String> groups(TenantGraph.Current g, String oid) {
    // from an event loop, as the gateway calls it
    return ItSupport.await(Future.<List<String>>future(p -> dev.vertx.runOnContext(v ->
        g.groups().transitiveGroupIds(oid).onComplete(p))));
  }

  @Test
  void pagesThroughNextLinksAndSeesNestedGroups() {
    TenantGraph.Current g = graph(options(SALLYPORT, "s3cret-s3cret-s3cret", Duration.ZERO).withPageSize(2));
    String calls = count("alice");
    List<String> ids = groups(g, oid("alice"));
    assertThat(ids).hasSize(5).doesNotHaveDuplicates().allMatch(id -> id.equals(id.toLowerCase()));
    assertThat(dev.hits(calls)).as("three pages of two").isEqualTo(3);
  }

  @Test
  void concurrentCallersShareOneTokenRequest() {
    TenantGraph.Current g = graph(options(SALLYPORT, "s3cret-s3cret-s3cret", Duration.ZERO));
    String tokens = dev.fault(new JsonObject().put("path", "re:/oauth2/v2\\.0/token$").put("latency-ms", 200));
    faults.add(tokens);
    List<Future<Integer>> all = new ArrayList<>();
    String bob = oid("bob");
    for (int i = 0; i < 20; i++) {
      all.add(Future.<Integer>future(p -> dev.vertx.runOnContext(v ->
          g.client().list("test", "/v1.0/users/" + bob + "/transitiveMemberOf/microsoft.graph.group?$select=id")
              .map(List::size)
              .onComplete(p))));
    }
    ItSupport.await(Future.all(all));
    all.forEach(f -> assertThat(f.result()).isEqualTo(5)); // A-D, and E through C
    assertThat(dev.hits(tokens)).isEqualTo(1);
    assertThat(g.client().tokenRequests()).isEqualTo(1);
  }

  @Test
  void anAppWithoutGraphPermissionIsRefusedAndNotReady() {
    TenantGraph.Current g = graph(options("3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a", "u-s3cret-u-s3cret", Duration.ZERO));
    assertThat(succeeded(g.client().ready())).isTrue();
    Future<List<String>> f = g.groups().transitiveGroupIds(oid("bob"));
    Throwable t = ItSupport.await(f.transform(ar -> Future.succeededFuture(ar.cause())));
    assertThat(t).isInstanceOf(GraphUnavailable.class);
    assertThat(((GraphUnavailable) t).status()).isEqualTo(403);
    assertThat(succeeded(g.client().ready())).isFalse();
  }

  @Test
  void refreshesAheadAndServesStaleOnlyWithinStaleIfError() {
    TenantGraph.Current g = graph(options(SALLYPORT, "s3cret-s3cret-s3cret", Duration.ofMinutes(10)));
    String carol = oid("carol");
    String calls = count("carol");
    List<String> first = groups(g, carol);
    assertThat(dev.hits(calls)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(270)); // inside refresh-ahead: answered from the cache, refreshed behind
    java.time.Instant refreshedAt = clock.instant();
    assertThat(groups(g, carol)).isEqualTo(first);
    // the refresh has reached Graph and its answer is in the cache: otherwise the refetch below joins
    // this refresh still in flight, which succeeds, and the fault is never hit
    Await.until(() -> dev.hits(calls) == 2 && g.groups().fetchedAt(carol).filter(refreshedAt::equals).isPresent());

    String failing = dev.fault(new JsonObject().put("path", "re:/users/" + carol + "/transitiveMemberOf")
        .put("status", 500));
    faults.add(failing);
    clock.advance(Duration.ofMinutes(8)); // past the ttl of the refreshed answer, within stale-if-error
    assertThat(groups(g, carol)).isEqualTo(first);
    // the stale answer comes at once; the refetch that fails runs behind it
    Await.until(() -> dev.hits(failing) >= 1);

    clock.advance(Duration.ofMinutes(10)); // past ttl + stale-if-error: fail closed
    Future<List<String>> late = g.groups().transitiveGroupIds(carol);
    assertThat(!succeeded(late)).isTrue();
  }

  @Test
  void withoutStaleIfErrorAnExpiredMembershipIsNeverUsed() {
    TenantGraph.Current g = graph(options(SALLYPORT, "s3cret-s3cret-s3cret", Duration.ZERO));
    String bob = oid("bob");
    groups(g, bob);
    faults.add(dev.fault(new JsonObject().put("path", "re:/users/" + bob + "/transitiveMemberOf").put("status", 503)
        .put("retry-after", "")));
    clock.advance(Duration.ofMinutes(6));
    Future<List<String>> f = g.groups().transitiveGroupIds(bob);
    assertThat(!succeeded(f)).isTrue();
  }

  static boolean succeeded(Future<?> f) {
    return ItSupport.<Boolean>await(f.transform(ar -> Future.succeededFuture(ar.succeeded())));
  }

  /** Polls a condition the background refresh makes true. */
  static final class Await {
    static void until(java.util.function.BooleanSupplier c) {
      long end = System.currentTimeMillis() + 5000;
      while (!c.getAsBoolean()) {
        if (System.currentTimeMillis() > end) {
          throw new AssertionError("condition not met within 5 s");
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
