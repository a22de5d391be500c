package io.sallyport.gateway.terms;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.DevTenantOptions;
import io.sallyport.devtenant.scenario.ScenarioLoader;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TenantControl;
import io.sallyport.gateway.harness.TestUpstream;
import io.sallyport.gateway.session.TestBrowser;
import io.sallyport.gateway.store.AuditQuery;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code require.terms-of-use} through the gateway, browsers signing in against a real devtenant:
 * Sallyport's own page (offered, accepted with CSRF and Origin checked, recorded in the audit log,
 * offered again once the re-acceptance time is past on the gateway's clock), the step-up variant
 * (sent to sign in with the agreement's auth context; devtenant's sign-in shows the terms; the
 * acceptance read back from Graph on behalf of the user), and Graph faults failing closed.
 */
class TermsIT {

  static final String TENANT = "3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
  static final String CLIENT = "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e";
  static final String PAGE_TERMS = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
  static final String TEXT_TERMS = "8d2e3f4a-5b6c-4d7e-9f8a-0b1c2d3e4f5a";
  static final String STEP_TERMS = "3a8f6c2e-1b2c-4d3e-9f4a-5b6c7d8e9f0a";
  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: terms.example, access-token-lifetime: 1h }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + CLIENT + ", client-secrets: [gw-s3cret-gw-s3cret],"
      + " identifier-uris: [\"api://sallyport\"], access-token-version: 2, scopes: [access_as_user],"
      + " optional-claims: [xms_cc, acrs, idtyp, auth_time, sid],"
      + " redirect-uris: [\"https://placeholder.example/cb\"],"
      + " graph-permissions: [Application.ReadWrite.All, Agreement.Read.All, AgreementAcceptance.Read] }\n"
      + "users:\n"
      + "  - { upn: alice, password: Alice-pw-1 }\n  - { upn: bob, password: Bob-pw-1 }\n"
      + "  - { upn: carol, password: Carol-pw-1 }\n  - { upn: dave, password: Dave-pw-1 }\n"
      + "agreements:\n"
      + "  - { id: " + PAGE_TERMS + ", display-name: Gateway terms, text: \"Be nice to the <servers>.\" }\n"
      + "  - { id: " + TEXT_TERMS + ", display-name: Text terms, text: unused }\n"
      + "  - { id: " + STEP_TERMS + ", display-name: Privileged access terms, reaccept-every: P90D,"
      + " text: Privileged terms }\n"
      + "auth-contexts:\n  - { id: c2, display-name: Privileged terms }\n"
      + "conditional-access:\n  - { display-name: Terms for c2, auth-contexts: [c2],"
      + " terms-of-use: [Privileged access terms] }\n";

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
    dev = ItSupport.await(DevTenant.start(vertx, DevTenantOptions.of(ScenarioLoader.parse(SCENARIO, "terms",
        Instant.now()))), 60, TimeUnit.SECONDS);
    idp = WebClient.create(vertx, new WebClientOptions().setTrustOptions(new PemTrustOptions()
        .addCertValue(Buffer.buffer(dev.certificatePem()))));
    upstream = TestUpstream.start(vertx);
    // the JVM's first TLS client context costs ~0.7 s of class initialisation; paid here by the test's
    // own client (as SignInGateway does), not by the gateway's first Graph call on its event loop
    control("GET", "/_devtenant/clock", null);
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.certificatePem());
    String up = "upstream: \"" + upstream.url() + "\"";
    running = RunningGateway.fromYaml(RunningGateway.listeners() + "access-log: off\n"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.baseUrl() + "\", client-id: " + CLIENT
        + ", client-secret: gw-s3cret-gw-s3cret, ca-file: \"" + ca + "\", graph-url: \"" + dev.baseUrl() + "\" }\n"
        + "graph: { call-timeout: 1s, check-timeout: 1500ms, max-retries: 1, stale-if-error: 10m }\n"
        + "routes:\n"
        + "  - { name: page, match: { path-prefix: /page }, " + up + ", require: { terms-of-use: { agreement: "
        + PAGE_TERMS + ", via: page, reaccept-every: 10m } } }\n"
        + "  - { name: same, match: { path-prefix: /same }, " + up + ", require: { terms-of-use: { agreement: "
        + PAGE_TERMS + ", via: page } } }\n"
        + "  - { name: text, match: { path-prefix: /text }, " + up + ", require: { terms-of-use: { agreement: "
        + TEXT_TERMS + ", via: page, text: \"Configured terms & more\" } } }\n"
        + "  - { name: step, match: { path-prefix: /step }, " + up + ", require: { terms-of-use: { agreement: "
        + STEP_TERMS + ", via: step-up, auth-context: c2 } } }\n", null, clock);
    register(running.port());
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
    upstream.close();
    ItSupport.await(dev.close());
    ItSupport.await(vertx.close());
  }

  @AfterEach
  void clearFaults() {
    faults.forEach(id -> control("DELETE", "/_devtenant/faults/" + id, null));
  }

  static void register(int port) {
    new TenantControl(idp, dev).registerCallback(CLIENT, port);
  }

  static JsonObject control(String method, String path, JsonObject body) {
    return new TenantControl(idp, dev).call(method, path, body);
  }

  String fault(String pathRegex, JsonObject f) {
    String id = control("POST", "/_devtenant/faults", f.put("path", "re:" + pathRegex)).getString("id");
    faults.add(id);
    return id;
  }

  TestBrowser browser() {
    return new TestBrowser(vertx, dev.certificatePem(), running.port());
  }

  /** From a page load without a session to the gateway's answer after the callback's redirect back. */
  static HttpResponse<Buffer> signIn(TestBrowser b, String path, String upn, String password) {
    HttpResponse<Buffer> r = b.get(b.gateway(path));
    assertThat(r.getHeader("location")).startsWith("/.sallyport/login?rd=");
    return throughIdp(b, b.get(b.location(r)), upn, password);
  }

  /** From the gateway's sign-in start (a redirect to devtenant) to the page behind the callback. */
  static HttpResponse<Buffer> throughIdp(TestBrowser b, HttpResponse<Buffer> start, String upn, String password) {
    HttpResponse<Buffer> page = b.get(start.getHeader("location"));
    if (page.statusCode() == 200 && page.bodyAsString().contains("id=\"passwd\"")) {
      page = b.submit(page, dev.baseUrl(), Map.of("login", upn, "passwd", password));
    }
    if (page.statusCode() == 200 && page.bodyAsString().contains("id=\"accept\"")) {
      page = b.submit(page, dev.baseUrl(), Map.of("action", "accept"));
    }
    assertThat(page.statusCode()).as(page.bodyAsString()).isEqualTo(302);
    assertThat(page.getHeader("location")).startsWith(b.gateway("/.sallyport/callback?"));
    HttpResponse<Buffer> back = b.get(page.getHeader("location"));
    return b.get(b.location(back)); // the callback sends the browser back where it was going
  }

  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @Test
  void pageTermsAreOfferedAcceptedRecordedAndOfferedAgainAfterTheReacceptTime() {
    TestBrowser b = browser();
    HttpResponse<Buffer> r = signIn(b, "/page/x?y=1", "alice@terms.example", "Alice-pw-1");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("location")).startsWith("/.sallyport/terms?agreement=" + PAGE_TERMS + "&rd=");
    int before = upstream.seen().size();
    HttpResponse<Buffer> terms = b.get(b.location(r));
    assertThat(terms.statusCode()).isEqualTo(200);
    assertThat(terms.bodyAsString()).as("the agreement's file from Graph, escaped")
        .contains("Be nice to the &lt;servers&gt;.");
    HttpResponse<Buffer> accepted = b.submit(terms, b.gateway(""), Map.of());
    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(accepted.getHeader("location")).isEqualTo("/page/x?y=1");
    assertThat(b.get(b.location(accepted)).statusCode()).isEqualTo(200);
    assertThat(upstream.seen()).hasSize(before + 1);

    var events = ItSupport.await(running.gateway.store().audit().page(AuditQuery.newest(50)
        .type(OwnAcceptances.ACCEPTED))).events();
    assertThat(events).anySatisfy(e -> assertThat(e.details().getString("agreementId")).isEqualTo(PAGE_TERMS));

    clock.advance(Duration.ofMinutes(11)); // past reaccept-every: offered again
    HttpResponse<Buffer> again = b.get(b.gateway("/page/x"));
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.getHeader("location")).startsWith("/.sallyport/terms?agreement=" + PAGE_TERMS);
    // a route with the same agreement and no reaccept-every: the earlier acceptance still holds
    assertThat(b.get(b.gateway("/same/")).statusCode()).isEqualTo(200);
  }

  @Test
  void configuredTextIsShownAndAFormWithoutTheSessionsTokenOrFromElsewhereIsRefused() {
    TestBrowser b = browser();
    HttpResponse<Buffer> r = signIn(b, "/text/", "carol@terms.example", "Carol-pw-1");
    HttpResponse<Buffer> terms = b.get(b.location(r));
    assertThat(terms.bodyAsString()).contains("Configured terms &amp; more");
    Matcher m = CSRF.matcher(terms.bodyAsString());
    assertThat(m.find()).isTrue();
    MultiMap forged = MultiMap.caseInsensitiveMultiMap().add("csrf", "forged").add("agreement", TEXT_TERMS)
        .add("rd", "/text/");
    assertThat(b.post(b.gateway(TermsPage.PATH), forged, Map.of()).statusCode()).isEqualTo(403);
    MultiMap real = MultiMap.caseInsensitiveMultiMap().add("csrf", TestBrowser.unescape(m.group(1)))
        .add("agreement", TEXT_TERMS).add("rd", "//evil.example/");
    assertThat(b.post(b.gateway(TermsPage.PATH), real, Map.of("origin", "https://evil.example")).statusCode())
        .isEqualTo(403);
    assertThat(b.get(b.gateway("/text/")).statusCode()).as("nothing was recorded").isEqualTo(302);
    HttpResponse<Buffer> ok = b.post(b.gateway(TermsPage.PATH), real, Map.of());
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.getHeader("location")).as("an off-site return is not followed").isEqualTo("/");
    assertThat(b.get(b.gateway("/text/")).statusCode()).isEqualTo(200);
  }

  @Test
  void stepUpSendsTheBrowserToSignInWithTheAgreementsAuthContextAndTheAcceptanceFromGraphLetsItThrough() {
    TestBrowser b = browser();
    HttpResponse<Buffer> r = signIn(b, "/step/", "bob@terms.example", "Bob-pw-1");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("location")).startsWith("/.sallyport/login?rd=").contains("&acr=c2");
    HttpResponse<Buffer> start = b.get(b.location(r));
    assertThat(start.getHeader("location")).contains("claims=");
    HttpResponse<Buffer> back = throughIdp(b, start, "bob@terms.example", "Bob-pw-1");
    assertThat(back.statusCode()).as(back.bodyAsString()).isEqualTo(200);
  }

  @Test
  void anUnreachableGraphForAnUncachedUserIsUnavailable() {
    String token = control("POST", "/_devtenant/tokens", new JsonObject().put("user", "carol")
        .put("client", "Sallyport")).getString("access_token");
    fault("/v1\\.0/me/agreementAcceptances$", new JsonObject().put("drop", true));
    WebClient http = WebClient.create(vertx);
    HttpResponse<Buffer> r = ItSupport.await(http.get(running.port(), "127.0.0.1", "/step/")
        .bearerTokenAuthentication(token).send());
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("tou.unavailable");
    http.close();
  }

  @Test
  void aProgramGetsTheReasonAndGraphFaultsFailClosedWithinTheCheckTimeout() {
    String token = control("POST", "/_devtenant/tokens", new JsonObject().put("user", "dave")
        .put("client", "Sallyport")).getString("access_token");
    WebClient http = WebClient.create(vertx);
    HttpResponse<Buffer> r = ItSupport.await(http.get(running.port(), "127.0.0.1", "/step/")
        .bearerTokenAuthentication(token).send());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(403);
    assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("tou.not_accepted:" + STEP_TERMS);
    HttpResponse<Buffer> p = ItSupport.await(http.get(running.port(), "127.0.0.1", "/page/")
        .bearerTokenAuthentication(token).send());
    assertThat(p.bodyAsJsonObject().getString("code")).isEqualTo("tou.not_accepted:" + PAGE_TERMS);

    control("POST", "/_devtenant/acceptances", new JsonObject().put("user", "dave").put("agreement", STEP_TERMS));
    clock.advance(Duration.ofSeconds(6)); // past the recheck bound: Graph is asked again
    assertThat(ItSupport.await(http.get(running.port(), "127.0.0.1", "/step/")
        .bearerTokenAuthentication(token).send()).statusCode()).isEqualTo(200);

    // past the 5 min facts ttl while Graph fails: the cached acceptance serves within stale-if-error
    clock.advance(Duration.ofMinutes(6));
    String failing = fault("/v1\\.0/me/agreementAcceptances$", new JsonObject().put("status", 500));
    assertThat(ItSupport.await(http.get(running.port(), "127.0.0.1", "/step/")
        .bearerTokenAuthentication(token).send()).statusCode()).isEqualTo(200);
    assertThat(control("GET", "/_devtenant/faults", null).getJsonArray("faults").stream()
        .map(JsonObject.class::cast).filter(f -> f.getString("id").equals(failing))
        .mapToInt(f -> f.getInteger("hits")).sum()).as("Graph was asked").isGreaterThanOrEqualTo(1);

    // past ttl + stale-if-error, and Graph is slow: 503 at the check timeout, never a hang
    clock.advance(Duration.ofMinutes(10));
    fault("/v1\\.0/me/agreementAcceptances$", new JsonObject().put("latency-ms", 10_000));
    long start = System.nanoTime();
    HttpResponse<Buffer> slow = ItSupport.await(http.get(running.port(), "127.0.0.1", "/step/")
        .bearerTokenAuthentication(token).send());
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(slow.statusCode()).isEqualTo(503);
    assertThat(slow.bodyAsJsonObject().getString("code")).isEqualTo("tou.unavailable");
    assertThat(ms).isLessThan(2500);
    http.close();
  }
}
