package io.sallyport.gateway.entra.graph;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PIM fact cache against a real devtenant with a clock the test moves: an assignment's end is
 * honoured from the cache (no Graph call needed), stale-if-error serves a past-refresh standing only
 * within its bound, and a standing that denied is fetched again at once.
 */
class PimFactsIT {

  static final String READER = "5d6b6bb7-de71-4623-b4af-96380a352509";
  static final String PROD = "7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";
  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: verify.example, access-token-lifetime: 1h }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + SALLYPORT + ", client-secrets: [s3cret-s3cret-s3cret],"
      + " access-token-version: 2, graph-permissions: [RoleManagement.Read.Directory,"
      + " RoleEligibilitySchedule.Read.Directory, PrivilegedEligibilitySchedule.Read.AzureADGroup,"
      + " PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup] }\n"
      + "users:\n  - { upn: alice, password: pw }\n  - { upn: bob, password: pw }\n  - { upn: carol, password: pw }\n"
      + "groups:\n  - { display-name: Production Access, id: " + PROD + " }\n"
      + "directory-roles:\n  - { id: " + READER + ", display-name: Security Reader, require-mfa: false }\n"
      + "pim:\n  eligible:\n    - { principal: alice, role: Security Reader, end: now+365d }\n"
      + "    - { principal: bob, role: Security Reader, end: now+365d }\n"
      + "  active:\n    - { principal: carol, role: Security Reader }\n"
      + "pim-groups:\n  eligible:\n    - { principal: alice, group: Production Access, access: member }\n";

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

  PimFacts facts(Duration pimRefresh, Duration staleIfError) {
    GraphOptions o = new GraphOptions(URI.create(dev.tenant.baseUrl()), URI.create(dev.tenant.baseUrl()), TENANT,
        SALLYPORT, "s3cret-s3cret-s3cret", dev.tenant.certificatePem(), Duration.ofSeconds(2), Duration.ofSeconds(3),
        Duration.ofMinutes(5), Duration.ofMinutes(1), staleIfError, 0, GraphOptions.DEFAULT_PAGE_SIZE, 1000,
        pimRefresh);
    TenantGraph g = new TenantGraph(dev.vertx, () -> o, new SimpleMeterRegistry(), clock);
    graphs.add(g);
    return g.current().pim();
  }

  static String oid(String user) {
    return dev.mint(new JsonObject().put("user", user).put("client", "Sallyport")).getJsonObject("claims")
        .getString("oid");
  }

  String count(JsonObject fault) {
    String id = dev.fault(fault.put("path", "re:ScheduleInstances$"));
    faults.add(id);
    return id;
  }

  /** From an event loop, as the gateway calls it. */
  static PimStanding on(Function<Void, Future<PimStanding>> call) {
    return ItSupport.await(Future.<PimStanding>future(p -> dev.vertx.runOnContext(v -> call.apply(null)
        .onComplete(p))));
  }

  @Test
  void parsesRolesAndGroupsWithEligibility() {
    PimFacts f = facts(Duration.ofMinutes(1), Duration.ZERO);
    String alice = oid("alice");
    PimStanding roles = on(v -> f.roles(alice));
    assertThat(roles.activeFor(READER, "/", clock.instant())).isNull();
    assertThat(roles.eligibleFor(READER, "/", clock.instant())).isTrue();
    PimStanding groups = on(v -> f.groups(alice));
    assertThat(groups.eligibleFor(PROD, "member", clock.instant())).isTrue();
    assertThat(groups.eligibleFor(PROD, "owner", clock.instant())).isFalse();
    String carolOid = oid("carol");
    PimStanding carol = on(v -> f.roles(carolOid));
    PimInstance held = carol.activeFor(READER, "/", clock.instant());
    assertThat(held).isNotNull();
    assertThat(held.end()).as("a permanent assignment has no end").isNull();
  }

  @Test
  void anAssignmentsEndIsHonouredFromTheCacheWithoutAskingGraph() {
    PimFacts f = facts(Duration.ofMinutes(30), Duration.ZERO);
    String bob = oid("bob");
    JsonObject on = dev.control("POST", "/_devtenant/pim/roles/activate", new JsonObject().put("user", "bob")
        .put("role", READER).put("duration", "PT5M"));
    assertThat(on.getString("endDateTime")).isNotNull();
    String calls = count(new JsonObject().put("latency-ms", 1));
    PimStanding s = on(v -> f.roles(bob));
    assertThat(s.activeFor(READER, "/", clock.instant())).isNotNull();
    clock.advance(Duration.ofMinutes(6)); // past the activation's end, well within the refresh bound
    PimStanding cached = f.cachedRoles(bob);
    assertThat(cached).as("still fresh").isSameAs(s);
    assertThat(cached.activeFor(READER, "/", clock.instant())).isNull();
    assertThat(dev.hits(calls)).as("no Graph call needed to see the end").isEqualTo(2);
    dev.control("POST", "/_devtenant/pim/roles/end", new JsonObject().put("user", "bob").put("role", READER));
  }

  @Test
  void staleIfErrorServesAPastRefreshStandingOnlyWithinItsBound() {
    PimFacts f = facts(Duration.ofMinutes(1), Duration.ofMinutes(5));
    String carol = oid("carol");
    assertThat(on(v -> f.roles(carol)).activeFor(READER, "/", clock.instant())).isNotNull();
    count(new JsonObject().put("status", 500));
    clock.advance(Duration.ofMinutes(3)); // past the refresh bound, within stale-if-error
    assertThat(on(v -> f.roles(carol)).activeFor(READER, "/", clock.instant())).isNotNull();
    clock.advance(Duration.ofMinutes(4)); // past refresh + stale-if-error: fail closed
    assertThatThrownBy(() -> on(v -> f.roles(carol))).hasRootCauseInstanceOf(GraphUnavailable.class);
  }

  @Test
  void withoutStaleIfErrorAPastRefreshStandingIsNotUsedWhenGraphFails() {
    PimFacts f = facts(Duration.ofMinutes(1), Duration.ZERO);
    String carol = oid("carol");
    on(v -> f.roles(carol));
    count(new JsonObject().put("status", 503).put("retry-after", ""));
    clock.advance(Duration.ofSeconds(61));
    assertThatThrownBy(() -> on(v -> f.roles(carol))).hasRootCauseInstanceOf(GraphUnavailable.class);
  }

  @Test
  void aDenyingStandingIsFetchedAgainAtOnceButNotMoreThanOnceASecond() {
    PimFacts f = facts(Duration.ofMinutes(10), Duration.ZERO);
    String alice = oid("alice");
    PimStanding denied = on(v -> f.roles(alice));
    String calls = count(new JsonObject().put("latency-ms", 1));
    assertThat(on(v -> f.recheck(alice, false, denied))).as("younger than a second").isSameAs(denied);
    assertThat(dev.hits(calls)).isZero();
    clock.advance(Duration.ofSeconds(2));
    PimStanding again = on(v -> f.recheck(alice, false, denied));
    assertThat(again).isNotSameAs(denied);
    assertThat(dev.hits(calls)).isEqualTo(2);
  }

  @Test
  void aRecheckHasTheNewStandingCachedByTheTimeItAnswers() throws Exception {
    PimFacts f = facts(Duration.ofMinutes(10), Duration.ZERO);
    String bob = oid("bob");
    PimStanding before = on(v -> f.roles(bob));
    assertThat(before.activeFor(READER, "/", clock.instant())).isNull();
    dev.control("POST", "/_devtenant/pim/roles/activate", new JsonObject().put("user", "bob").put("role", READER)
        .put("duration", "PT5M"));
    try {
      clock.advance(Duration.ofSeconds(2));
      // what the activation page does: recheck, and once it says active send the browser to the route,
      // whose check reads the cache. Looked at as the answer arrives (on the thread that completes it),
      // the cache must already hold that answer, or the user meets the wall once more
      PimStanding cached = f.recheck(bob, false, before).map(s -> {
        assertThat(s.activeFor(READER, "/", clock.instant())).isNotNull();
        return f.cachedRoles(bob);
      }).toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(cached).isNotNull();
      assertThat(cached.activeFor(READER, "/", clock.instant())).as("the cache holds the activation").isNotNull();
    } finally {
      dev.control("POST", "/_devtenant/pim/roles/end", new JsonObject().put("user", "bob").put("role", READER));
    }
  }
}
