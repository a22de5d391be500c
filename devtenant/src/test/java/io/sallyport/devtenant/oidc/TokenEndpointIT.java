package io.sallyport.devtenant.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token endpoint's answers over plain HTTP: success headers, Basic auth, and Entra's error cases. */
class TokenEndpointIT {

  /** The documented error body (reference §1.6). */
  static final JsonObject DOCUMENTED = new JsonObject("""
      {"error":"invalid_scope","error_description":"AADSTS70011: ...","error_codes":[70011],
       "timestamp":"2016-01-09 02:02:12Z","trace_id":"0000aaaa-11bb-cccc-dd33-eeeeee333333",
       "correlation_id":"aaaa0000-bb11-2222-33cc-444444dddddd","error_uri":"https://login.microsoftonline.com/error?code=70011"}""");

  static RunningDevTenant t;
  static Browser b;
  static String clientId;
  static String secret;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
    b = new Browser(t);
    clientId = t.app("Sallyport").appId();
    secret = t.app("Sallyport").secrets().get(0);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static JsonObject error(HttpResponse<Buffer> r, int status, String error, long code) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    JsonObject e = r.bodyAsJsonObject();
    assertThat(e.fieldNames()).containsAll(DOCUMENTED.fieldNames());
    assertThat(e.getString("error")).isEqualTo(error);
    assertThat(e.getJsonArray("error_codes").getList()).containsExactly((int) code);
    assertThat(e.getString("error_description")).startsWith("AADSTS" + code + ": ")
        .contains("\r\nTrace ID: " + e.getString("trace_id") + "\r\nCorrelation ID: " + e.getString("correlation_id")
            + "\r\nTimestamp: " + e.getString("timestamp"));
    return e;
  }

  @Test
  void basicAuthClientCredentialsAnswersWithNoStoreAndTheEchoedRequestId() {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
        .add("scope", "https://graph.microsoft.com/.default");
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<Buffer> r = Await.result(t.client().postAbs(t.baseUrl() + "/organizations/oauth2/v2.0/token")
        .putHeader("Authorization", "Basic " + basic).putHeader("client-request-id", "req-42").sendForm(form));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Cache-Control")).contains("no-store");
    assertThat(r.getHeader("client-request-id")).isEqualTo("req-42");
    assertThat(r.bodyAsJsonObject().fieldNames()).containsExactlyInAnyOrder("token_type", "expires_in",
        "ext_expires_in", "access_token");
  }

  @Test
  void errorsCarryEveryDocumentedFieldAndEchoTheCorrelationId() {
    HttpResponse<Buffer> r = b.token(t.tenantId(), Map.of("grant_type", "client_credentials", "client_id", clientId,
        "client_secret", "wrong", "scope", "https://graph.microsoft.com/.default"), "corr-7");
    JsonObject e = error(r, 401, "invalid_client", 7000215);
    assertThat(r.getHeader("client-request-id")).isEqualTo("corr-7");
    assertThat(e.getString("correlation_id")).isEqualTo("corr-7");
  }

  @Test
  void clientCredentialsScopeRules() {
    error(b.token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret,
        "scope", "https://graph.microsoft.com/User.Read")), 400, "invalid_scope", 1002012);
    error(b.token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret,
        "scope", "https://graph.microsoft.com/.default api://sallyport/.default")), 400, "invalid_scope", 700022);
    error(b.token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret,
        "scope", "api://nobody/.default")), 400, "invalid_resource", 500011);
    error(b.token(Map.of("grant_type", "client_credentials", "client_id", clientId)), 401, "invalid_client", 7000218);
  }

  @Test
  void grantAndClientErrors() {
    error(b.token(Map.of("client_id", clientId, "client_secret", secret)), 400, "invalid_request", 900144);
    error(b.token(Map.of("grant_type", "magic", "client_id", clientId, "client_secret", secret)), 400,
        "unsupported_grant_type", 70003);
    error(b.token(Map.of("grant_type", "client_credentials", "client_id", "11111111-2222-3333-4444-555555555555",
        "client_secret", "x", "scope", "api://sallyport/.default")), 400, "unauthorized_client", 700016);
    error(b.token("common", Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret,
        "username", t.user("bob").upn(), "password", "Bob-demo-1", "scope", "User.Read"), null), 400,
        "invalid_request", 9001023);
    error(b.token(Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret,
        "username", t.user("bob").upn(), "password", "Bob-demo-1", "scope", "api://sallyport/not_exposed")), 400,
        "invalid_grant", 65001);
    error(b.token(Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret,
        "username", t.user("dave").upn(), "password", "Dave-demo-1", "scope", "User.Read")), 400,
        "invalid_grant", 50057);
    error(b.token(Map.of("grant_type", "authorization_code", "client_id", clientId, "client_secret", secret,
        "code", "1.Anope", "redirect_uri", "http://localhost:8080/.sallyport/callback")), 400, "invalid_grant", 70008);
  }

  @Test
  void passwordGrantForAUserUnderAnMfaPolicyIsAnInteractionError() {
    JsonObject e = error(b.token(Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret,
        "username", t.user("carol").upn(), "password", "Carol-demo-1", "scope", "api://sallyport/access_as_user",
        "claims", "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}")), 400, "invalid_grant", 50076);
    assertThat(e.getString("suberror")).isEqualTo("basic_action");
    JsonObject ok = b.token(Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret,
        "username", t.user("carol").upn(), "password", "Carol-demo-1", "client_info", "1",
        "scope", "openid offline_access https://graph.microsoft.com/User.Read")).bodyAsJsonObject();
    assertThat(ok.fieldNames()).containsExactlyInAnyOrder("token_type", "scope", "expires_in", "ext_expires_in",
        "access_token", "refresh_token", "id_token", "client_info");
    JsonObject info = new JsonObject(new String(Base64.getUrlDecoder().decode(ok.getString("client_info")),
        StandardCharsets.UTF_8));
    assertThat(info).isEqualTo(new JsonObject().put("uid", t.user("carol").id()).put("utid", t.tenantId()));
  }
}
