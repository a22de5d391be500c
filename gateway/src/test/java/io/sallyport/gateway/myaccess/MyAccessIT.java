package io.sallyport.gateway.myaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.DevTenantOptions;
import io.sallyport.devtenant.harness.Chromium;
import io.sallyport.devtenant.scenario.ScenarioLoader;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TenantControl;
import io.sallyport.gateway.harness.TestUpstream;
import io.sallyport.gateway.session.TestBrowser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The my-access page against a real devtenant, for browsers signed in through its sign-in pages:
 * PIM eligibility and activation, an access package, terms of use on Sallyport's page and an MFA
 * route each show as they are, with the way through; the page follows the user's changes; Graph
 * failing leaves sections unknown (never "none") and the routes denied; explain shows the same
 * Graph-backed checks to an operator.
 */
class MyAccessIT {

  static final String TENANT = "4e6f8a0b-2c3d-4e5f-9a6b-7c8d9e0f1a2b";
  static final String CLIENT = "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
  static final String READER = "5d6b6bb7-de71-4623-b4af-96380a352509";
  static final String PKG = "9f1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
  static final String TERMS = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: mine.example, access-token-lifetime: 1h }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + CLIENT + ", client-secrets: [gw-s3cret-gw-s3cret],"
      + " identifier-uris: [\"api://sallyport\"], access-token-version: 2, scopes: [access_as_user],"
      + " optional-claims: [xms_cc, acrs, idtyp, auth_time, sid],"
      + " redirect-uris: [\"https://placeholder.example/cb\"], graph-permissions: [Application.ReadWrite.All,"
      + " RoleManagement.Read.Directory, RoleEligibilitySchedule.Read.Directory,"
      + " RoleAssignmentSchedule.ReadWrite.Directory, PrivilegedEligibilitySchedule.Read.AzureADGroup,"
      + " PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup, EntitlementManagement.Read.All, Agreement.Read.All,"
      + " AgreementAcceptance.Read] }\n"
      + "users:\n"
      + "  - { upn: bob, password: Bob-pw-1 }\n  - { upn: carol, password: Carol-pw-1 }\n"
      + "  - { upn: dave, password: Dave-pw-1 }\n"
      + "directory-roles:\n"
      + "  - { id: " + READER + ", display-name: Security Reader, require-mfa: false, require-justification: false }\n"
      + "pim:\n  eligible:\n    - { principal: bob, role: Security Reader, end: now+365d }\n"
      + "    - { principal: dave, role: Security Reader, end: now+365d }\n"
      + "access-packages:\n"
      + "  - { id: " + PKG + ", display-name: Billing console, assignments: [{ user: bob, state: delivered }] }\n"
      + "agreements:\n  - { id: " + TERMS + ", display-name: Gateway terms, text: \"Be nice.\" }\n";

  @TempDir
  static Path dir;
  static Vertx vertx;
  static DevTenant dev;
  static WebClient idp;
  static TestUpstream upstream;
  static RunningGateway running;
  static final MovableClock clock = new MovableClock();
  final List<String> faults = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    dev = ItSupport.await(DevTenant.start(vertx, DevTenantOptions.of(ScenarioLoader.parse(SCENARIO, "mine",
        Instant.now()))), 60, TimeUnit.SECONDS);
    idp = WebClient.create(vertx, new WebClientOptions().setTrustOptions(new PemTrustOptions()
        .addCertValue(Buffer.buffer(dev.certificatePem()))));
    upstream = TestUpstream.start(vertx);
    control("GET", "/_devtenant/clock", null); // the first TLS client context, paid by the test's client
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.certificatePem());
    String up = "upstream: \"" + upstream.url() + "\"";
    running = RunningGateway.fromYaml(RunningGateway.listeners() + "access-log: off\n"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.baseUrl() + "\", client-id: " + CLIENT
        + ", client-secret: gw-s3cret-gw-s3cret, ca-file: \"" + ca + "\", graph-url: \"" + dev.baseUrl() + "\" }\n"
        + "graph: { call-timeout: 1s, check-timeout: 1500ms, max-retries: 0, pim-refresh: 30s, groups-ttl: 1m }\n"
        + "routes:\n"
        + "  - { name: app, match: { path-prefix: /app }, " + up + " }\n"
        + "  - { name: open, match: { path-prefix: /open }, " + up + ", public: true }\n"
        + "  - { name: reader, match: { path-prefix: /reader }, " + up + ", require: { pim: { role: " + READER + " } } }\n"
        + "  - { name: billing, match: { path-prefix: /billing }, " + up + ", require: { access-package: " + PKG
        + " } }\n"
        + "  - { name: terms, match: { path-prefix: /terms }, " + up + ", require: { terms-of-use: { agreement: "
        + TERMS + ", via: page } } }\n"
        + "  - { name: strong, match: { path-prefix: /strong }, " + up + ", require: { mfa: true } }\n", null, clock);
    register(running.port());
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
    upstream.close();
    ItSupport.await(vertx.close());
  }

  @AfterEach
  void clearFaults() {
    faults.forEach(id -> control("DELETE", "/_devtenant/faults/" + id, null));
    faults.clear();
  }

  static JsonObject control(String method, String path, JsonObject body) {
    return new TenantControl(idp, dev).call(method, path, body);
  }

  static void register(int port) {
    new TenantControl(idp, dev).registerCallback(CLIENT, port);
  }

  static TestBrowser signedIn(String upn, String password) {
    TestBrowser b = new TestBrowser(vertx, dev.certificatePem(), running.port());
    HttpResponse<Buffer> r = b.get(b.gateway("/app/"));
    HttpResponse<Buffer> start = b.get(b.location(r));
    HttpResponse<Buffer> login = b.get(start.getHeader("location"));
    HttpResponse<Buffer> back = b.signInAtIdp(login, dev.baseUrl(), upn, password);
    assertThat(back.statusCode()).as(back.bodyAsString()).isEqualTo(302);
    assertThat(b.get(back.getHeader("location")).getHeader("location")).isEqualTo("/app/");
    return b;
  }

  static JsonObject mine(TestBrowser b) {
    HttpResponse<Buffer> r = b.send(HttpMethod.GET, b.gateway(MyAccessPage.PATH), null, Map.of("accept",
        "application/json"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(r.getHeader("cache-control")).isEqualTo("no-store");
    return r.bodyAsJsonObject();
  }

  static JsonObject route(JsonObject mine, String name) {
    return mine.getJsonArray("routes").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("route").equals(name)).findFirst().orElseThrow(() -> new AssertionError(
            "no route " + name + " in " + mine.encodePrettily()));
  }

  String fault(String pathRegex, JsonObject f) {
    String id = control("POST", "/_devtenant/faults", f.put("path", "re:" + pathRegex)).getString("id");
    faults.add(id);
    return id;
  }

  @Test
  void showsEachFactAndTheWayThroughThenFollowsActivationAndAcceptance() {
    TestBrowser b = signedIn("bob@mine.example", "Bob-pw-1");
    JsonObject m = mine(b);
    assertThat(m.getJsonObject("user").getString("upn")).isEqualTo("bob@mine.example");
    assertThat(m.getJsonArray("routes").stream().map(o -> ((JsonObject) o).getString("route")))
        .as("public routes need no access").containsExactly("app", "reader", "billing", "terms", "strong");
    assertThat(route(m, "app").getBoolean("allowed")).isTrue();
    assertThat(route(m, "billing").getBoolean("allowed")).isTrue();
    JsonObject reader = route(m, "reader");
    assertThat(reader.getBoolean("allowed")).isFalse();
    assertThat(reader.getString("code")).isEqualTo("pim.not_active:" + READER);
    assertThat(reader.getString("wayThrough")).isEqualTo("/.sallyport/activate?route=reader");
    JsonObject terms = route(m, "terms");
    assertThat(terms.getString("code")).isEqualTo("tou.not_accepted:" + TERMS);
    assertThat(terms.getString("wayThrough")).isEqualTo("/.sallyport/terms?agreement=" + TERMS + "&rd=%2Fterms");
    JsonObject strong = route(m, "strong");
    assertThat(strong.getString("code")).isEqualTo("ca.mfa_missing");
    assertThat(strong.getString("wayThrough")).as("opening the route asks for MFA").isEqualTo("/strong");
    JsonObject roles = m.getJsonObject("pim").getJsonObject("roles");
    assertThat(roles.getJsonArray("active")).isEmpty();
    assertThat(roles.getJsonArray("eligible").getJsonObject(0).getString("id")).isEqualTo(READER);
    assertThat(roles.getJsonArray("eligible").getJsonObject(0).getString("end")).isNotNull();
    assertThat(m.getJsonArray("accessPackages").getJsonObject(0).getString("id")).isEqualTo(PKG);
    assertThat(m.getJsonArray("termsOfUse").getJsonObject(0).getString("agreement")).isEqualTo(TERMS);
    assertThat(m.getJsonArray("termsOfUse").getJsonObject(0).getString("acceptedAt")).isNull();

    // the page a person sees: the same, with links that lead through
    HttpResponse<Buffer> page = b.get(b.gateway(MyAccessPage.PATH));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("content-type")).startsWith("text/html");
    assertThat(page.bodyAsString()).contains("Signed in as").contains("bob@mine.example")
        .contains("href=\"/.sallyport/activate?route=reader\"").contains(">Activate<")
        .contains("href=\"/.sallyport/terms?agreement=" + TERMS + "&amp;rd=%2Fterms\"").contains(READER).contains(PKG);

    // a signed-in browser's deny page points here
    assertThat(b.get(b.gateway("/reader/x")).bodyAsString()).contains("href=\"/.sallyport/my-access\"");

    // through both walls: the page follows
    HttpResponse<Buffer> form = b.get(b.gateway("/.sallyport/activate?route=reader"));
    HttpResponse<Buffer> done = b.submit(form, b.gateway(""), Map.of("justification", "audit", "hours", "2"));
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(303);
    HttpResponse<Buffer> termsPage = b.get(b.gateway(terms.getString("wayThrough")));
    assertThat(b.submit(termsPage, b.gateway(""), Map.of()).statusCode()).isEqualTo(302);
    JsonObject after = mine(b);
    assertThat(route(after, "reader").getBoolean("allowed")).isTrue();
    assertThat(route(after, "terms").getBoolean("allowed")).isTrue();
    JsonObject active = after.getJsonObject("pim").getJsonObject("roles").getJsonArray("active").getJsonObject(0);
    assertThat(active.getString("id")).isEqualTo(READER);
    assertThat(Instant.parse(active.getString("end"))).isBetween(Instant.now().plusSeconds(7000),
        Instant.now().plusSeconds(7300));
    assertThat(after.getJsonArray("termsOfUse").getJsonObject(0).getString("acceptedAt")).isNotNull();
    assertThat(b.get(b.gateway("/reader/x")).statusCode()).isEqualTo(200);
  }

  @Test
  void inChromiumThePageLeadsThroughThePimWallAndShowsTheRouteOpenAfterwards() throws Exception {
    assumeTrue(Chromium.available(), "Chromium and chromedriver are not installed (.ci/run installs them)");
    try (Chromium c = new Chromium()) {
      String base = "http://127.0.0.1:" + running.port();
      c.open(base + MyAccessPage.PATH); // no session: to the tenant's sign-in, and back here
      c.type("#login", "dave@mine.example");
      c.type("#passwd", "Dave-pw-1");
      c.click("#idSIButton9");
      awaitUrl(c, base + MyAccessPage.PATH);
      assertThat(c.text("h1")).isEqualTo("My access");
      assertThat(c.text("tr[data-route=\"app\"] td.yes")).isEqualTo("You can reach it");
      assertThat(c.text("tr[data-route=\"reader\"] td.no")).contains("You are eligible");
      c.click("tr[data-route=\"reader\"] a.way"); // "Activate"
      awaitUrl(c, base + "/.sallyport/activate?route=reader");
      c.type("#justification", "monthly review");
      c.click("#activate");
      awaitUrl(c, base + "/reader");
      c.open(base + MyAccessPage.PATH);
      assertThat(c.text("tr[data-route=\"reader\"] td.yes")).isEqualTo("You can reach it");
      assertThat(c.text("#pim-roles")).contains(READER).contains("active");
    }
  }

  static void awaitUrl(Chromium c, String url) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!c.url().startsWith(url)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the browser did not reach " + url + "; it is at " + c.url());
      }
      Thread.sleep(50);
    }
  }

  @Test
  void aUserWhoIsNotEligibleIsToldWhomToAskAndGetsNoActivationLink() {
    TestBrowser c = signedIn("carol@mine.example", "Carol-pw-1");
    JsonObject m = mine(c);
    JsonObject reader = route(m, "reader");
    assertThat(reader.getString("code")).isEqualTo("pim.not_eligible:" + READER);
    assertThat(reader.getString("wayThrough")).isNull();
    assertThat(reader.getString("next")).contains("admin");
    JsonObject billing = route(m, "billing");
    assertThat(billing.getString("code")).isEqualTo("access_package.not_assigned:" + PKG);
    assertThat(billing.getString("next")).contains("My Access");
    assertThat(m.getJsonArray("accessPackages")).isEmpty();
    assertThat(c.get(c.gateway(MyAccessPage.PATH)).bodyAsString()).contains("No access package is delivered to you");
  }

  @Test
  void graphFailingLeavesSectionsUnknownAndTheRoutesDeniedNeverNone() {
    TestBrowser c = signedIn("carol@mine.example", "Carol-pw-1");
    assertThat(mine(c).getJsonObject("pim").getJsonObject("roles")).isNotNull(); // warm
    fault("ScheduleInstances", new JsonObject().put("status", 500));
    fault("entitlementManagement/assignments", new JsonObject().put("status", 500));
    clock.advance(java.time.Duration.ofSeconds(61)); // past pim-refresh and the facts ttl; no stale-if-error
    JsonObject m = mine(c);
    assertThat(m.getJsonObject("pim").getValue("roles")).as("unknown, not \"none\"").isNull();
    assertThat(m.getJsonObject("notes").getString("pim")).contains("could not be read");
    assertThat(m.getValue("accessPackages")).isNull();
    assertThat(m.getJsonObject("notes").getString("accessPackages")).contains("could not be read");
    assertThat(route(m, "reader").getString("code")).isEqualTo("pim.unavailable");
    assertThat(route(m, "billing").getString("code")).isEqualTo("access_package.unavailable");
    assertThat(route(m, "app").getBoolean("allowed")).as("routes without Graph checks are unaffected").isTrue();
    HttpResponse<Buffer> page = c.get(c.gateway(MyAccessPage.PATH));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("could not be read").doesNotContain("No access package is delivered");
  }

  @Test
  void withoutASessionTheBrowserIsSentToSignInAndOnlyGetIsAllowed() {
    TestBrowser anon = new TestBrowser(vertx, dev.certificatePem(), running.port());
    HttpResponse<Buffer> r = anon.get(anon.gateway(MyAccessPage.PATH));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("location")).isEqualTo("/.sallyport/login?rd=%2F.sallyport%2Fmy-access");
    HttpResponse<Buffer> post = anon.send(HttpMethod.POST, anon.gateway(MyAccessPage.PATH), null);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.getHeader("allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void explainShowsTheGraphBackedChecksToAnOperator() {
    signedIn("carol@mine.example", "Carol-pw-1");
    WebClient mgmt = WebClient.create(vertx);
    JsonObject e = ItSupport.await(mgmt.post(running.managementPort(), "127.0.0.1", "/explain")
        .sendJsonObject(new JsonObject().put("user", "carol@mine.example").put("route", "reader"))).bodyAsJsonObject();
    JsonObject pim = e.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("check").equals("pim")).findFirst().orElseThrow();
    assertThat(pim.getString("verdict")).isEqualTo("fail");
    assertThat(pim.getString("code")).isEqualTo("pim.not_eligible:" + READER);
    assertThat(e.getJsonObject("decision").getString("code")).isEqualTo("pim.not_eligible:" + READER);
    JsonObject bill = ItSupport.await(mgmt.post(running.managementPort(), "127.0.0.1", "/explain")
        .sendJsonObject(new JsonObject().put("user", "carol@mine.example").put("route", "billing"))).bodyAsJsonObject();
    assertThat(bill.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("check").equals("access-package")).findFirst().orElseThrow().getString("verdict"))
        .isEqualTo("fail");
    assertThat(bill.getJsonArray("next").getJsonObject(0).getString("action")).contains("My Access");
    mgmt.close();
  }
}
