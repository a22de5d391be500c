package io.sallyport.gateway.pipeline.authn;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.OTHER_TENANT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.b64;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.part;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.TokenRejected;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bearer security case of issue 4 through the gateway: each refused with its reason, a 401
 * carrying the Entra challenge header, and the upstream never reached.
 */
class BearerSecurityIT {

  @TempDir
  static Path dir;
  static BearerGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = new BearerGateway(dir);
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  String good() {
    return gw.dev.userToken(new JsonObject());
  }

  @Test
  void aValidTokenReachesTheUpstreamButTheTokenItselfOnlyWhereTheRouteAsksForIt() {
    String token = good();
    int before = gw.upstreamHits();
    assertThat(gw.get("/api/things", token).status()).isEqualTo(200);
    assertThat(gw.upstreamHits()).isEqualTo(before + 1);
    // a token for Sallyport never reaches an upstream that did not ask for it: it could replay it
    assertThat(gw.upstream.last().header("authorization")).isNull();
    assertThat(gw.upstream.last().uri()).isEqualTo("/api/things");
    assertThat(gw.get("/passing/x", token).status()).isEqualTo(200);
    assertThat(gw.upstream.last().header("authorization")).isEqualTo("Bearer " + token);
  }

  @Test
  void everyForgedStaleOrForeignTokenIsRefusedBeforeTheUpstream() throws Exception {
    String good = good();
    String[] p = good.split("\\.");
    String kid = part(good, 0).getString("kid");
    long now = Instant.now().getEpochSecond();
    Map<String, String[]> cases = new LinkedHashMap<>();
    cases.put("alg none", new String[] {b64("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + p[1] + ".",
        TokenRejected.ALG});
    cases.put("HS256 with the public key", new String[] {hs256(good, kid), TokenRejected.ALG});
    cases.put("expired", new String[] {gw.dev.mint(new JsonObject().put("user", "alice").put("client", "Sallyport")
        .put("lifetime-seconds", -300)).getString("access_token"), TokenRejected.EXPIRED});
    cases.put("not yet valid", new String[] {gw.dev.userToken(new JsonObject().put("nbf", now + 600)
        .put("exp", now + 4000)), TokenRejected.NOT_YET_VALID});
    cases.put("wrong audience", new String[] {gw.dev.userToken(new JsonObject()
        .put("aud", "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a")), TokenRejected.AUDIENCE});
    cases.put("wrong issuer", new String[] {gw.dev.userToken(new JsonObject()
        .put("iss", "https://evil.example/" + TENANT + "/v2.0")), TokenRejected.ISSUER});
    cases.put("tid not allowed", new String[] {gw.dev.userToken(new JsonObject().put("tid", OTHER_TENANT)
        .put("iss", gw.dev.tenant.baseUrl() + "/" + OTHER_TENANT + "/v2.0")), TokenRejected.TENANT});
    cases.put("tid and issuer disagree", new String[] {gw.dev.userToken(new JsonObject().put("tid", OTHER_TENANT)),
        TokenRejected.ISSUER});
    cases.put("unknown kid after a refetch", new String[] {b64("{\"alg\":\"RS256\",\"kid\":\"garbage\"}") + "."
        + p[1] + "." + p[2], TokenRejected.UNKNOWN_KEY});
    cases.put("tampered payload", new String[] {p[0] + "." + b64(part(good, 1).put("roles",
        List.of("Billing.Admin")).encode()) + "." + p[2], TokenRejected.SIGNATURE});
    cases.put("truncated", new String[] {good.substring(0, good.length() / 2), TokenRejected.MALFORMED});
    cases.put("garbage", new String[] {"garbage", TokenRejected.MALFORMED});
    cases.put("oversized", new String[] {gw.dev.userToken(new JsonObject().put("pad", "x".repeat(20_000))),
        TokenRejected.TOO_LARGE});
    cases.put("Graph's audience", new String[] {gw.dev.mint(new JsonObject().put("user", "alice")
        .put("client", "Sallyport").put("audience", "https://graph.microsoft.com")).getString("access_token"),
        TokenRejected.AUDIENCE});
    cases.put("an ID token", new String[] {gw.dev.mint(new JsonObject().put("user", "alice")
        .put("client", "Sallyport").put("id_token", true)).getString("id_token"), TokenRejected.TYPE});

    int before = gw.upstreamHits();
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      BearerGateway.Answer a = gw.get("/api/x", c.getValue()[0]);
      assertThat(a.status()).as(c.getKey()).isEqualTo(401);
      assertThat(a.code()).as(c.getKey()).isEqualTo(c.getValue()[1]);
      assertThat(a.wwwAuthenticate()).as(c.getKey()).isEqualTo("Bearer realm=\"\", authorization_uri=\""
          + gw.authorizeUri() + "\", error=\"invalid_token\"");
    }
    assertThat(gw.upstreamHits()).isEqualTo(before);
  }

  @Test
  void noTokenATokenInTheQueryAndOtherSchemesAre401() {
    int before = gw.upstreamHits();
    BearerGateway.Answer none = gw.get("/api/x", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.code()).isEqualTo("authn.missing");
    assertThat(none.wwwAuthenticate()).isEqualTo("Bearer realm=\"\", authorization_uri=\"" + gw.authorizeUri() + "\"");
    BearerGateway.Answer query = gw.get("/api/x?a=1&access_token=" + good(), good());
    assertThat(query.status()).isEqualTo(401);
    assertThat(query.code()).isEqualTo("authn.token_in_query");
    assertThat(query.wwwAuthenticate()).endsWith("error=\"invalid_request\"");
    var basic = BearerGateway.answer(ItSupport.await(gw.http.get(gw.gateway.publicPort(), "127.0.0.1", "/api/x")
        .putHeader("Authorization", "Basic YWxpY2U6cHc=").send()));
    assertThat(basic.code()).isEqualTo("authn.missing");
    var twice = BearerGateway.answer(ItSupport.await(gw.http.get(gw.gateway.publicPort(), "127.0.0.1", "/api/x")
        .putHeader("Authorization", List.of("Bearer " + good(), "Bearer " + good())).send()));
    assertThat(twice.code()).isEqualTo(TokenRejected.MALFORMED);
    assertThat(gw.upstreamHits()).isEqualTo(before);
  }

  @Test
  void publicRoutesNeedNoTokenAndIgnoreOne() {
    assertThat(gw.get("/open/page", null).status()).isEqualTo(200);
    assertThat(gw.get("/open/page", "garbage").status()).isEqualTo(200);
    assertThat(gw.get("/open/page?access_token=x", null).status()).isEqualTo(200);
  }

  @Test
  void aWebSocketUpgradeWithoutATokenIsRefusedBeforeTheTunnel() {
    int before = gw.upstreamHits();
    WebSocketClient wsc = gw.dev.vertx.createWebSocketClient();
    Throwable t = ItSupport.await(wsc.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(gw.gateway.publicPort()).setURI("/api/chat"))
        .transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause())));
    assertThat(t).isNotNull();
    assertThat(t.getMessage()).contains("401");
    assertThat(gw.upstreamHits()).isEqualTo(before);
    // with a token the same upgrade reaches the upstream
    gw.upstream.webSockets(ws -> ws.writeTextMessage("hi"));
    var ws = ItSupport.await(wsc.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(gw.gateway.publicPort()).setURI("/api/chat").addHeader("Authorization", "Bearer " + good())));
    assertThat(gw.upstream.last().uri()).isEqualTo("/api/chat");
    ItSupport.await(ws.close());
  }

  private String hs256(String good, String kid) throws Exception {
    JsonObject jwks = gw.dev.control("GET", "/" + TENANT + "/discovery/v2.0/keys", null);
    JsonObject jwk = jwks.getJsonArray("keys").stream().map(JsonObject.class::cast)
        .filter(k -> kid.equals(k.getString("kid"))).findFirst().orElseThrow();
    String input = b64("{\"typ\":\"JWT\",\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}") + "." + good.split("\\.")[1];
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(jwk.getString("n")), "HmacSHA256"));
    return input + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }
}
