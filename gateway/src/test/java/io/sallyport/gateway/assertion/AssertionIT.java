package io.sallyport.gateway.assertion;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assertion through a running gateway with a real devtenant token, checked the way an upstream
 * app would: fetch the gateway's JWKS from its public listener, verify, read the claims. Forged
 * copies from the client never arrive; a rotation shows up in new assertions and the JWKS.
 */
class AssertionIT {
  static final Map<String, String> FORGED = Map.of("X-Sallyport-Assertion", "forged.jwt.value",
      "X-Sallyport-User", "evil", "X-Sallyport-Upn", "evil@attacker.example", "X-Sallyport-Role", "admin");

  @TempDir
  static Path dir;
  static AssertionGateway env;
  static RunningGateway gw;

  @BeforeAll
  static void start() throws Exception {
    env = new AssertionGateway(dir, null);
    gw = env.start();
  }

  @AfterAll
  static void stop() {
    if (gw != null) {
      gw.close();
    }
    env.close();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  TestUpstream.Seen forward(String uri, String token) {
    HttpResponse<Buffer> r = env.get(gw.port(), uri, token, FORGED);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return env.upstream.last();
  }

  @Test
  void theUpstreamVerifiesTheAssertionAgainstThePublishedJwks() {
    String token = env.token();
    JsonObject entra = DevTenantFixture.part(token, 1);
    TestUpstream.Seen seen = forward("/api/things", token);
    assertThat(seen.all("x-sallyport-assertion")).hasSize(1);
    String jwt = seen.header("x-sallyport-assertion");
    assertThat(jwt).isNotEqualTo("forged.jwt.value");
    JsonObject c = UpstreamView.verify(jwt, env.jwks(gw.port()));
    long now = Instant.now().getEpochSecond();
    assertThat(c.getString("iss")).isEqualTo("sallyport");
    assertThat(c.getString("aud")).isEqualTo("http://127.0.0.1:" + env.upstream.port());
    assertThat(c.getLong("exp") - c.getLong("iat")).isEqualTo(60);
    assertThat(c.getLong("iat")).isBetween(now - 31, now + 1);
    assertThat(c.getString("oid")).isEqualTo(entra.getString("oid"));
    assertThat(c.getString("tid")).isEqualTo(TENANT);
    assertThat(c.getString("name")).isEqualTo(entra.getString("name"));
    assertThat(c.getString("upn")).isNotBlank().isEqualTo(entra.getString("preferred_username",
        entra.getString("upn")));
    assertThat(c.getString("route")).isEqualTo("api");
    assertThat(c.getJsonArray("groups")).isEmpty();
    assertThat(c.getJsonObject("decision").getString("verdict")).isEqualTo("allow");
    assertThat(c.getJsonObject("decision").getJsonArray("reasons")).contains("authz.allowed");
    assertThat(seen.all("x-sallyport-user")).containsExactly(entra.getString("oid"));
    assertThat(seen.all("x-sallyport-upn")).containsExactly(c.getString("upn"));
    assertThat(seen.headers()).doesNotContainKey("x-sallyport-role");
  }

  @Test
  void routeGroupsAndTheRoutesOwnAudienceAreInTheClaims() {
    JsonObject c = UpstreamView.verify(forward("/ops/x", env.token()).header("x-sallyport-assertion"),
        env.jwks(gw.port()));
    assertThat(c.getString("aud")).isEqualTo("urn:ops");
    assertThat(c.getString("route")).isEqualTo("ops");
    assertThat(c.getJsonArray("groups")).isEqualTo(new JsonArray().add(env.opsGroup));
  }

  @Test
  void anAnonymousCallerOnAPublicRouteGetsNoIdentityAndNoForgedOne() {
    TestUpstream.Seen seen = forward("/open/page", null);
    assertThat(seen.headers().keySet()).noneMatch(h -> h.startsWith("x-sallyport-"));
  }

  @Test
  void theJwksIsAnonymousCacheableAndGetOrHeadOnly() {
    HttpResponse<Buffer> r = env.call(HttpMethod.GET, gw.port(), JwksEndpoint.PATH);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("content-type")).isEqualTo("application/json");
    assertThat(r.getHeader("cache-control")).isEqualTo("public, max-age=300");
    JsonObject jwk = r.bodyAsJsonObject().getJsonArray("keys").getJsonObject(0);
    assertThat(jwk.fieldNames()).containsExactlyInAnyOrder("kty", "crv", "kid", "use", "alg", "x", "y");
    assertThat(jwk.getString("alg")).isEqualTo("ES256");

    HttpResponse<Buffer> head = env.call(HttpMethod.HEAD, gw.port(), JwksEndpoint.PATH);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body() == null || head.body().length() == 0).isTrue();
    HttpResponse<Buffer> post = env.call(HttpMethod.POST, gw.port(), JwksEndpoint.PATH);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.getHeader("allow")).isEqualTo("GET, HEAD");
    assertThat(post.bodyAsJsonObject().getString("code")).isEqualTo("request.method_not_allowed");
    // the same document on the management listener
    assertThat(env.jwks(gw.managementPort()).getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("kid"))
        .toList()).isEqualTo(env.jwks(gw.port()).getJsonArray("keys").stream()
        .map(k -> ((JsonObject) k).getString("kid")).toList());
  }

  @Test
  void aWebSocketUpgradeCarriesTheAssertionToo() {
    env.upstream.webSockets(ws -> ws.writeTextMessage("hi"));
    WebSocketClient wsc = env.dev.vertx.createWebSocketClient();
    var headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(FORGED)
        .add("Authorization", "Bearer " + env.token());
    var options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gw.port()).setURI("/api/chat")
        .setHeaders(headers);
    var ws = ItSupport.await(wsc.connect(options));
    TestUpstream.Seen seen = env.upstream.last();
    assertThat(seen.uri()).isEqualTo("/api/chat");
    assertThat(seen.all("x-sallyport-assertion")).hasSize(1);
    JsonObject c = UpstreamView.verify(seen.header("x-sallyport-assertion"), env.jwks(gw.port()));
    assertThat(c.getString("route")).isEqualTo("api");
    assertThat(seen.header("x-sallyport-user")).isEqualTo(c.getString("oid"));
    ItSupport.await(ws.close());
  }

  @Test
  void afterARotationNewAssertionsCarryTheNewKidAndBothKeysArePublished() {
    String token = env.token();
    String before = UpstreamView.kid(forward("/api/before", token).header("x-sallyport-assertion"));
    HttpResponse<Buffer> rotated = env.call(HttpMethod.POST, gw.managementPort(), "/assertion/keys/rotate");
    assertThat(rotated.statusCode()).as(rotated.bodyAsString()).isEqualTo(200);
    String after = rotated.bodyAsJsonObject().getJsonObject("rotated").getString("to");
    assertThat(rotated.bodyAsJsonObject().getJsonObject("rotated").getString("from")).isEqualTo(before);
    assertThat(after).isNotEqualTo(before);

    String jwt = forward("/api/after", token).header("x-sallyport-assertion");
    assertThat(UpstreamView.kid(jwt)).isEqualTo(after);
    JsonObject jwks = env.jwks(gw.port());
    assertThat(jwks.getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("kid")).toList())
        .contains(before, after);
    UpstreamView.verify(jwt, jwks);

    JsonObject listing = env.call(HttpMethod.GET, gw.managementPort(), "/assertion/keys").bodyAsJsonObject();
    assertThat(listing.getString("source")).isEqualTo("store");
    JsonObject first = listing.getJsonArray("keys").getJsonObject(0);
    assertThat(first.getString("kid")).isEqualTo(after);
    assertThat(first.getString("state")).isEqualTo("current");
    assertThat(listing.getJsonArray("keys").getJsonObject(1).getString("state")).isEqualTo("published");
    assertThat(listing.getJsonArray("keys").getJsonObject(1).getString("retireAt")).isNotNull();
    assertThat(listing.encode()).doesNotContain("private");

    // the rotation is in the audit trail (written just after the answer: wait for it)
    io.sallyport.gateway.store.AuditEvent audited = null;
    for (int i = 0; i < 50 && audited == null; i++) {
      audited = ItSupport.await(gw.gateway.store().audit().page(io.sallyport.gateway.store.AuditQuery.newest(10)
          .type("assertion.key.rotated"))).events().stream()
          .filter(e -> after.equals(e.details().getString("to"))).findFirst().orElse(null);
      if (audited == null) {
        sleep(50);
      }
    }
    assertThat(audited).as("audit event for the rotation").isNotNull();
    assertThat(audited.details().getString("from")).isEqualTo(before);
    assertThat(audited.actor()).isEqualTo("management");

    assertThat(env.call(HttpMethod.GET, gw.managementPort(), "/assertion/keys/rotate").statusCode()).isEqualTo(405);
    assertThat(env.call(HttpMethod.POST, gw.managementPort(), "/assertion/keys").statusCode()).isEqualTo(405);
    assertThat(env.call(HttpMethod.GET, gw.managementPort(), "/assertion/keys/nope").statusCode()).isEqualTo(404);
  }
}
