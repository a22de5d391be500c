package io.sallyport.devtenant.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discovery, JWKS, MSAL's helper endpoints and the error body, compared with Microsoft's documented shapes. */
class DiscoveryIT {

  /** The live organizations document (reference §1.2), verbatim. */
  static final String DOC = """
      {"token_endpoint":"https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
       "token_endpoint_auth_methods_supported":["client_secret_post","private_key_jwt","client_secret_basic"],
       "jwks_uri":"https://login.microsoftonline.com/organizations/discovery/v2.0/keys",
       "response_modes_supported":["query","fragment","form_post"],"subject_types_supported":["pairwise"],
       "id_token_signing_alg_values_supported":["RS256"],
       "response_types_supported":["code","id_token","code id_token","id_token token"],
       "scopes_supported":["openid","profile","email","offline_access"],
       "issuer":"https://login.microsoftonline.com/{tenantid}/v2.0","request_uri_parameter_supported":false,
       "userinfo_endpoint":"https://graph.microsoft.com/oidc/userinfo",
       "authorization_endpoint":"https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize",
       "device_authorization_endpoint":"https://login.microsoftonline.com/organizations/oauth2/v2.0/devicecode",
       "http_logout_supported":true,"frontchannel_logout_supported":true,
       "end_session_endpoint":"https://login.microsoftonline.com/organizations/oauth2/v2.0/logout",
       "claims_supported":["sub","iss","cloud_instance_name","cloud_instance_host_name","cloud_graph_host_name",
         "msgraph_host","aud","exp","iat","auth_time","acr","nonce","preferred_username","name","tid","ver",
         "at_hash","c_hash","email"],
       "kerberos_endpoint":"https://login.microsoftonline.com/organizations/kerberos","tenant_region_scope":null,
       "cloud_instance_name":"microsoftonline.com","cloud_graph_host_name":"graph.windows.net",
       "msgraph_host":"graph.microsoft.com","rbac_url":"https://pas.windows.net"}""";

  /** The first key of the live set (reference §1.3), values shortened. */
  static final String KEY = """
      {"kty":"RSA","use":"sig","kid":"Mc7l3Iz93g7uwgNeEmmw_WYGPko","x5t":"Mc7l3Iz93g7uwgNeEmmw_WYGPko","n":"3I2c",
       "e":"AQAB","x5c":["MIIC"],"issuer":"https://login.microsoftonline.com/{tenantid}/v2.0"}""";

  static RunningDevTenant t;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  HttpResponse<Buffer> get(String path) {
    return Await.result(t.client().getAbs(t.baseUrl() + path).putHeader("client-request-id", "cr-1").send());
  }

  @Test
  void organizationsDocumentHasTheLiveShapeAndTheTemplateIssuer() {
    HttpResponse<Buffer> r = get("/organizations/v2.0/.well-known/openid-configuration");
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    JsonObject doc = r.bodyAsJsonObject();
    JsonObject live = new JsonObject(DOC);
    assertThat(new TreeSet<>(doc.fieldNames())).isEqualTo(new TreeSet<>(live.fieldNames()));
    for (String k : live.fieldNames()) {
      Object v = live.getValue(k);
      if (v instanceof String s && s.startsWith("https://login.microsoftonline.com/")) {
        assertThat(doc.getString(k)).as(k).isEqualTo(s.replace("https://login.microsoftonline.com", t.baseUrl()));
      } else if (!k.equals("userinfo_endpoint") && !k.equals("msgraph_host")) {
        assertThat(doc.getValue(k)).as(k).isEqualTo(v);
      }
    }
    assertThat(doc.getString("userinfo_endpoint")).isEqualTo(t.baseUrl() + "/oidc/userinfo");
  }

  @Test
  void tenantDocumentsNameTheTenantGuidByIdOrDomain() {
    String tid = t.tenantId();
    for (String seg : new String[] {tid, "sallyport-demo.onmicrosoft.com"}) {
      JsonObject doc = get("/" + seg + "/v2.0/.well-known/openid-configuration").bodyAsJsonObject();
      assertThat(doc.getString("issuer")).isEqualTo(t.baseUrl() + "/" + tid + "/v2.0").isEqualTo(t.tenant().issuer());
      assertThat(doc.getString("token_endpoint")).isEqualTo(t.baseUrl() + "/" + tid + "/oauth2/v2.0/token");
      assertThat(doc.getString("jwks_uri")).isEqualTo(t.baseUrl() + "/" + tid + "/discovery/v2.0/keys");
      assertThat(doc.getString("tenant_region_scope")).isNotNull();
    }
    JsonObject common = get("/common/v2.0/.well-known/openid-configuration").bodyAsJsonObject();
    assertThat(common.getString("issuer")).isEqualTo(t.baseUrl() + "/{tenantid}/v2.0");
    assertThat(common.getString("authorization_endpoint")).isEqualTo(t.baseUrl() + "/common/oauth2/v2.0/authorize");
    JsonObject v1 = get("/" + tid + "/.well-known/openid-configuration").bodyAsJsonObject();
    assertThat(v1.getString("issuer")).isEqualTo("https://sts.windows.net/" + tid + "/");
    assertThat(v1.getString("jwks_uri")).isEqualTo(t.baseUrl() + "/common/discovery/keys");
    assertThat(v1.getBoolean("microsoft_multi_refresh_token")).isTrue();
  }

  @Test
  void keysHaveTheLiveMembersAndTheTemplatedIssuer() {
    HttpResponse<Buffer> r = get("/" + t.tenantId() + "/discovery/v2.0/keys");
    assertThat(r.getHeader("Cache-Control")).contains("max-age=");
    JsonObject key = r.bodyAsJsonObject().getJsonArray("keys").getJsonObject(0);
    assertThat(new TreeSet<>(key.fieldNames())).isEqualTo(new TreeSet<>(new JsonObject(KEY).fieldNames()));
    assertThat(key.getString("kid")).isEqualTo(key.getString("x5t"));
    assertThat(key.getString("issuer")).isEqualTo(t.baseUrl() + "/{tenantid}/v2.0");
    JsonObject v1 = get("/common/discovery/keys").bodyAsJsonObject().getJsonArray("keys").getJsonObject(0);
    assertThat(v1.getString("issuer")).isEqualTo("https://sts.windows.net/{tenantid}/");
  }

  @Test
  void anUnknownTenantGetsAadsts90002InEntrasFullErrorShape() {
    HttpResponse<Buffer> r = get("/not-a-tenant.example/v2.0/.well-known/openid-configuration");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.getHeader("client-request-id")).isEqualTo("cr-1");
    JsonObject e = r.bodyAsJsonObject();
    assertThat(e.fieldNames()).containsExactlyInAnyOrder("error", "error_description", "error_codes", "timestamp",
        "trace_id", "correlation_id", "error_uri");
    assertThat(e.getString("error")).isEqualTo("invalid_request");
    assertThat(e.getJsonArray("error_codes")).isEqualTo(new JsonArray().add(90002));
    assertThat(e.getString("correlation_id")).isEqualTo("cr-1");
    assertThat(e.getString("error_description")).matches(Pattern.compile("AADSTS90002: Tenant 'not-a-tenant.example'"
        + " not found\\..*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: cr-1\r\nTimestamp: "
        + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ", Pattern.DOTALL));
    assertThat(e.getString("error_description")).contains("Trace ID: " + e.getString("trace_id"))
        .endsWith("Timestamp: " + e.getString("timestamp"));
  }

  @Test
  void instanceDiscoveryAndUserRealmAnswerLikeEntra() {
    String endpoint = t.baseUrl() + "/" + t.tenantId() + "/oauth2/v2.0/authorize";
    JsonObject d = get("/common/discovery/instance?" + Browser.encode(Map.of("api-version", "1.1",
        "authorization_endpoint", endpoint))).bodyAsJsonObject();
    assertThat(d.fieldNames()).containsExactlyInAnyOrder("tenant_discovery_endpoint", "api-version", "metadata");
    String host = t.baseUrl().substring("https://".length());
    assertThat(d.getJsonArray("metadata").getJsonObject(0)).isEqualTo(new JsonObject().put("preferred_network", host)
        .put("preferred_cache", host).put("aliases", new JsonArray().add(host)));
    assertThat(get("/common/discovery/instance?api-version=1.1&authorization_endpoint=https://login.example/x/y")
        .bodyAsJsonObject().getString("error")).isEqualTo("invalid_instance");
    JsonObject managed = get("/common/userrealm/" + t.user("alice").upn() + "?api-version=1.0").bodyAsJsonObject();
    assertThat(managed.getString("account_type")).isEqualTo("Managed");
    assertThat(managed.getString("domain_name")).isEqualTo("sallyport-demo.onmicrosoft.com");
    assertThat(get("/common/userrealm/someone@elsewhere.example?api-version=1.0").bodyAsJsonObject()
        .getString("account_type")).isEqualTo("Unknown");
  }

  @Test
  void aRotatedKeyStaysPublishedUntilItsOverlapEnds() {
    String path = "/" + t.tenantId() + "/discovery/v2.0/keys";
    String old = get(path).bodyAsJsonObject().getJsonArray("keys").getJsonObject(0).getString("kid");
    String fresh = t.tenant().context().keys().rotate(Duration.ofMinutes(5)).kid();
    JsonArray both = get(path).bodyAsJsonObject().getJsonArray("keys");
    assertThat(both.stream().map(k -> ((JsonObject) k).getString("kid"))).containsExactly(fresh, old);
    t.tenant().context().clock().advance(Duration.ofMinutes(6));
    JsonArray after = get(path).bodyAsJsonObject().getJsonArray("keys");
    assertThat(after.stream().map(k -> ((JsonObject) k).getString("kid"))).containsExactly(fresh);
  }
}
