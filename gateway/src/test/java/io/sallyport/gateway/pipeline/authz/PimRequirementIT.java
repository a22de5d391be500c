package io.sallyport.gateway.pipeline.authz;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.APP_ID_URI;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code require.pim} through the gateway against a real devtenant: an active role or group
 * assignment passes, an eligible caller is told to activate (and passes right after activating), an
 * ended assignment stops passing within {@code graph.pim-refresh}, and Graph faults (latency, 429,
 * 503, dropped connections) deny with 503 {@code pim.unavailable} at the check timeout, never a hang.
 */
class PimRequirementIT {

  static final String READER = "5d6b6bb7-de71-4623-b4af-96380a352509";
  static final String PROD = "7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";
  static final long CHECK_TIMEOUT_MS = 1500;
  static final long REFRESH_MS = 2000;

  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: verify.example, access-token-lifetime: 1h }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + SALLYPORT + ", client-secrets: [s3cret-s3cret-s3cret],"
      + " identifier-uris: [\"" + APP_ID_URI + "\"], access-token-version: 2, scopes: [access_as_user],"
      + " graph-permissions: [RoleManagement.Read.Directory, RoleEligibilitySchedule.Read.Directory,"
      + " PrivilegedEligibilitySchedule.Read.AzureADGroup, PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup] }\n"
      + "users:\n" + users("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank", "ivan")
      + "groups:\n  - { display-name: Production Access, id: " + PROD + " }\n"
      + "directory-roles:\n"
      + "  - { id: " + READER + ", display-name: Security Reader, require-mfa: false, require-justification: false }\n"
      + "pim:\n"
      + "  eligible:\n"
      + eligible("alice", "bob", "dave", "erin", "frank", "gina", "hank")
      + "  active:\n    - { principal: carol, role: Security Reader }\n"
      + "    - { principal: erin, role: Security Reader }\n"
      + "    - { principal: frank, role: Security Reader }\n"
      + "    - { principal: gina, role: Security Reader }\n"
      + "    - { principal: hank, role: Security Reader }\n"
      + "pim-groups:\n"
      + "  eligible:\n    - { principal: alice, group: Production Access, access: member, end: now+180d }\n"
      + "  active:\n    - { principal: carol, group: Production Access, access: member }\n";

  @TempDir
  static Path dir;
  static DevTenantFixture dev;
  static TestUpstream upstream;
  static RunningGateway running;
  static Gateway gateway;
  static WebClient http;
  final List<String> faults = new ArrayList<>();

  record Answer(int status, String code, String detail, String activate) {}

  static String users(String... names) {
    StringBuilder b = new StringBuilder();
    for (String n : names) {
      b.append("  - { upn: ").append(n).append(", password: pw }\n");
    }
    return b.toString();
  }

  static String eligible(String... names) {
    StringBuilder b = new StringBuilder();
    for (String n : names) {
      b.append("    - { principal: ").append(n).append(", role: Security Reader, end: now+365d }\n");
    }
    return b.toString();
  }

  @BeforeAll
  static void start() throws Exception {
    dev = new DevTenantFixture(SCENARIO);
    upstream = TestUpstream.start(dev.vertx);
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.tenant.certificatePem());
    String up = "upstream: \"" + upstream.url() + "\"";
    running = RunningGateway.fromYaml(RunningGateway.listeners() + "access-log: off\n"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.tenant.baseUrl() + "\", client-id: " + SALLYPORT
        + ", client-secret: s3cret-s3cret-s3cret, ca-file: \"" + ca + "\", audiences: [" + SALLYPORT
        + "], graph-url: \"" + dev.tenant.baseUrl() + "\" }\n"
        + "graph: { call-timeout: 500ms, check-timeout: " + CHECK_TIMEOUT_MS + "ms, max-retries: 2, pim-refresh: "
        + REFRESH_MS + "ms }\n"
        + "routes:\n"
        + "  - { name: reader, match: { path-prefix: /reader }, " + up + ", require: { pim: { role: " + READER
        + " } } }\n"
        + "  - { name: prod, match: { path-prefix: /prod }, " + up + ", require: { pim: { group: " + PROD
        + ", access: member } } }\n"
        + "  - { name: prod-owner, match: { path-prefix: /owner }, " + up + ", require: { pim: { group: " + PROD
        + ", access: owner } } }\n"
        + "  - { name: any, match: { path-prefix: /any }, " + up + " }\n", null);
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

  static Answer get(String path, String token) {
    HttpResponse<Buffer> r = ItSupport.await(http.request(HttpMethod.GET, gateway.publicPort(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + token).send());
    if (r.statusCode() == 200) {
      return new Answer(200, null, null, null);
    }
    JsonObject p = r.bodyAsJsonObject();
    return new Answer(r.statusCode(), p.getString("code"), p.getString("detail"), p.getString("activate"));
  }

  /** Every PIM list call from now on, counted (and slowed by {@code latency} ms when asked). */
  String fault(JsonObject fault) {
    String id = dev.fault(fault.put("path", "re:ScheduleInstances$"));
    faults.add(id);
    return id;
  }

  @Test
  void anActiveRoleOrGroupAssignmentPassesAndTheNextRequestIsServedFromMemory() {
    String carol = token("carol");
    String calls = fault(new JsonObject().put("latency-ms", 1));
    assertThat(get("/reader", carol).status()).isEqualTo(200);
    assertThat(get("/prod", carol).status()).isEqualTo(200);
    int afterFirst = dev.hits(calls);
    assertThat(afterFirst).as("assignments and eligibilities, roles and groups").isEqualTo(4);
    for (int i = 0; i < 5; i++) {
      assertThat(get("/reader", carol).status()).isEqualTo(200);
    }
    assertThat(dev.hits(calls)).isEqualTo(afterFirst);
    Answer owner = get("/owner", carol);
    assertThat(owner.status()).isEqualTo(403);
    assertThat(owner.code()).isEqualTo("pim.not_eligible:" + PROD + ":owner");
  }

  @Test
  void anEligibleUserIsToldToActivateAndPassesAtOnceAfterActivating() throws Exception {
    String bob = token("bob");
    Answer a = get("/reader", bob);
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.code()).isEqualTo("pim.not_active:" + READER);
    assertThat(a.detail()).contains("/.sallyport/activate?route=reader");
    assertThat(a.activate()).as("the problem's activate member").isEqualTo("/.sallyport/activate?route=reader");
    JsonObject on = dev.control("POST", "/_devtenant/pim/roles/activate", new JsonObject().put("user", "bob")
        .put("role", READER).put("duration", "PT1H"));
    assertThat(on.getString("assignmentType")).isEqualTo("Activated");
    // the denying standing is fetched again at once (older than a second), not after the refresh bound
    Thread.sleep(1100);
    assertThat(get("/reader", bob).status()).isEqualTo(200);
  }

  @Test
  void aUserNeitherActiveNorEligibleIsNotEligible() {
    Answer a = get("/reader", token("ivan"));
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.code()).isEqualTo("pim.not_eligible:" + READER);
    assertThat(a.activate()).as("nothing to activate").isNull();
    assertThat(get("/any", token("ivan")).status()).isEqualTo(200);
  }

  @Test
  void anEndedAssignmentStopsPassingWithinTheRefreshBoundThoughTheTokenStillLasts() throws Exception {
    String dave = token("dave");
    dev.control("POST", "/_devtenant/pim/roles/activate", new JsonObject().put("user", "dave").put("role", READER));
    assertThat(get("/reader", dave).status()).isEqualTo(200);
    JsonObject ended = dev.control("POST", "/_devtenant/pim/roles/end", new JsonObject().put("user", "dave")
        .put("role", READER));
    assertThat(ended.getJsonArray("ended")).isNotEmpty();
    long start = System.nanoTime();
    long deniedAfter = -1;
    while (System.nanoTime() - start < (REFRESH_MS + CHECK_TIMEOUT_MS + 1000) * 1_000_000L) {
      if (get("/reader", dave).status() == 403) {
        deniedAfter = (System.nanoTime() - start) / 1_000_000;
        break;
      }
      Thread.sleep(100);
    }
    assertThat(deniedAfter).as("denied within the refresh bound").isBetween(0L, REFRESH_MS + 500);
    Answer a = get("/reader", dave);
    assertThat(a.code()).isEqualTo("pim.not_active:" + READER);
  }

  @Test
  void graphLatencyBeyondTheCheckTimeoutIsA503PimUnavailableNeverAHang() {
    fault(new JsonObject().put("latency-ms", 10_000));
    assertUnavailableInTime(token("erin"));
  }

  @Test
  void persistentThrottlingIsA503PimUnavailableAtTheCheckTimeout() {
    fault(new JsonObject().put("status", 429).put("retry-after", "1"));
    assertUnavailableInTime(token("frank"));
  }

  @Test
  void a503IsPimUnavailable() {
    fault(new JsonObject().put("status", 503).put("retry-after", ""));
    assertUnavailableInTime(token("gina"));
  }

  @Test
  void droppedConnectionsArePimUnavailable() {
    fault(new JsonObject().put("drop", true));
    assertUnavailableInTime(token("hank"));
  }

  @Test
  void aSingleThrottledCallIsRetriedAfterRetryAfterAndPasses() {
    String alice = token("alice");
    dev.control("POST", "/_devtenant/pim/groups/activate", new JsonObject().put("user", "alice")
        .put("group", PROD).put("access", "member"));
    fault(new JsonObject().put("status", 429).put("retry-after", "0.3").put("times", 1));
    assertThat(get("/prod", alice).status()).isEqualTo(200);
  }

  private static void assertUnavailableInTime(String token) {
    long start = System.nanoTime();
    Answer a = get("/reader", token);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    assertThat(a.status()).isEqualTo(503);
    assertThat(a.code()).isEqualTo("pim.unavailable");
    assertThat(elapsed).isLessThan(CHECK_TIMEOUT_MS + 1000);
  }
}
