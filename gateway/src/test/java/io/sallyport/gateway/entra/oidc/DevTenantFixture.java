package io.sallyport.gateway.entra.oidc;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.DevTenantOptions;
import io.sallyport.devtenant.scenario.ScenarioLoader;
import io.sallyport.gateway.ItSupport;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A devtenant on loopback with the Sallyport API app, a provisioning client and a user. */
public final class DevTenantFixture implements AutoCloseable {

  public static final String TENANT = "5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6";
  public static final String OTHER_TENANT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  public static final String SALLYPORT = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
  public static final String PROVISIONER = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
  public static final String APP_ID_URI = "api://sallyport";

  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: verify.example, access-token-lifetime: 1h }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + SALLYPORT + ", client-secrets: [s3cret-s3cret-s3cret],"
      + " identifier-uris: [\"" + APP_ID_URI + "\"], access-token-version: 2, scopes: [access_as_user],"
      + " group-membership-claims: SecurityGroup, redirect-uris: [\"https://localhost/cb\"] }\n"
      + "  - { name: Provisioner, client-id: " + PROVISIONER + ", client-secrets: [p-s3cret-p-s3cret] }\n"
      + "users:\n  - { upn: alice, display-name: Alice Admin, password: pw }\n"
      + "groups:\n  - { display-name: Ops, members: [alice] }\n";

  public final Vertx vertx;
  public final DevTenant tenant;
  public final WebClient http;

  public DevTenantFixture() {
    this(SCENARIO);
  }

  /** A devtenant with another scenario (YAML, as in config/devtenant). */
  public DevTenantFixture(String scenario) {
    vertx = Vertx.vertx();
    tenant = ItSupport.await(DevTenant.start(vertx, DevTenantOptions.of(ScenarioLoader.parse(scenario, "verify",
        Instant.now()))), 60, TimeUnit.SECONDS);
    http = WebClient.create(vertx, new WebClientOptions().setTrustOptions(new PemTrustOptions()
        .addCertValue(Buffer.buffer(tenant.certificatePem()))));
  }

  public Buffer ca() {
    return Buffer.buffer(tenant.certificatePem());
  }

  public VerifierOptions options() {
    return VerifierOptions.of(URI.create(tenant.baseUrl()), TENANT, List.of(SALLYPORT, APP_ID_URI));
  }

  /** POST /_devtenant/tokens; the whole reply (access_token, claims, id_token...). */
  public JsonObject mint(JsonObject body) {
    HttpResponse<Buffer> r = ItSupport.await(http.postAbs(tenant.baseUrl() + "/_devtenant/tokens").sendJsonObject(body));
    if (r.statusCode() != 200) {
      throw new AssertionError("minting failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  /** A delegated v2 token for alice at the Sallyport API, with overrides. */
  public String userToken(JsonObject claims) {
    return mint(new JsonObject().put("user", "alice").put("client", "Sallyport").put("claims", claims))
        .getString("access_token");
  }

  public JsonObject control(String method, String path, JsonObject body) {
    var req = http.requestAbs(io.vertx.core.http.HttpMethod.valueOf(method), tenant.baseUrl() + path);
    HttpResponse<Buffer> r = ItSupport.await(body == null ? req.send() : req.sendJsonObject(body));
    return r.bodyAsJsonObject();
  }

  /** A fault that only counts: every JWKS request from now on is delayed 1 ms and counted in "hits". */
  public String countJwksRequests() {
    return control("POST", "/_devtenant/faults", new JsonObject().put("path", "re:/discovery/(v2\\.0/)?keys$")
        .put("latency-ms", 1)).getString("id");
  }

  /** POST /_devtenant/faults; the new fault's id. */
  public String fault(JsonObject fault) {
    return control("POST", "/_devtenant/faults", fault).getString("id");
  }

  public void removeFault(String id) {
    control("DELETE", "/_devtenant/faults/" + id, null);
  }

  public int hits(String faultId) {
    for (Object o : control("GET", "/_devtenant/faults", null).getJsonArray("faults")) {
      JsonObject f = (JsonObject) o;
      if (f.getString("id").equals(faultId)) {
        return f.getInteger("hits");
      }
    }
    throw new AssertionError("no fault " + faultId);
  }

  public static JsonObject part(String token, int i) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[i]), StandardCharsets.UTF_8));
  }

  public static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    ItSupport.await(tenant.close());
    ItSupport.await(vertx.close());
  }
}
