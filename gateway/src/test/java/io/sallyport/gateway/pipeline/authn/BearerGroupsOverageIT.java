package io.sallyport.gateway.pipeline.authn;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.APP_ID_URI;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
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
 * Groups overage through the gateway against a real devtenant: tokens of users in more groups than
 * the tenant's overage limit carry {@code _claim_names} instead of {@code groups}; the gateway
 * resolves their transitive membership through Graph with its own app token, caches it, and fails
 * closed (503 {@code groups.unavailable}) when Graph cannot answer within the check timeout.
 */
class BearerGroupsOverageIT {

  static final String OPS = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
  static final String NESTED = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
  static final String NOBODY = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
  static final long CHECK_TIMEOUT_MS = 2500;

  // every user is in more than two groups: with the limit at 2, every token is in the overage form
  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: verify.example, access-token-lifetime: 1h,"
      + " groups-overage-limit: 2 }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + SALLYPORT + ", client-secrets: [s3cret-s3cret-s3cret],"
      + " identifier-uris: [\"" + APP_ID_URI + "\"], access-token-version: 2, scopes: [access_as_user],"
      + " group-membership-claims: SecurityGroup, graph-permissions: [GroupMember.Read.All] }\n"
      + "users:\n" + users("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank", "ivan", "jack")
      + "groups:\n"
      + "  - { display-name: Ops, id: " + OPS + ", members: [alice, carol, dave, erin, frank, gina, hank, ivan, jack] }\n"
      + "  - { display-name: Nested, id: " + NESTED + ", members: [Ops] }\n"
      + "  - { display-name: Nobody, id: " + NOBODY + " }\n"
      + "  - { display-name: G1, members: [alice, bob, carol, dave, erin, frank, gina, hank, ivan, jack] }\n"
      + "  - { display-name: G2, members: [alice, bob, carol, dave, erin, frank, gina, hank, ivan, jack] }\n"
      + "  - { display-name: G3, members: [bob] }\n";

  @TempDir
  static Path dir;
  static DevTenantFixture dev;
  static TestUpstream upstream;
  static RunningGateway running;
  static Gateway gateway;
  static WebClient http;
  static String tokenRequests;
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
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.tenant.certificatePem());
    // counted from before the gateway exists: every token request it ever makes
    tokenRequests = dev.fault(new JsonObject().put("path", "re:/oauth2/v2\\.0/token$").put("latency-ms", 1));
    String up = "upstream: \"" + upstream.url() + "\"";
    running = RunningGateway.fromYaml(RunningGateway.listeners() + "access-log: off\n"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.tenant.baseUrl() + "\", client-id: " + SALLYPORT
        + ", client-secret: s3cret-s3cret-s3cret, ca-file: \"" + ca + "\", audiences: [" + SALLYPORT
        + "], graph-url: \"" + dev.tenant.baseUrl() + "\" }\n"
        + "graph: { call-timeout: 1s, check-timeout: " + CHECK_TIMEOUT_MS + "ms, max-retries: 2 }\n"
        + "routes:\n"
        + "  - { name: ops, match: { path-prefix: /ops }, " + up + ", require: { groups: [" + OPS + "] } }\n"
        + "  - { name: nested, match: { path-prefix: /nested }, " + up + ", require: { groups: [" + NESTED + "] } }\n"
        + "  - { name: nobody, match: { path-prefix: /nobody }, " + up + ", require: { groups: [" + NOBODY + "] } }\n"
        + "  - { name: any, match: { path-prefix: /any }, " + up + " }\n", null);
    gateway = running.gateway;
    http = WebClient.create(dev.vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(32));
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close(); // idle keep-alive connections would hold the gateway's drain
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
    JsonObject minted = dev.mint(new JsonObject().put("user", user).put("client", "Sallyport"));
    JsonObject claims = minted.getJsonObject("claims");
    assertThat(claims.containsKey("groups")).as("overage form").isFalse();
    assertThat(claims.getJsonObject("_claim_names").getString("groups")).isNotNull();
    return minted.getString("access_token");
  }

  static String oid(String user) {
    return dev.mint(new JsonObject().put("user", user).put("client", "Sallyport")).getJsonObject("claims")
        .getString("oid");
  }

  String fault(String user, JsonObject fault) {
    String id = dev.fault(fault.put("path", "re:/v1\\.0/users/" + oid(user) + "/transitiveMemberOf"));
    faults.add(id);
    return id;
  }

  static Future<BearerGateway.Answer> send(String path, String token) {
    return http.request(HttpMethod.GET, gateway.publicPort(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + token).send().map(BearerGateway::answer);
  }

  static BearerGateway.Answer get(String path, String token) {
    return ItSupport.await(send(path, token));
  }

  static double metric(String name, String tag, String value) {
    var c = gateway.registry().find(name).tag(tag, value).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void aMemberPassesDirectlyAndThroughNestingAndANonMemberGetsTheGroupReason() {
    String alice = token("alice");
    int before = upstream.seen().size();
    assertThat(get("/ops", alice).status()).isEqualTo(200);
    assertThat(get("/nested", alice).status()).isEqualTo(200);
    assertThat(upstream.seen()).hasSize(before + 2);
    BearerGateway.Answer no = get("/nobody", alice);
    assertThat(no.status()).isEqualTo(403);
    assertThat(no.code()).isEqualTo("authz.group_missing");
    BearerGateway.Answer bob = get("/ops", token("bob"));
    assertThat(bob.status()).isEqualTo(403);
    assertThat(bob.code()).isEqualTo("authz.group_missing");
    assertThat(upstream.seen()).hasSize(before + 2);
  }

  @Test
  void aRouteWithoutGroupsNeverAsksGraph() {
    String calls = fault("hank", new JsonObject().put("latency-ms", 1));
    assertThat(get("/any", token("hank")).status()).isEqualTo(200);
    assertThat(dev.hits(calls)).isZero();
  }

  @Test
  void twentyConcurrentFirstRequestsMakeOneGraphCallThenTheCacheAnswers() {
    // slow enough that all twenty are waiting on the same lookup
    String calls = fault("carol", new JsonObject().put("latency-ms", 400));
    String carol = token("carol");
    List<Future<BearerGateway.Answer>> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sent.add(send("/ops", carol));
    }
    ItSupport.await(Future.all(sent));
    for (Future<BearerGateway.Answer> f : sent) {
      assertThat(f.result().status()).isEqualTo(200);
    }
    assertThat(dev.hits(calls)).isEqualTo(1);
    double hits = metric("sallyport.graph.cache", "result", "hit");
    assertThat(get("/ops", carol).status()).isEqualTo(200);
    assertThat(dev.hits(calls)).isEqualTo(1);
    assertThat(metric("sallyport.graph.cache", "result", "hit")).isEqualTo(hits + 1);
  }

  @Test
  void oneAppTokenServesEveryGraphCall() {
    for (String user : List.of("frank", "ivan")) {
      assertThat(get("/ops", token(user)).status()).isEqualTo(200);
    }
    assertThat(get("/ops", token("bob")).status()).isEqualTo(403);
    // whatever ran before in this class, msal4j asked the token endpoint once
    assertThat(dev.hits(tokenRequests)).isEqualTo(1);
    assertThat(gateway.graph().current().client().tokenRequests()).isEqualTo(1);
  }

  @Test
  void throttlingAndUnavailabilityAreRetriedAfterRetryAfterWithinTheCheckTimeout() {
    fault("erin", new JsonObject().put("status", 429).put("retry-after", "1").put("times", 1));
    long start = System.nanoTime();
    assertThat(get("/ops", token("erin")).status()).isEqualTo(200);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    assertThat(elapsed).as("waited for Retry-After").isGreaterThanOrEqualTo(1000).isLessThan(CHECK_TIMEOUT_MS);

    fault("dave", new JsonObject().put("status", 503).put("retry-after", "0.3").put("times", 1));
    fault("dave", new JsonObject().put("drop", true).put("times", 1));
    assertThat(get("/ops", token("dave")).status()).isEqualTo(200);
    assertThat(metric("sallyport.graph.requests", "status", "429")).isGreaterThanOrEqualTo(1);
    assertThat(metric("sallyport.graph.requests", "status", "503")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aSlowGraphIsA503GroupsUnavailableAtTheCheckTimeoutNeverAHang() {
    fault("gina", new JsonObject().put("latency-ms", 10_000));
    String gina = token("gina");
    long start = System.nanoTime();
    BearerGateway.Answer a = get("/ops", gina);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    assertThat(a.status()).isEqualTo(503);
    assertThat(a.code()).isEqualTo("groups.unavailable");
    assertThat(elapsed).isGreaterThanOrEqualTo(CHECK_TIMEOUT_MS - 100).isLessThan(CHECK_TIMEOUT_MS + 1500);
  }

  @Test
  void aGraphErrorFailsClosed() {
    // jack is resolved by no other test, so nothing is cached for him
    String calls = fault("jack", new JsonObject().put("status", 500));
    BearerGateway.Answer a = get("/ops", token("jack"));
    assertThat(a.status()).isEqualTo(503);
    assertThat(a.code()).isEqualTo("groups.unavailable");
    assertThat(dev.hits(calls)).as("a 500 is not retried").isEqualTo(1);
    assertThat(metric("sallyport.graph.errors", "kind", "status")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void readinessIncludesGraph() {
    HttpResponse<Buffer> r = ItSupport.await(http.get(gateway.managementPort(), "127.0.0.1", "/readyz").send());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getJsonObject("checks").getString("graph")).isEqualTo("ok");
  }
}
