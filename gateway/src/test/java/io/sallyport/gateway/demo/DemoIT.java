package io.sallyport.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.session.TestBrowser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, end to end: devtenant, demo upstream and gateway from one process; a
 * browser signs in, steps up, meets the PIM wall and activates, accepts the terms, and is kept out of
 * (or let into) the access package route, as the banner says.
 */
class DemoIT {

  @TempDir
  static Path work;
  static DemoProcess demo;
  static Vertx vertx;
  static WebClient http;
  static JsonObject facts;

  @BeforeAll
  static void start() throws Exception {
    demo = new DemoProcess(work);
    demo.awaitReady();
    vertx = Vertx.vertx();
    http = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    facts = new JsonObject(Files.readString(work.resolve("data/demo.json")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void printsTheUrlsTheUsersWithPasswordsAndWhatToTry() {
    String out = demo.output();
    assertThat(out).contains("http://localhost:" + demo.gatewayPort + "/")
        .contains("https://localhost:" + demo.devtenantPort)
        .contains("alice@sallyport-demo.onmicrosoft.com").contains("Alice-demo-1")
        .contains("Things to try").contains(work.resolve("data/demo.json").toAbsolutePath().toString());
  }

  @Test
  void demoJsonHasTheUrlsTenantUsersAndApps() {
    assertThat(facts.getString("gatewayUrl")).isEqualTo("http://localhost:" + demo.gatewayPort + "/");
    assertThat(facts.getString("tenantId")).isEqualTo("7c1c5a0e-3f4b-4d8e-9a51-2b6f0d9e4c11");
    assertThat(facts.getJsonObject("devtenant").getString("issuer"))
        .isEqualTo("https://localhost:" + demo.devtenantPort + "/7c1c5a0e-3f4b-4d8e-9a51-2b6f0d9e4c11/v2.0");
    assertThat(facts.getJsonArray("users").getJsonObject(0).getString("password")).isEqualTo("Alice-demo-1");
    assertThat(facts.getJsonArray("apps").getJsonObject(0).getString("clientId"))
        .isEqualTo("5b2f7a10-8c3d-4e61-9f0a-1d2c3b4a5e60");
  }

  @Test
  void theGatewayServesTheUpstreamPageAndFailsClosedOnTheProtectedRoute() {
    HttpResponse<Buffer> home = ItSupport.await(http.get(demo.gatewayPort, "localhost", "/")
        .putHeader("X-Sallyport-User", "spoofed@example.com").send());
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.bodyAsString()).contains("Demo upstream").contains("No identity").doesNotContain("spoofed");
    assertThat(home.getHeader("X-Request-Id")).isNotBlank();
    HttpResponse<Buffer> admin = ItSupport.await(http.get(demo.gatewayPort, "localhost", "/admin").send());
    assertThat(admin.statusCode()).isEqualTo(401);
  }

  @Test
  void devtenantProvisionsTheDemoUsersIntoTheGatewaysScimDirectory() throws Exception {
    JsonObject scim = facts.getJsonObject("scim");
    assertThat(scim.getString("baseUrl")).isEqualTo("http://localhost:" + demo.gatewayPort + "/scim/v2");
    String token = scim.getString("token");
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonObject users;
    do {
      users = ItSupport.await(http.get(demo.gatewayPort, "localhost", "/scim/v2/Users?count=10")
          .putHeader("Authorization", "Bearer " + token).send()).bodyAsJsonObject();
      if (users.getLong("totalResults", 0L) >= 4) {
        break;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    assertThat(users.getLong("totalResults")).isEqualTo(4);
    assertThat(users.getJsonArray("Resources").stream().map(o -> ((JsonObject) o).getString("userName")))
        .contains("alice@sallyport-demo.onmicrosoft.com");
    assertThat(ItSupport.await(http.get(demo.gatewayPort, "localhost", "/scim/v2/Users")
        .putHeader("Authorization", "Bearer wrong").send()).statusCode()).isEqualTo(401);
  }

  @Test
  void aBrowserSignsInAndStepsUpWithMfaOnTheAuthContextRoute() {
    String cert = Files.exists(work.resolve("data")) ? readCert() : null;
    TestBrowser b = new TestBrowser(vertx, cert, demo.gatewayPort);
    String devtenant = facts.getJsonObject("devtenant").getString("url");
    HttpResponse<Buffer> r = b.get(b.gateway("/admin"));
    assertThat(r.statusCode()).isEqualTo(302);
    HttpResponse<Buffer> login = b.get(b.get(b.location(r)).getHeader("location"));
    HttpResponse<Buffer> back = b.signInAtIdp(login, devtenant, "alice@sallyport-demo.onmicrosoft.com", "Alice-demo-1");
    assertThat(back.getHeader("location")).as(back.bodyAsString()).contains("/.sallyport/callback?");
    HttpResponse<Buffer> done = b.get(back.getHeader("location"));
    assertThat(done.getHeader("location")).isEqualTo("/admin");
    HttpResponse<Buffer> admin = b.get(b.gateway("/admin"));
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.bodyAsString()).contains("alice@sallyport-demo.onmicrosoft.com");

    HttpResponse<Buffer> step = b.get(b.gateway("/admin/privileged"));
    assertThat(step.statusCode()).isEqualTo(302);
    assertThat(step.getHeader("location")).contains("acr=c1");
    HttpResponse<Buffer> mfa = b.get(b.get(b.location(step)).getHeader("location"));
    assertThat(TestBrowser.mfaPage(mfa)).as(mfa.bodyAsString()).isTrue();
    HttpResponse<Buffer> stepped = b.get(b.mfaIfAsked(mfa, devtenant).getHeader("location"));
    assertThat(stepped.getHeader("location")).isEqualTo("/admin/privileged");
    assertThat(b.get(b.gateway("/admin/privileged")).statusCode()).isEqualTo(200);
  }

  static final String ALICE = "alice@sallyport-demo.onmicrosoft.com";
  static final String BOB = "bob@sallyport-demo.onmicrosoft.com";
  /** Global Administrator, the role demo-admin-pim needs; alice is eligible, bob is not. */
  static final String GA = "62e90394-69f5-4237-9190-012177145e10";
  static final String BILLING_PACKAGE = "4f0e2d1c-7b6a-4958-a3b2-c1d0e9f8a7b6";
  static final String TERMS = "3a8f6c2e-1b4d-4e9a-8c7f-5d2e1a0b9c84";

  /** A browser of its own (its own devtenant session too), signed in as {@code upn} by opening {@code path}. */
  static TestBrowser signedIn(String path, String upn, String password) {
    TestBrowser b = new TestBrowser(vertx, readCert(), demo.gatewayPort);
    HttpResponse<Buffer> r = b.get(b.gateway(path));
    assertThat(r.statusCode()).isEqualTo(302);
    HttpResponse<Buffer> login = b.get(b.get(b.location(r)).getHeader("location"));
    HttpResponse<Buffer> back = b.signInAtIdp(login, facts.getJsonObject("devtenant").getString("url"), upn, password);
    assertThat(back.getHeader("location")).as(back.bodyAsString()).contains("/.sallyport/callback?");
    assertThat(b.get(back.getHeader("location")).getHeader("location")).isEqualTo(path);
    return b;
  }

  @Test
  void theEligibleAdminMeetsThePimWallActivatesAfterAnMfaStepUpAndIsLetThrough() {
    TestBrowser b = signedIn("/admin/pim", ALICE, "Alice-demo-1");
    HttpResponse<Buffer> wall = b.get(b.gateway("/admin/pim"));
    assertThat(wall.statusCode()).isEqualTo(403);
    assertThat(wall.bodyAsString()).contains("pim.not_active:" + GA)
        .contains("href=\"/.sallyport/activate?route=demo-admin-pim\"");
    HttpResponse<Buffer> form = b.get(b.gateway("/.sallyport/activate?route=demo-admin-pim"));
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.bodyAsString()).contains("id=\"justification\"").contains("id=\"hours\"")
        .contains("id=\"ticket\"").contains("name=\"csrf\"");
    Map<String, String> request = Map.of("justification", "demo: rotate the billing keys", "hours", "1",
        "ticket", "CHG-1001", "ticket-system", "Demo");
    // the role's PIM policy asks for auth context c1: Graph refuses the first try, Sallyport sends the
    // browser to sign in with c1 (devtenant asks for the MFA code) and back to the form
    HttpResponse<Buffer> step = b.submit(form, b.gateway(""), request);
    assertThat(step.statusCode()).as(step.bodyAsString()).isEqualTo(303);
    assertThat(step.getHeader("location")).contains("acr=c1");
    HttpResponse<Buffer> mfa = b.get(b.get(b.location(step)).getHeader("location"));
    assertThat(TestBrowser.mfaPage(mfa)).as(mfa.bodyAsString()).isTrue();
    HttpResponse<Buffer> back = b.get(b.mfaIfAsked(mfa, facts.getJsonObject("devtenant").getString("url"))
        .getHeader("location"));
    assertThat(back.getHeader("location")).isEqualTo("/.sallyport/activate?route=demo-admin-pim&acr=c1");
    HttpResponse<Buffer> done = b.submit(b.get(b.location(back)), b.gateway(""), request);
    assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(303);
    assertThat(done.getHeader("location")).isEqualTo("/admin/pim");
    HttpResponse<Buffer> through = b.get(b.gateway("/admin/pim"));
    assertThat(through.statusCode()).as(through.bodyAsString()).isEqualTo(200);
    assertThat(through.bodyAsString()).contains("Demo upstream").contains(ALICE);
  }

  @Test
  void aUserWhoIsNotEligibleIsToldSoWithNoActivationOffered() {
    TestBrowser b = signedIn("/admin/pim", BOB, "Bob-demo-1");
    HttpResponse<Buffer> deny = b.get(b.gateway("/admin/pim"));
    assertThat(deny.statusCode()).isEqualTo(403);
    assertThat(deny.bodyAsString()).contains("pim.not_eligible:" + GA).contains("make you eligible")
        .doesNotContain("/.sallyport/activate");
  }

  @Test
  void theTermsPageIsOfferedAndAcceptingItLetsTheUserIn() {
    TestBrowser b = signedIn("/admin/terms", BOB, "Bob-demo-1");
    HttpResponse<Buffer> offer = b.get(b.gateway("/admin/terms"));
    assertThat(offer.statusCode()).isEqualTo(302);
    assertThat(offer.getHeader("location")).startsWith("/.sallyport/terms?agreement=" + TERMS + "&rd=");
    HttpResponse<Buffer> page = b.get(b.location(offer));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).as("the agreement's text from Graph")
        .contains("Privileged sessions through Sallyport are recorded");
    HttpResponse<Buffer> accepted = b.submit(page, b.gateway(""), Map.of());
    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(accepted.getHeader("location")).isEqualTo("/admin/terms");
    HttpResponse<Buffer> in = b.get(b.location(accepted));
    assertThat(in.statusCode()).isEqualTo(200);
    assertThat(in.bodyAsString()).contains("Demo upstream").contains(BOB);
  }

  @Test
  void theAccessPackageLetsItsHolderInAndKeepsOthersOut() {
    TestBrowser alice = signedIn("/admin/billing", ALICE, "Alice-demo-1");
    assertThat(alice.get(alice.gateway("/admin/billing")).statusCode()).isEqualTo(200);
    TestBrowser bob = signedIn("/admin/billing", BOB, "Bob-demo-1");
    HttpResponse<Buffer> deny = bob.get(bob.gateway("/admin/billing"));
    assertThat(deny.statusCode()).isEqualTo(403);
    assertThat(deny.bodyAsString()).contains("access_package.not_assigned:" + BILLING_PACKAGE);
  }

  @Test
  void theBannerAndDemoJsonSayWhatEachUserMeetsOnThePrivilegedRoutes() {
    assertThat(demo.output()).contains("6. Privileged access")
        .contains("http://localhost:" + demo.gatewayPort + "/admin/pim  - needs an active PIM assignment")
        .contains("/admin/terms").contains("/admin/billing");
    JsonObject pim = facts.getJsonArray("privilegedAccess").getJsonObject(0);
    assertThat(pim.getString("route")).isEqualTo("demo-admin-pim");
    assertThat(pim.getString("url")).isEqualTo("http://localhost:" + demo.gatewayPort + "/admin/pim");
    JsonObject alice = pim.getJsonArray("users").getJsonObject(0);
    assertThat(alice.getString("upn")).isEqualTo(ALICE);
    assertThat(alice.getString("password")).isEqualTo("Alice-demo-1");
    assertThat(alice.getString("expect")).isEqualTo("activate");
    assertThat(pim.getJsonArray("users").getJsonObject(1).getString("expect")).isEqualTo("denied");
  }

  static String readCert() {
    try {
      return Files.readString(Path.of(facts.getJsonObject("devtenant").getString("certificateFile")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theProtectedRouteLetsAnEntraTokenOfTheTenantThrough() throws Exception {
    Path cert = Path.of(facts.getJsonObject("devtenant").getString("certificateFile"));
    WebClient tls = WebClient.create(vertx, new WebClientOptions().setSsl(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(cert.toString())));
    String token = ItSupport.await(tls.postAbs(facts.getJsonObject("devtenant").getString("url") + "/_devtenant/tokens")
        .sendJsonObject(new JsonObject().put("user", "alice").put("client", "Demo CLI").put("audience", "api://sallyport")))
        .bodyAsJsonObject().getString("access_token");
    HttpResponse<Buffer> admin = ItSupport.await(http.get(demo.gatewayPort, "localhost", "/admin")
        .putHeader("Authorization", "Bearer " + token).send());
    assertThat(admin.statusCode()).as(admin.bodyAsString()).isEqualTo(200);
    assertThat(admin.bodyAsString()).contains("Demo upstream");
    HttpResponse<Buffer> forged = ItSupport.await(http.get(demo.gatewayPort, "localhost", "/admin")
        .putHeader("Authorization", "Bearer " + token.substring(0, token.length() - 6) + "AAAAAA").send());
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  @Test
  void theWebSocketEchoWorksThroughTheGateway() {
    WebSocketClient ws = vertx.createWebSocketClient();
    String echoed = ItSupport.await(ws.connect(new WebSocketConnectOptions().setHost("localhost")
        .setPort(demo.gatewayPort).setURI("/ws")).compose(socket -> {
          var p = io.vertx.core.Promise.<String>promise();
          socket.textMessageHandler(p::tryComplete);
          return socket.writeTextMessage("ping").compose(v -> p.future());
        }));
    assertThat(echoed).isEqualTo("ping");
  }

  @Test
  void devtenantServesItsDiscoveryDocumentOverTheCertificateItWroteOut() throws Exception {
    Path cert = Path.of(facts.getJsonObject("devtenant").getString("certificateFile"));
    assertThat(cert).exists();
    WebClient tls = WebClient.create(vertx, new WebClientOptions().setSsl(true)
        .setTrustOptions(new PemTrustOptions().addCertPath(cert.toString())));
    HttpResponse<Buffer> r = ItSupport.await(tls.getAbs(facts.getJsonObject("devtenant").getString("issuer")
        + "/.well-known/openid-configuration").send());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getString("issuer")).isEqualTo(facts.getJsonObject("devtenant").getString("issuer"));
  }
}
