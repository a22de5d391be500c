package io.sallyport.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, end to end: devtenant, demo upstream and gateway from one process. */
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
    io.sallyport.gateway.session.TestBrowser b = new io.sallyport.gateway.session.TestBrowser(vertx, cert,
        demo.gatewayPort);
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
    assertThat(io.sallyport.gateway.session.TestBrowser.mfaPage(mfa)).as(mfa.bodyAsString()).isTrue();
    HttpResponse<Buffer> stepped = b.get(b.mfaIfAsked(mfa, devtenant).getHeader("location"));
    assertThat(stepped.getHeader("location")).isEqualTo("/admin/privileged");
    assertThat(b.get(b.gateway("/admin/privileged")).statusCode()).isEqualTo(200);
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
