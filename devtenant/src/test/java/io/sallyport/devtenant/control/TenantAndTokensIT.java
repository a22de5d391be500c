package io.sallyport.devtenant.control;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.crypto.SigningKey;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TenantAndTokensIT {

  static RunningDevTenant t;
  static Control c;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
    c = new Control(t);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void tenantViewNamesEveryUrlAppAndUser() {
    JsonObject v = c.ok(GET, "/_devtenant/tenant", null);
    String tid = "7c1c5a0e-3f4b-4d8e-9a51-2b6f0d9e4c11";
    assertThat(v.fieldNames()).containsExactlyInAnyOrder("tenantId", "domain", "issuer", "authority", "baseUrl",
        "graphBaseUrl", "jwksUri", "openidConfiguration", "apps", "users", "clock");
    assertThat(v.getString("tenantId")).isEqualTo(tid);
    assertThat(v.getString("issuer")).isEqualTo(t.baseUrl() + "/" + tid + "/v2.0");
    assertThat(v.getString("authority")).isEqualTo(v.getString("issuer"));
    assertThat(v.getString("jwksUri")).isEqualTo(t.baseUrl() + "/" + tid + "/discovery/v2.0/keys");
    assertThat(v.getString("openidConfiguration"))
        .isEqualTo(t.baseUrl() + "/" + tid + "/v2.0/.well-known/openid-configuration");
    assertThat(v.getString("graphBaseUrl")).isEqualTo(t.baseUrl() + "/v1.0");
    JsonObject app = v.getJsonArray("apps").getJsonObject(0);
    assertThat(app.fieldNames()).containsExactlyInAnyOrder("name", "clientId", "clientSecret", "redirectUris",
        "identifierUris");
    assertThat(app.getString("clientSecret")).isEqualTo("demo-gateway-secret-change-me");
    assertThat(app.getJsonArray("identifierUris")).containsExactly("api://sallyport");
    JsonObject dave = v.getJsonArray("users").stream().map(JsonObject.class::cast)
        .filter(u -> u.getString("upn").startsWith("dave@")).findFirst().orElseThrow();
    assertThat(dave.fieldNames()).containsExactlyInAnyOrder("upn", "password", "oid", "displayName", "enabled");
    assertThat(dave.getBoolean("enabled")).isFalse();
    assertThat(dave.getString("password")).isEqualTo("Dave-demo-1");
    assertThat(v.getJsonObject("clock").fieldNames()).containsExactlyInAnyOrder("now", "offsetSeconds");
  }

  @Test
  void userTokenForTheClientItselfIsAV2TokenSignedWithThePublishedKey() {
    JsonObject r = c.ok(POST, "/_devtenant/tokens", new JsonObject().put("user", "alice@sallyport-demo.onmicrosoft.com")
        .put("lifetime-seconds", 600));
    assertThat(r.getLong("expires_in")).isEqualTo(600);
    Jwt jwt = verified(r.getString("access_token"));
    JsonObject claims = jwt.claims();
    assertThat(claims).isEqualTo(r.getJsonObject("claims"));
    assertThat(claims.getString("aud")).isEqualTo("5b2f7a10-8c3d-4e61-9f0a-1d2c3b4a5e60");
    assertThat(claims.getString("iss")).isEqualTo(t.tenant().issuer());
    assertThat(claims.getString("ver")).isEqualTo("2.0");
    assertThat(claims.getString("scp")).isEqualTo("access_as_user");
    assertThat(claims.getJsonArray("amr")).containsExactly("pwd");
    assertThat(claims.getString("preferred_username")).isEqualTo("alice@sallyport-demo.onmicrosoft.com");
    assertThat(claims.getJsonArray("roles")).containsExactly("Sallyport.Admin");
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(600);
    assertThat(jwt.header().fieldNames()).containsExactlyInAnyOrder("typ", "alg", "kid");
  }

  @Test
  void rawOverridesReplaceAndNullRemovesClaims() {
    JsonObject r = c.ok(POST, "/_devtenant/tokens", new JsonObject().put("user", "bob").put("client", "Sallyport")
        .put("claims", new JsonObject().put("amr", new JsonArray().add("pwd").add("mfa"))
            .put("acrs", new JsonArray().add("c1")).put("scp", "access_as_user extra").put("custom", 42)
            .putNull("name").put("tid", "00000000-0000-0000-0000-000000000000")));
    JsonObject claims = verified(r.getString("access_token")).claims();
    assertThat(claims.getJsonArray("amr")).containsExactly("pwd", "mfa");
    assertThat(claims.getJsonArray("acrs")).containsExactly("c1");
    assertThat(claims.getString("scp")).isEqualTo("access_as_user extra");
    assertThat(claims.getInteger("custom")).isEqualTo(42);
    assertThat(claims.containsKey("name")).isFalse();
    assertThat(claims.getString("tid")).isEqualTo("00000000-0000-0000-0000-000000000000");
  }

  @Test
  void versionOneTokensAndGraphTokensHaveTheirShapes() {
    JsonObject v1 = verified(c.ok(POST, "/_devtenant/tokens", new JsonObject().put("user", "carol")
        .put("audience", "api://sallyport").put("version", 1)).getString("access_token")).claims();
    assertThat(v1.getString("ver")).isEqualTo("1.0");
    assertThat(v1.getString("aud")).isEqualTo("api://sallyport");
    assertThat(v1.getString("iss")).isEqualTo("https://sts.windows.net/" + t.tenantId() + "/");
    assertThat(v1.getString("upn")).startsWith("carol@");

    JsonObject r = c.ok(POST, "/_devtenant/tokens", new JsonObject().put("client", "Demo CLI")
        .put("audience", "https://graph.microsoft.com"));
    Jwt graph = verified(r.getString("access_token"));
    assertThat(graph.header().fieldNames()).contains("nonce", "x5t", "kid");
    assertThat(graph.claims().getString("aud")).isEqualTo("https://graph.microsoft.com");
    assertThat(graph.claims().getString("appid")).isEqualTo("9e8d7c6b-5a49-4382-b1c0-f0e1d2c3b4a5");
    assertThat(graph.claims().getJsonArray("roles")).containsExactly("User.Read.All");
    assertThat(graph.claims().containsKey("scp")).isFalse();
  }

  @Test
  void anExpiredTokenIsRefusedByGraphAndAValidOneIsNot() {
    String expired = c.ok(POST, "/_devtenant/tokens", new JsonObject().put("audience", "https://graph.microsoft.com")
        .put("lifetime-seconds", -600)).getString("access_token");
    assertThat(verified(expired).claims().getLong("exp")).isLessThan(t.now().getEpochSecond() - 590);
    var r = c.raw(GET, "/v1.0/me", null);
    assertThat(r.statusCode()).isEqualTo(401);
    var withExpired = io.sallyport.devtenant.harness.Await.result(t.client().getAbs(t.baseUrl() + "/v1.0/me")
        .putHeader("Authorization", "Bearer " + expired).send());
    assertThat(withExpired.statusCode()).isEqualTo(401);
    assertThat(withExpired.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("Access token has expired or is not yet valid.");
  }

  @Test
  void idTokenOnRequest() {
    JsonObject r = c.ok(POST, "/_devtenant/tokens", new JsonObject().put("user", "alice").put("id_token", true));
    JsonObject id = verified(r.getString("id_token")).claims();
    assertThat(id.getString("aud")).isEqualTo("5b2f7a10-8c3d-4e61-9f0a-1d2c3b4a5e60");
    assertThat(id.getString("preferred_username")).startsWith("alice@");
    assertThat(r.getJsonObject("id_token_claims")).isEqualTo(id);
  }

  @Test
  void badTokenRequestsAreRefusedPrecisely() {
    assertThat(c.error(POST, "/_devtenant/tokens", new JsonObject().put("user", "nobody"), 404, "user_not_found"))
        .contains("\"nobody\"");
    assertThat(c.error(POST, "/_devtenant/tokens", new JsonObject().put("client", "Nope"), 404, "app_not_found"))
        .contains("\"Nope\"");
    assertThat(c.error(POST, "/_devtenant/tokens", new JsonObject().put("audience", "api://nothing"), 404,
        "app_not_found")).contains("api://nothing");
    assertThat(c.error(POST, "/_devtenant/tokens", new JsonObject().put("usr", "alice").put("x", 1), 400,
        "unknown_field")).contains("\"usr\"", "\"x\"", "allowed: user, client");
    assertThat(c.error(POST, "/_devtenant/tokens", new JsonObject().put("version", 3), 400, "invalid_value"))
        .isEqualTo("\"version\" must be 1 or 2, got 3");
    assertThat(c.error(POST, "/_devtenant/tokens", new JsonObject().put("lifetime-seconds", "long"), 400,
        "invalid_value")).isEqualTo("\"lifetime-seconds\" must be an integer, got \"long\"");
    assertThat(c.error(POST, "/_devtenant/tokens", new JsonObject().put("audience", "https://graph.microsoft.com")
        .put("version", 2), 400, "invalid_value")).contains("Graph");
    assertThat(c.error(POST, "/_devtenant/tokens", new JsonObject().put("id_token", true), 400, "invalid_value"))
        .contains("needs a \"user\"");
    assertThat(c.error(POST, "/_devtenant/tokens", new JsonObject().put("user", "alice")
        .put("claims", new JsonObject().put("amr", "mfa")), 400, "invalid_value"))
        .isEqualTo("\"claims.amr\" must be an array of strings, got \"mfa\"");
    assertThat(c.raw(POST, "/_devtenant/tokens", "{not json").statusCode()).isEqualTo(400);
    assertThat(c.error(POST, "/_devtenant/tokens", "[1]", 400, "invalid_body")).contains("JSON object");
    assertThat(c.error(GET, "/_devtenant/nothing-here", null, 404, "unknown_endpoint"))
        .contains("GET /_devtenant/nothing-here");
    assertThat(c.error(GET, "/_devtenant/tokens", null, 404, "unknown_endpoint")).contains("GET /_devtenant/tokens");
  }

  /** Verifies with the key as a JWKS client would rebuild it from n and e. */
  private static Jwt verified(String token) {
    Jwt jwt = Jwt.parse(token);
    SigningKey key = t.tenant().context().keys().find(jwt.kid()).orElseThrow();
    JsonObject jwk = key.jwk(t.tenant().issuer());
    assertThat(jwt.verifiedBy(rsa(jwk))).as("signature verifies with the JWKS key").isTrue();
    return jwt;
  }

  static PublicKey rsa(JsonObject jwk) {
    try {
      Base64.Decoder d = Base64.getUrlDecoder();
      return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
          new BigInteger(1, d.decode(jwk.getString("n"))), new BigInteger(1, d.decode(jwk.getString("e")))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
