package io.sallyport.devtenant.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.auth.impl.jose.JWT;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** vertx-auth-oauth2's OpenID Connect discovery and code flow against devtenant, as the gateway uses them. */
class VertxAuthIT {

  static final String CALLBACK = "http://localhost:8080/.sallyport/callback";
  static final String VERIFIER = "vertx-auth-code-verifier-0123456789-abcdefghijklmnop";
  static RunningDevTenant t;
  static OAuth2Auth oauth2;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
    OAuth2Options options = new OAuth2Options().setClientId(t.app("Sallyport").appId())
        .setClientSecret(t.app("Sallyport").secrets().get(0)).setSite(t.baseUrl() + "/" + t.tenantId() + "/v2.0")
        .setHttpClientOptions(new HttpClientOptions().setSsl(true)
            .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(t.tenant().certificatePem()))));
    oauth2 = Await.result(OpenIDConnectAuth.discover(t.vertx(), options));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void codeFlowWithPkceGivesAUserWhoseAccessTokenValidatesAgainstTheJwks() throws Exception {
    String url = oauth2.authorizeURL(new OAuth2AuthorizationURL().setRedirectUri(CALLBACK)
        .setScopes(List.of("openid", "profile", "api://sallyport/access_as_user")).setState("vx-state")
        .setCodeChallenge(Browser.s256(VERIFIER)).setCodeChallengeMethod("S256"));
    assertThat(url).startsWith(t.baseUrl() + "/" + t.tenantId() + "/oauth2/v2.0/authorize?");
    Browser b = new Browser(t);
    var back = Browser.redirectParams(b.signIn(url, t.user("bob").upn(), "Bob-demo-1"));
    assertThat(back.get("state")).isEqualTo("vx-state");
    User user = Await.result(oauth2.authenticate(new Oauth2Credentials().setFlow(
        io.vertx.ext.auth.oauth2.OAuth2FlowType.AUTH_CODE).setCode(back.get("code")).setRedirectUri(CALLBACK)
        .setCodeVerifier(VERIFIER)));
    String accessToken = user.principal().getString("access_token");
    assertThat(user.attributes().getJsonObject("idToken").getString("preferred_username"))
        .isEqualTo(t.user("bob").upn());
    assertThat(user.attributes().getJsonObject("accessToken").getString("aud")).isEqualTo(t.app("Sallyport").appId());

    JWT jwt = new JWT();
    JsonObject keys = Await.result(t.client().getAbs(t.baseUrl() + "/" + t.tenantId() + "/discovery/v2.0/keys")
        .send()).bodyAsJsonObject();
    keys.getJsonArray("keys").forEach(k -> jwt.addJWK(new JWK((JsonObject) k)));
    JsonObject claims = jwt.decode(accessToken);
    assertThat(claims.getString("iss")).isEqualTo(t.baseUrl() + "/" + t.tenantId() + "/v2.0");
    User bearer = Await.result(oauth2.authenticate(new TokenCredentials(accessToken)));
    assertThat(bearer.attributes().getJsonObject("accessToken").getString("oid")).isEqualTo(t.user("bob").id());

    String tampered = accessToken.substring(0, accessToken.lastIndexOf('.') + 1) + "AAAA";
    assertThatThrownBy(() -> jwt.decode(tampered)).isInstanceOf(java.security.SignatureException.class);
  }
}
