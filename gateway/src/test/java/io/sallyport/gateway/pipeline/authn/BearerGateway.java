package io.sallyport.gateway.pipeline.authn;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.APP_ID_URI;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A gateway with a devtenant as its tenant in front of a counting test upstream, one route per
 * kind of requirement. Shared by the bearer ITs.
 */
final class BearerGateway implements AutoCloseable {

  /** What the client got back. */
  record Answer(int status, String code, String wwwAuthenticate, String requestId) {}

  final DevTenantFixture dev;
  final TestUpstream upstream;
  final Gateway gateway;
  final WebClient http;
  final String opsGroup;
  final Path accessLog;

  BearerGateway(Path dir) throws Exception {
    dev = new DevTenantFixture();
    upstream = TestUpstream.start(dev.vertx);
    // the group id devtenant gave "Ops", as its tokens carry it
    opsGroup = DevTenantFixture.part(dev.userToken(new JsonObject()), 1).getJsonArray("groups").getString(0);
    accessLog = dir.resolve("access.log");
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.tenant.certificatePem());
    String up = "upstream: \"" + upstream.url() + "\"";
    gateway = ItSupport.gateway(RunningGateway.listeners("    max-header-size: 64KiB")
        + "access-log: \"" + dir.resolve("access.log") + "\"\n"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.tenant.baseUrl() + "\", client-id: " + SALLYPORT
        + ", ca-file: \"" + ca + "\", audiences: [" + SALLYPORT + ", \"" + APP_ID_URI + "\"] }\n"
        + "routes:\n"
        + "  - { name: open, match: { path-prefix: /open }, " + up + ", public: true }\n"
        + "  - { name: api, match: { path-prefix: /api }, " + up + " }\n"
        + "  - { name: passing, match: { path-prefix: /passing }, " + up + ", forward-token: true }\n"
        + "  - { name: scoped, match: { path-prefix: /scoped }, " + up + ", require: { scopes: [access_as_user] } }\n"
        + "  - { name: admin, match: { path-prefix: /admin }, " + up + ", require: { app-roles: [Billing.Admin] } }\n"
        + "  - { name: ops, match: { path-prefix: /ops }, " + up + ", require: { groups: [" + opsGroup + "] } }\n"
        + "  - { name: mfa, match: { path-prefix: /mfa }, " + up + ", require: { mfa: true } }\n"
        + "  - { name: step, match: { path-prefix: /step }, " + up + ", require: { auth-context: c1, mfa: true } }\n"
        + "  - { name: fresh, match: { path-prefix: /fresh }, " + up + ", require: { max-auth-age: 15m } }\n", null);
    http = WebClient.create(dev.vertx);
  }

  Answer get(String uri, String token) {
    HttpRequest<Buffer> req = http.request(HttpMethod.GET, gateway.publicPort(), "127.0.0.1", uri);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    return answer(ItSupport.await(req.send()));
  }

  static Answer answer(HttpResponse<Buffer> r) {
    String code = null;
    if (r.statusCode() != 200 && r.getHeader("content-type") != null
        && r.getHeader("content-type").startsWith("application/problem+json")) {
      JsonObject p = r.bodyAsJsonObject();
      code = p.getString("code");
      if (!p.getString("requestId").equals(r.getHeader("x-request-id"))) {
        throw new AssertionError("the problem's request id differs from the header's");
      }
    }
    return new Answer(r.statusCode(), code, r.getHeader("www-authenticate"), r.getHeader("x-request-id"));
  }

  /** The access log's line for a request id, waiting for its writer thread. */
  JsonObject logged(String requestId) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (Files.exists(accessLog)) {
        for (String line : Files.readAllLines(accessLog)) {
          JsonObject o = new JsonObject(line);
          if (requestId.equals(o.getString("requestId"))) {
            return o;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no access log line for " + requestId);
  }

  int upstreamHits() {
    return upstream.seen().size();
  }

  String authorizeUri() {
    return dev.tenant.baseUrl() + "/" + TENANT + "/oauth2/v2.0/authorize";
  }

  @Override
  public void close() {
    if (gateway != null) {
      ItSupport.await(gateway.stop());
    }
    upstream.close();
    dev.close();
  }
}
