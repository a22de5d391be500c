package io.sallyport.gateway.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.DevTenantOptions;
import io.sallyport.devtenant.scenario.ScenarioLoader;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TenantControl;
import io.sallyport.gateway.harness.TestUpstream;
import io.sallyport.gateway.session.TestBrowser;
import io.sallyport.gateway.store.AuditEvent;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PIM activation at the wall, in a browser against devtenant's real sign-in pages and PIM rules: the
 * deny page offers activation, the form activates on the user's behalf and lets them through; an
 * auth-context policy sends them to step up and back; approval shows as pending; policy refusals
 * come back on the form; the POST needs the session's CSRF token and this gateway's origin.
 */
class ActivationIT {

  static final String TENANT = "3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
  static final String CLIENT = "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e";
  static final String READER = "5d6b6bb7-de71-4623-b4af-96380a352509";
  static final String GA = "62e90394-69f5-4237-9190-012177145e10";
  static final String BILLING = "b0f54661-2d74-4c50-afa3-1ec803f12efe";
  static final String HELPDESK = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
  static final String PROD = "7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";
  static final String SUPPORT = "8b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: signin.example, access-token-lifetime: 1h }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + CLIENT + ", client-secrets: [gw-s3cret-gw-s3cret],"
      + " identifier-uris: [\"api://sallyport\"], access-token-version: 2, scopes: [access_as_user],"
      + " optional-claims: [xms_cc, acrs, idtyp, auth_time, sid],"
      + " redirect-uris: [\"https://placeholder.example/cb\"], graph-permissions: [Application.ReadWrite.All,"
      + " RoleManagement.Read.Directory, RoleEligibilitySchedule.Read.Directory,"
      + " RoleAssignmentSchedule.ReadWrite.Directory, PrivilegedEligibilitySchedule.Read.AzureADGroup,"
      + " PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup] }\n"
      + "users:\n"
      + "  - { upn: alice, password: Alice-pw-1 }\n  - { upn: bob, password: Bob-pw-1 }\n"
      + "  - { upn: carol, password: Carol-pw-1 }\n  - { upn: dave, password: Dave-pw-1 }\n"
      + "directory-roles:\n"
      + "  - { id: " + READER + ", display-name: Security Reader, require-mfa: false, require-justification: false }\n"
      + "  - { id: " + GA + ", display-name: Global Administrator, auth-context: c1 }\n"
      + "  - { id: " + BILLING + ", display-name: Billing Administrator, require-mfa: false, require-approval: true }\n"
      + "  - { id: " + HELPDESK + ", display-name: Helpdesk Administrator, require-mfa: false, require-ticket: true,"
      + " max-activation: PT2H }\n"
      + "pim:\n  eligible:\n"
      + "    - { principal: bob, role: Security Reader, end: now+365d }\n"
      + "    - { principal: alice, role: Global Administrator, end: now+365d }\n"
      + "    - { principal: carol, role: Billing Administrator, end: now+365d }\n"
      + "    - { principal: dave, role: Helpdesk Administrator, end: now+365d }\n"
      + "groups:\n  - { display-name: Production Access, id: " + PROD + " }\n"
      + "  - { display-name: Support Access, id: " + SUPPORT + " }\n"
      + "pim-groups:\n  eligible:\n    - { principal: bob, group: Production Access, access: member, end: now+180d }\n"
      + "    - { principal: dave, group: Support Access, access: member, end: now+180d }\n"
      + "  policies:\n    - { group: Production Access, access: member, max-activation: PT2H, require-mfa: false }\n"
      + "    - { group: Support Access, access: member, max-activation: PT2H, require-mfa: false }\n"
      + "auth-contexts:\n  - { id: c1, display-name: Require MFA }\n"
      + "conditional-access:\n  - { display-name: MFA for c1, auth-contexts: [c1], grant: [mfa] }\n";

  @TempDir
  static Path dir;
  static Vertx vertx;
  static DevTenant dev;
  static WebClient idp;
  static TestUpstream upstream;
  static RunningGateway running;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    dev = ItSupport.await(DevTenant.start(vertx, DevTenantOptions.of(ScenarioLoader.parse(SCENARIO, "pim",
        Instant.now()))), 60, TimeUnit.SECONDS);
    idp = WebClient.create(vertx, new WebClientOptions().setTrustOptions(new PemTrustOptions()
        .addCertValue(Buffer.buffer(dev.certificatePem()))));
    upstream = TestUpstream.start(vertx);
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.certificatePem());
    String up = "upstream: \"" + upstream.url() + "\"";
    running = RunningGateway.fromYaml(RunningGateway.listeners() + "access-log: off\n"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.baseUrl() + "\", client-id: " + CLIENT
        + ", client-secret: gw-s3cret-gw-s3cret, ca-file: \"" + ca + "\", graph-url: \"" + dev.baseUrl() + "\" }\n"
        + "graph: { pim-refresh: 30s }\n"
        + "routes:\n"
        + "  - { name: app, match: { path-prefix: /app }, " + up + " }\n"
        + "  - { name: reader, match: { path-prefix: /reader }, " + up + ", require: { pim: { role: " + READER + " } } }\n"
        + "  - { name: ga, match: { path-prefix: /ga }, " + up + ", require: { pim: { role: " + GA + " } } }\n"
        + "  - { name: billing, match: { path-prefix: /billing }, " + up + ", require: { pim: { role: " + BILLING
        + " } } }\n"
        + "  - { name: helpdesk, match: { path-prefix: /helpdesk }, " + up + ", require: { pim: { role: " + HELPDESK
        + " } } }\n"
        + "  - { name: prod, match: { path-prefix: /prod }, " + up + ", require: { pim: { group: " + PROD
        + ", access: member } } }\n"
        + "  - { name: support, match: { path-prefix: /support }, " + up + ", require: { pim: { group: " + SUPPORT
        + ", access: member } } }\n", null);
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

  static JsonObject control(String method, String path, JsonObject body) {
    return new TenantControl(idp, dev).call(method, path, body);
  }

  static void register(int port) {
    new TenantControl(idp, dev).registerCallback(CLIENT, port);
  }

  /** Signs in through the gateway's sign-in start {@code r} (a redirect to it); returns the callback's answer. */
  static HttpResponse<Buffer> signInFrom(TestBrowser b, HttpResponse<Buffer> r, String upn, String password) {
    assertThat(r.getHeader("location")).startsWith("/.sallyport/login?rd=");
    HttpResponse<Buffer> start = b.get(b.location(r));
    HttpResponse<Buffer> login = b.get(start.getHeader("location"));
    HttpResponse<Buffer> back = login.statusCode() == 200 && login.bodyAsString().contains("id=\"passwd\"")
        ? b.signInAtIdp(login, dev.baseUrl(), upn, password) : b.mfaIfAsked(login, dev.baseUrl());
    assertThat(back.statusCode()).as("back to the callback: " + back.bodyAsString()).isEqualTo(302);
    return b.get(back.getHeader("location"));
  }

  static TestBrowser signedIn(String upn, String password) {
    TestBrowser b = new TestBrowser(vertx, dev.certificatePem(), running.port());
    HttpResponse<Buffer> done = signInFrom(b, b.get(b.gateway("/app/")), upn, password);
    assertThat(done.getHeader("location")).isEqualTo("/app/");
    return b;
  }

  /** The events of {@code type}, waiting up to 5 s for the first to be stored. */
  static List<AuditEvent> auditEventually(String type) {
    long end = System.currentTimeMillis() + 5000;
    List<AuditEvent> found = audit(type);
    while (found.isEmpty() && System.currentTimeMillis() < end) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      found = audit(type);
    }
    return found;
  }

  static List<AuditEvent> audit(String type) {
    return ItSupport.await(running.gateway.store().audit().page(AuditQuery.newest(100).type(type))).events();
  }

  @Test
  void anEligibleUserIsOfferedActivationAtTheWallActivatesAndGetsThrough() {
    TestBrowser b = signedIn("bob@signin.example", "Bob-pw-1");
    int before = upstream.seen().size();
    HttpResponse<Buffer> deny = b.get(b.gateway("/reader/report"));
    assertThat(deny.statusCode()).isEqualTo(403);
    assertThat(deny.bodyAsString()).contains("pim.not_active:" + READER)
        .contains("href=\"/.sallyport/activate?route=reader\"");
    HttpResponse<Buffer> form = b.get(b.gateway("/.sallyport/activate?route=reader"));
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.bodyAsString()).contains("id=\"justification\"").contains("name=\"csrf\"");
    HttpResponse<Buffer> done = b.submit(form, b.gateway(""), Map.of("justification", "incident 42", "hours", "1"));
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(303);
    assertThat(done.getHeader("location")).isEqualTo("/reader");
    assertThat(b.get(b.gateway("/reader/report")).statusCode()).isEqualTo(200);
    assertThat(upstream.seen()).hasSize(before + 1);
    assertThat(audit("pim.activation.requested")).anySatisfy(e -> {
      assertThat(e.route()).isEqualTo("reader");
      assertThat(e.details().getString("justification")).isEqualTo("incident 42");
      assertThat(e.details().getString("duration")).isEqualTo("PT1H");
    });
    assertThat(auditEventually("pim.activation.completed")).anySatisfy(e -> assertThat(e.route()).isEqualTo("reader"));
    // active now: the page says so instead of offering a second activation
    assertThat(b.get(b.gateway("/.sallyport/activate?route=reader")).bodyAsString()).contains("Already active");
  }

  @Test
  void aPimForGroupsMembershipIsActivatedTheSameWay() {
    TestBrowser b = signedIn("bob@signin.example", "Bob-pw-1");
    assertThat(b.get(b.gateway("/prod/")).bodyAsString()).contains("pim.not_active:" + PROD + ":member");
    HttpResponse<Buffer> form = b.get(b.gateway("/.sallyport/activate?route=prod"));
    HttpResponse<Buffer> done = b.submit(form, b.gateway(""), Map.of("justification", "deploy", "hours", "1"));
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(303);
    assertThat(done.getHeader("location")).isEqualTo("/prod");
    assertThat(b.get(b.gateway("/prod/")).statusCode()).isEqualTo(200);
  }

  @Test
  void anAuthContextPolicySendsTheUserToStepUpAndBackThenActivates() {
    TestBrowser b = signedIn("alice@signin.example", "Alice-pw-1");
    HttpResponse<Buffer> form = b.get(b.gateway("/.sallyport/activate?route=ga"));
    HttpResponse<Buffer> step = b.submit(form, b.gateway(""), Map.of("justification", "change 7", "hours", "1"));
    assertThat(step.statusCode()).as(step.bodyAsString()).isEqualTo(303);
    assertThat(step.getHeader("location")).contains("acr=c1");
    assertThat(auditEventually("pim.activation.failed")).anySatisfy(e ->
        assertThat(e.details().getString("outcome")).isEqualTo("auth_context_required:c1"));
    HttpResponse<Buffer> back = signInFrom(b, step, "alice@signin.example", "Alice-pw-1");
    assertThat(back.getHeader("location")).isEqualTo("/.sallyport/activate?route=ga&acr=c1");
    HttpResponse<Buffer> again = b.get(b.location(back));
    assertThat(again.bodyAsString()).contains("name=\"acr\" value=\"c1\"");
    HttpResponse<Buffer> done = b.submit(again, b.gateway(""), Map.of("justification", "change 7", "hours", "1"));
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(303);
    assertThat(done.getHeader("location")).isEqualTo("/ga");
    assertThat(b.get(b.gateway("/ga/")).statusCode()).isEqualTo(200);
  }

  @Test
  void anActivationNeedingApprovalShowsAsPending() {
    TestBrowser b = signedIn("carol@signin.example", "Carol-pw-1");
    HttpResponse<Buffer> form = b.get(b.gateway("/.sallyport/activate?route=billing"));
    HttpResponse<Buffer> pending = b.submit(form, b.gateway(""), Map.of("justification", "quarter end", "hours", "1"));
    assertThat(pending.statusCode()).isEqualTo(202);
    assertThat(pending.bodyAsString()).contains("waiting for approval");
    // the audit append runs beside the answer, not before it
    assertThat(auditEventually("pim.activation.pending")).anySatisfy(e -> assertThat(e.route()).isEqualTo("billing"));
    assertThat(b.get(b.gateway("/billing/")).statusCode()).isEqualTo(403);
  }

  @Test
  void theRolesSettingsAreOnTheFormUpfrontAndAValidRequestThenPasses() {
    TestBrowser b = signedIn("dave@signin.example", "Dave-pw-1");
    HttpResponse<Buffer> form = b.get(b.gateway("/.sallyport/activate?route=helpdesk"));
    // read from Graph's role management policy: max PT2H, a ticket required, no MFA
    assertThat(form.bodyAsString()).contains("at most 2 by the role's policy").contains("max=\"2\"")
        .contains("Ticket number (required)").contains("id=\"ticket\" maxlength=\"100\" required")
        .contains("This role&#39;s PIM settings ask for at most 2 hours, a justification, a ticket number.");
    // counts the activation requests that reach Graph (a 1 ms delay changes nothing)
    String counter = control("POST", "/_devtenant/faults", new JsonObject()
        .put("path", "re:roleAssignmentScheduleRequests").put("latency-ms", 1)).getString("id");
    HttpResponse<Buffer> noTicket = b.submit(form, b.gateway(""), Map.of("justification", "desk", "hours", "1"));
    assertThat(noTicket.statusCode()).isEqualTo(400);
    assertThat(noTicket.bodyAsString()).contains("ticket: the role&#39;s policy requires a ticket number");
    HttpResponse<Buffer> tooLong = b.submit(noTicket, b.gateway(""), Map.of("justification", "desk", "hours", "3",
        "ticket", "INC-1"));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.bodyAsString()).contains("hours: the role&#39;s policy allows at most 2 hours, got 3");
    assertThat(control("GET", "/_devtenant/faults", null).getJsonArray("faults").stream()
        .map(JsonObject.class::cast).filter(f -> f.getString("id").equals(counter)).findFirst().orElseThrow()
        .getLong("hits")).as("neither reached Graph").isZero();
    control("DELETE", "/_devtenant/faults/" + counter, null);
    HttpResponse<Buffer> bad = b.submit(tooLong, b.gateway(""), Map.of("hours", "many"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsString()).contains("hours: expected a whole number of hours from 1 to 24");
    HttpResponse<Buffer> ok = b.submit(bad, b.gateway(""), Map.of("justification", "desk", "hours", "2",
        "ticket", "INC-1", "ticket-system", "ServiceNow"));
    assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(303);
    assertThat(b.get(b.gateway("/helpdesk/")).statusCode()).isEqualTo(200);
  }

  @Test
  void withoutTheSettingsGraphsOwnPolicyRefusalComesBackOnTheForm() {
    // the app may not read PIM for Groups policies (no RoleManagementPolicy.Read.AzureADGroup): the form
    // falls back to its own bounds, and Graph's refusal of the request says what to change
    TestBrowser b = signedIn("dave@signin.example", "Dave-pw-1");
    HttpResponse<Buffer> form = b.get(b.gateway("/.sallyport/activate?route=support"));
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.bodyAsString()).contains("max=\"24\"").doesNotContain("PIM settings ask for");
    HttpResponse<Buffer> tooLong = b.submit(form, b.gateway(""), Map.of("justification", "support", "hours", "3"));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.bodyAsString()).contains("ExpirationRule").contains("fewer hours");
  }

  @Test
  void aWriteThatMeetsA503IsSentOnceAndSaysNothingWasActivated() {
    // the Graph SDK would retry a 503 three times; a write must not be repeated (it may have happened)
    String fault = control("POST", "/_devtenant/faults", new JsonObject()
        .put("path", "re:privilegedAccess/group/assignmentScheduleRequests$").put("status", 503)
        .put("retry-after", "1")).getString("id");
    try {
      TestBrowser b = signedIn("dave@signin.example", "Dave-pw-1");
      HttpResponse<Buffer> form = b.get(b.gateway("/.sallyport/activate?route=support"));
      HttpResponse<Buffer> r = b.submit(form, b.gateway(""), Map.of("justification", "support", "hours", "1"));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.bodyAsString()).contains("nothing was activated");
      assertThat(control("GET", "/_devtenant/faults", null).getJsonArray("faults").stream()
          .map(JsonObject.class::cast).filter(f -> f.getString("id").equals(fault)).findFirst().orElseThrow()
          .getLong("hits")).as("sent once").isEqualTo(1L);
    } finally {
      control("DELETE", "/_devtenant/faults/" + fault, null);
    }
  }

  @Test
  void thePostNeedsTheSessionsCsrfTokenAndThisOrigin() {
    TestBrowser b = signedIn("bob@signin.example", "Bob-pw-1");
    MultiMap f = MultiMap.caseInsensitiveMultiMap().add("route", "reader").add("hours", "1").add("csrf", "forged");
    HttpResponse<Buffer> forged = b.post(b.gateway("/.sallyport/activate"), f, Map.of());
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<Buffer> form = b.get(b.gateway("/.sallyport/activate?route=reader"));
    String csrf = TestBrowser.unescape(form.bodyAsString().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]*)\".*", "$1"));
    MultiMap real = MultiMap.caseInsensitiveMultiMap().add("route", "reader").add("hours", "1").add("csrf", csrf);
    HttpResponse<Buffer> cross = b.post(b.gateway("/.sallyport/activate"), real,
        Map.of("origin", "https://evil.example"));
    assertThat(cross.statusCode()).isEqualTo(403);
    assertThat(cross.bodyAsString()).contains("another site");
    TestBrowser anonymous = new TestBrowser(vertx, dev.certificatePem(), running.port());
    HttpResponse<Buffer> nobody = anonymous.get(anonymous.gateway("/.sallyport/activate?route=reader"));
    assertThat(nobody.statusCode()).isEqualTo(303);
    assertThat(nobody.getHeader("location")).startsWith("/.sallyport/login?rd=%2F.sallyport%2Factivate%3Froute%3Dreader");
    assertThat(b.get(b.gateway("/.sallyport/activate?route=app")).statusCode()).as("no PIM on that route")
        .isEqualTo(404);
  }
}
