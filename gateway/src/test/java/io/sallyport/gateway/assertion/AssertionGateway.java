package io.sallyport.gateway.assertion;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.APP_ID_URI;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;

import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gateways trusting one devtenant, in front of one recording upstream: what the assertion ITs
 * share. Routes: {@code api} (any signed-in caller), {@code ops} (the Ops group, own audience),
 * {@code open} (public).
 */
final class AssertionGateway implements AutoCloseable {
  final DevTenantFixture dev;
  final TestUpstream upstream;
  final WebClient http;
  final String opsGroup;
  final String yaml;

  /** @param store a top-level {@code store:} block, or null for a fresh H2 per gateway */
  AssertionGateway(Path dir, String store) throws Exception {
    dev = new DevTenantFixture();
    upstream = TestUpstream.start(dev.vertx);
    opsGroup = DevTenantFixture.part(dev.userToken(new JsonObject()), 1).getJsonArray("groups").getString(0);
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.tenant.certificatePem());
    String up = "upstream: \"" + upstream.url() + "\"";
    yaml = "listeners:\n  public: { host: 127.0.0.1, port: 0 }\n  management: { port: 0 }\n"
        + "access-log: off\n"
        + "%STORE%"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.tenant.baseUrl() + "\", client-id: " + SALLYPORT
        + ", ca-file: \"" + ca + "\", audiences: [" + SALLYPORT + ", \"" + APP_ID_URI + "\"] }\n"
        + "routes:\n"
        + "  - { name: open, match: { path-prefix: /open }, " + up + ", public: true }\n"
        + "  - { name: api, match: { path-prefix: /api }, " + up + " }\n"
        + "  - { name: ops, match: { path-prefix: /ops }, " + up + ", assertion-audience: \"urn:ops\","
        + " require: { groups: [" + opsGroup + "] } }\n";
    this.storeYaml = store;
    http = WebClient.create(dev.vertx);
  }

  private final String storeYaml;

  /** A gateway on this tenant; closing it fails the test if an event loop was blocked. */
  RunningGateway start() {
    String s = storeYaml != null ? storeYaml
        : "store: { kind: h2, path: \"" + RunningGateway.tempDataDir() + "\" }\n";
    return RunningGateway.fromYaml(yaml.replace("%STORE%", s), null);
  }

  String token() {
    return dev.userToken(new JsonObject());
  }

  HttpResponse<Buffer> get(int port, String uri, String token, Map<String, String> headers) {
    var req = http.request(HttpMethod.GET, port, "127.0.0.1", uri);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    headers.forEach(req::putHeader);
    return ItSupport.await(req.send());
  }

  HttpResponse<Buffer> call(HttpMethod method, int port, String uri) {
    return ItSupport.await(http.request(method, port, "127.0.0.1", uri).send());
  }

  JsonObject jwks(int port) {
    HttpResponse<Buffer> r = call(HttpMethod.GET, port, JwksEndpoint.PATH);
    if (r.statusCode() != 200) {
      throw new AssertionError("JWKS answered " + r.statusCode() + ": " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  @Override
  public void close() {
    upstream.close();
    dev.close();
  }
}
