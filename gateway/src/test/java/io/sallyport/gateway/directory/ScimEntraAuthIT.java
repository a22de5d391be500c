package io.sallyport.gateway.directory;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.APP_ID_URI;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's SCIM endpoint with scim.entra: devtenant client-credentials tokens next to a static token. */
class ScimEntraAuthIT {

  static final String STATIC = "static-scim-token-0123456789abcdefghij";

  @TempDir
  static Path dir;
  static DevTenantFixture dev;
  static Gateway gateway;
  static WebClient http;

  @BeforeAll
  static void start() throws Exception {
    dev = new DevTenantFixture();
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.tenant.certificatePem());
    gateway = ItSupport.gateway(ItSupport.listenersYaml()
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.tenant.baseUrl() + "\", client-id: " + SALLYPORT
        + ", ca-file: \"" + ca + "\" }\n"
        + "scim: { enabled: true, tokens: [\"" + STATIC + "\"], entra: { audiences: [\"" + APP_ID_URI + "\", "
        + SALLYPORT + "], required-role: Scim.Provision } }\n"
        + "routes:\n  - { name: app, upstream: \"http://127.0.0.1:1\", public: true }\n", null);
    http = WebClient.create(dev.vertx);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      ItSupport.await(gateway.stop());
    }
    dev.close();
  }

  int status(String bearer) {
    return ItSupport.await(http.get(gateway.publicPort(), "127.0.0.1", "/scim/v2/Users?count=0")
        .putHeader("Authorization", "Bearer " + bearer).send()).statusCode();
  }

  String appToken(String audience, JsonObject claims) {
    JsonObject body = new JsonObject().put("client", "Provisioner").put("claims", claims);
    if (audience != null) {
      body.put("audience", audience);
    }
    return dev.mint(body).getString("access_token");
  }

  @Test
  void anAppTokenWithTheRoleIsAcceptedAndTheStaticTokenStillWorks() {
    assertThat(status(appToken(SALLYPORT, new JsonObject().put("roles", List.of("Scim.Provision"))))).isEqualTo(200);
    assertThat(status(STATIC)).isEqualTo(200);
  }

  @Test
  void noRoleWrongAudienceOrAUserTokenIs401() {
    assertThat(status(appToken(SALLYPORT, new JsonObject()))).isEqualTo(401);
    assertThat(status(appToken(SALLYPORT, new JsonObject().put("roles", List.of("Other.Role"))))).isEqualTo(401);
    // the default audience is the client itself: a token for another API
    assertThat(status(appToken(null, new JsonObject().put("roles", List.of("Scim.Provision"))))).isEqualTo(401);
    String user = dev.userToken(new JsonObject().put("roles", List.of("Scim.Provision")));
    assertThat(status(user)).isEqualTo(401);
    assertThat(status(STATIC + "x")).isEqualTo(401);
    assertThat(status("eyJhbGciOiJub25lIn0.eyJ9.")).isEqualTo(401);
  }
}
