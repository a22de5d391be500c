package io.sallyport.gateway.pipeline.authz;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code require.access-package} through the gateway against a real devtenant: a delivered
 * assignment opens the route, none refuses it with the package's reason, an assignment made after
 * a deny opens it at the next request past the recheck bound, a removed one closes it once the
 * cached answer is past its ttl, and Graph faults (5xx, 429, drops, latency) deny with
 * {@code access_package.unavailable} within the check timeout unless stale-if-error covers a cached
 * answer. Every test uses its own user: the cache is per user. The gateway's clock is moved.
 */
class AccessPackageIT {

  static final String PKG = "4f0e2d1c-8b7a-4c6d-9e5f-0a1b2c3d4e5f";
  static final String OTHER = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  static final long CHECK_TIMEOUT_MS = 1500;
  static final String ASSIGNMENTS = "re:/v1\\.0/identityGovernance/entitlementManagement/assignments$";

  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: verify.example, access-token-lifetime: 1h }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + SALLYPORT + ", client-secrets: [s3cret-s3cret-s3cret],"
      + " access-token-version: 2, scopes: [access_as_user], graph-permissions: [EntitlementManagement.Read.All] }\n"
      + "users:\n" + users("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank", "ivan")
      + "access-packages:\n"
      + "  - { id: " + PKG + ", display-name: Billing console access, assignments: [{ user: alice, state: delivered },"
      + " { user: carol, state: delivered }, { user: erin, state: delivered }, { user: gina, state: delivered }] }\n"
      + "  - { id: " + OTHER + ", display-name: Other, assignments: [{ user: bob, state: delivered }] }\n";

  @TempDir
  static Path dir;
  static DevTenantFixture dev;
  static TestUpstream upstream;
  static RunningGateway running;
  static Gateway gateway;
  static WebClient http;
  static final MovableClock clock = new MovableClock();
  final List<String> faults = new ArrayList<>();

  static String users(String... names) {
    StringBuilder b = new StringBuilder();
    for (String n : names) {
      b.append("  - { upn: ").append(n).append(", password: pw }\n");
    }
    return b.toString();
  }

  @BeforeAll
  static void start() throws Exception {
    dev = new DevTenantFixture(SCENARIO);
    upstream = TestUpstream.start(dev.vertx);
    // the JVM's first TLS client context costs ~0.7 s of class initialisation: paid by the test's client
    // (as the other Graph ITs do), not by the gateway's first Graph call on its event loop
    dev.control("GET", "/_devtenant/clock", null);
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.tenant.certificatePem());
    String up = "upstream: \"" + upstream.url() + "\"";
    running = RunningGateway.fromYaml(RunningGateway.listeners() + "access-log: off\n"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.tenant.baseUrl() + "\", client-id: " + SALLYPORT
        + ", client-secret: s3cret-s3cret-s3cret, ca-file: \"" + ca + "\", audiences: [" + SALLYPORT
        + "], graph-url: \"" + dev.tenant.baseUrl() + "\" }\n"
        + "graph: { call-timeout: 1s, check-timeout: " + CHECK_TIMEOUT_MS + "ms, max-retries: 1, groups-ttl: 5m,"
        + " refresh-ahead: 1m, stale-if-error: 10m }\n"
        + "routes:\n"
        + "  - { name: billing, match: { path-prefix: /billing }, " + up + ", require: { access-package: "
        + PKG.toUpperCase() + " } }\n"
        + "  - { name: any, match: { path-prefix: /any }, " + up + " }\n", null, clock);
    gateway = running.gateway;
    http = WebClient.create(dev.vertx);
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
    if (running != null) {
      running.close(); // fails the class if an event loop was reported blocked
    }
    upstream.close();
    dev.close();
  }

  @AfterEach
  void clearFaults() {
    faults.forEach(dev::removeFault);
  }

  static String token(String user) {
    return dev.mint(new JsonObject().put("user", user).put("client", "Sallyport")).getString("access_token");
  }

  String fault(JsonObject f) {
    String id = dev.fault(f.put("path", ASSIGNMENTS));
    faults.add(id);
    return id;
  }

  /** Counts the assignment calls from now on without changing them. */
  String counter() {
    return fault(new JsonObject().put("latency-ms", 1));
  }

  record Answer(int status, String code, long millis) {}

  static Answer get(String path, String token) {
    long start = System.nanoTime();
    HttpResponse<Buffer> r = ItSupport.await(http.request(HttpMethod.GET, gateway.publicPort(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + token).send());
    String code = r.statusCode() == 200 ? null : r.bodyAsJsonObject().getString("code");
    return new Answer(r.statusCode(), code, (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void aDeliveredAssignmentOpensTheRouteAndNoneRefusesItWithThePackagesReason() {
    int before = upstream.seen().size();
    String calls = counter();
    assertThat(get("/billing", token("alice")).status()).isEqualTo(200);
    assertThat(get("/billing", token("alice")).status()).isEqualTo(200);
    assertThat(dev.hits(calls)).as("the second request is answered from the cache").isEqualTo(1);
    Answer bob = get("/billing", token("bob")); // holds another package only
    assertThat(bob.status()).isEqualTo(403);
    assertThat(bob.code()).isEqualTo("access_package.not_assigned:" + PKG);
    assertThat(upstream.seen()).hasSize(before + 2);
  }

  @Test
  void aRouteWithoutTheRequirementNeverAsksGraph() {
    String calls = counter();
    assertThat(get("/any", token("hank")).status()).isEqualTo(200);
    assertThat(dev.hits(calls)).isZero();
  }

  @Test
  void anAssignmentMadeAfterADenyOpensTheRouteOnTheNextRequestPastTheRecheckBound() {
    String dave = token("dave");
    String calls = counter();
    assertThat(get("/billing", dave).code()).isEqualTo("access_package.not_assigned:" + PKG);
    assertThat(get("/billing", dave).status()).isEqualTo(403);
    assertThat(dev.hits(calls)).as("a deny within the recheck bound asks Graph no more").isEqualTo(1);
    dev.control("POST", "/_devtenant/access-packages/assignments", new JsonObject().put("user", "dave")
        .put("package", PKG));
    clock.advance(Duration.ofSeconds(6));
    assertThat(get("/billing", dave).status()).isEqualTo(200);
    assertThat(dev.hits(calls)).isEqualTo(2);
  }

  @Test
  void aRemovedAssignmentIsRefusedOnceTheCachedAnswerIsPastItsTtl() {
    String carol = token("carol");
    assertThat(get("/billing", carol).status()).isEqualTo(200);
    dev.control("DELETE", "/_devtenant/access-packages/assignments", new JsonObject().put("user", "carol")
        .put("package", PKG));
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    Answer a = get("/billing", token("carol"));
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.code()).isEqualTo("access_package.not_assigned:" + PKG);
  }

  @Test
  void graphErrorsDropsAndThrottlingDenyWithUnavailableNeverAHang() {
    String frank = token("frank"); // nothing cached for frank
    fault(new JsonObject().put("status", 500));
    Answer a = get("/billing", frank);
    assertThat(a.status()).isEqualTo(503);
    assertThat(a.code()).isEqualTo("access_package.unavailable");
    clearFaults();
    faults.clear();

    fault(new JsonObject().put("drop", true));
    assertThat(get("/billing", frank).code()).isEqualTo("access_package.unavailable");
    clearFaults();
    faults.clear();

    // throttled beyond the check timeout: the request is answered at the bound, not after Retry-After
    fault(new JsonObject().put("status", 429).put("retry-after", "5"));
    Answer t = get("/billing", frank);
    assertThat(t.code()).isEqualTo("access_package.unavailable");
    assertThat(t.millis()).isLessThan(CHECK_TIMEOUT_MS + 1000);
    // the client keeps Graph's Retry-After for every call of the app: let it pass for the next tests
    clock.advance(Duration.ofSeconds(6));
  }

  @Test
  void aSlowGraphIsUnavailableAtTheCheckTimeout() {
    fault(new JsonObject().put("latency-ms", 10_000));
    Answer a = get("/billing", token("ivan"));
    assertThat(a.status()).isEqualTo(503);
    assertThat(a.code()).isEqualTo("access_package.unavailable");
    assertThat(a.millis()).isGreaterThanOrEqualTo(CHECK_TIMEOUT_MS - 100).isLessThan(CHECK_TIMEOUT_MS + 1000);
  }

  @Test
  void aCachedAnswerServesWhileGraphFailsOnlyWithinStaleIfError() {
    assertThat(get("/billing", token("erin")).status()).isEqualTo(200);
    // warm users keep their latency while Graph is slow
    fault(new JsonObject().put("latency-ms", 2_000));
    Answer warm = get("/billing", token("erin"));
    assertThat(warm.status()).isEqualTo(200);
    assertThat(warm.millis()).isLessThan(500);
    clearFaults();
    faults.clear();

    fault(new JsonObject().put("status", 503).put("retry-after", ""));
    clock.advance(Duration.ofMinutes(6)); // past the 5 min ttl, within the 10 min stale-if-error
    assertThat(get("/billing", token("erin")).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(10)); // past ttl + stale-if-error: fail closed
    Answer late = get("/billing", token("erin"));
    assertThat(late.status()).isEqualTo(503);
    assertThat(late.code()).isEqualTo("access_package.unavailable");
  }
}
