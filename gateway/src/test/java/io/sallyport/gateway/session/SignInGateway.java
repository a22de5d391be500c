package io.sallyport.gateway.session;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.DevTenantOptions;
import io.sallyport.devtenant.scenario.ScenarioLoader;
import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A devtenant with users, a group and an auth context whose Conditional Access rule requires MFA;
 * a gateway signing browsers in against it (its callback registered on the app through Graph, as an
 * admin would), in front of a counting upstream.
 */
final class SignInGateway implements AutoCloseable {

  static final String TENANT = "3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
  static final String CLIENT = "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e";
  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: signin.example, access-token-lifetime: 1h }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + CLIENT + ", client-secrets: [gw-s3cret-gw-s3cret],"
      + " identifier-uris: [\"api://sallyport\"], access-token-version: 2, scopes: [access_as_user],"
      + " optional-claims: [xms_cc, acrs, idtyp, auth_time, sid], group-membership-claims: SecurityGroup,"
      + " redirect-uris: [\"https://placeholder.example/cb\"], graph-permissions: [Application.ReadWrite.All] }\n"
      + "users:\n"
      + "  - { upn: alice, display-name: Alice Admin, password: Alice-pw-1 }\n"
      + "  - { upn: bob, display-name: Bob Builder, password: Bob-pw-1 }\n"
      + "groups:\n  - { display-name: Ops, members: [alice] }\n"
      + "auth-contexts:\n  - { id: c1, display-name: Require MFA }\n"
      + "conditional-access:\n  - { display-name: MFA for c1, auth-contexts: [c1], grant: [mfa] }\n";

  final Vertx vertx;
  final DevTenant dev;
  final TestUpstream upstream;
  final RunningGateway running;
  final Gateway gateway;
  /** A second node on the same store, when asked for; else null. */
  final RunningGateway second;
  final WebClient idp;
  final String opsGroup;
  final java.time.Clock clock;

  SignInGateway(Path dir, String extraYaml) throws Exception {
    this(dir, extraYaml, null, java.time.Clock.systemUTC());
  }

  /**
   * @param storeYaml a {@code store:} line for a shared store (multi-node), or null for a fresh H2
   * @param clock     the gateway's clock
   */
  SignInGateway(Path dir, String extraYaml, String storeYaml, java.time.Clock clock) throws Exception {
    this(dir, extraYaml, storeYaml, clock, false);
  }

  /** @param twoNodes start a second gateway on the same store (give a shared {@code storeYaml}) */
  SignInGateway(Path dir, String extraYaml, String storeYaml, java.time.Clock clock, boolean twoNodes)
      throws Exception {
    this.clock = clock;
    vertx = Vertx.vertx();
    dev = ItSupport.await(DevTenant.start(vertx, DevTenantOptions.of(ScenarioLoader.parse(SCENARIO, "signin",
        Instant.now()))), 60, TimeUnit.SECONDS);
    idp = WebClient.create(vertx, new WebClientOptions().setTrustOptions(new PemTrustOptions()
        .addCertValue(Buffer.buffer(dev.certificatePem()))));
    upstream = TestUpstream.start(vertx);
    opsGroup = group("Ops");
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.certificatePem());
    running = start(dir, ca, extraYaml, storeYaml);
    gateway = running.gateway;
    second = twoNodes ? start(dir, ca, extraYaml, storeYaml) : null;
    if (second == null) {
      register(running.port());
    } else {
      register(running.port(), second.port());
    }
  }

  RunningGateway start(Path dir, Path ca, String extraYaml, String storeYaml) {
    String up = "upstream: \"" + upstream.url() + "\"";
    String listeners = RunningGateway.listeners();
    if (storeYaml != null) {
      listeners = listeners.replaceAll("store: \\{[^\\n]*\\}\\n", java.util.regex.Matcher.quoteReplacement(storeYaml));
    }
    return RunningGateway.fromYaml(listeners + "access-log: off\n"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.baseUrl() + "\", client-id: " + CLIENT
        + ", client-secret: gw-s3cret-gw-s3cret, ca-file: \"" + ca + "\" }\n"
        + (extraYaml == null ? "" : extraYaml)
        + "routes:\n"
        + "  - { name: open, match: { path-prefix: /open }, " + up + ", public: true }\n"
        + "  - { name: app, match: { path-prefix: /app }, " + up + " }\n"
        + "  - { name: ops, match: { path-prefix: /ops }, " + up + ", require: { groups: [" + opsGroup + "] } }\n"
        + "  - { name: step, match: { path-prefix: /step }, " + up + ", require: { auth-context: c1, mfa: true } }\n"
        + "  - { name: mfa-only, match: { path-prefix: /mfa-only }, " + up + ", require: { mfa: true } }\n",
        null, clock);
  }

  /** Registers the gateway's callback and signed-out page on the app, through Graph (as an admin would). */
  void register(int... ports) {
    JsonArray uris = new JsonArray();
    for (int port : ports) {
      uris.add("http://127.0.0.1:" + port + "/.sallyport/callback").add("http://127.0.0.1:" + port
          + "/.sallyport/signed-out");
    }
    String token = control("POST", "/_devtenant/tokens", new JsonObject().put("client", "Sallyport")
        .put("audience", "https://graph.microsoft.com")).getString("access_token");
    HttpResponse<Buffer> found = ItSupport.await(idp.getAbs(dev.graphBaseUrl() + "/applications?$filter="
        + java.net.URLEncoder.encode("appId eq '" + CLIENT + "'", java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20")).bearerTokenAuthentication(token).send());
    if (found.statusCode() != 200) {
      throw new AssertionError("finding the app failed: " + found.statusCode() + " " + found.bodyAsString());
    }
    String id = found.bodyAsJsonObject().getJsonArray("value").getJsonObject(0).getString("id");
    HttpResponse<Buffer> r = ItSupport.await(idp.patchAbs(dev.graphBaseUrl() + "/applications/" + id)
        .bearerTokenAuthentication(token).sendJsonObject(new JsonObject().put("web",
        new JsonObject().put("redirectUris", uris))));
    if (r.statusCode() != 204) {
      throw new AssertionError("registering the redirect URIs failed: " + r.statusCode() + " " + r.bodyAsString());
    }
  }

  /** The id devtenant gave alice's one group, as her tokens carry it. */
  String group(String name) {
    String token = control("POST", "/_devtenant/tokens", new JsonObject().put("user", "alice").put("client",
        "Sallyport")).getString("access_token");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8);
    return new JsonObject(payload).getJsonArray("groups").getString(0);
  }

  JsonObject control(String method, String path, JsonObject body) {
    var req = idp.requestAbs(io.vertx.core.http.HttpMethod.valueOf(method), dev.baseUrl() + path);
    HttpResponse<Buffer> r = ItSupport.await(body == null ? req.send() : req.sendJsonObject(body));
    if (r.statusCode() >= 300) {
      throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  TestBrowser browser() {
    return new TestBrowser(vertx, dev.certificatePem(), running.port());
  }

  int upstreamHits() {
    return upstream.seen().size();
  }

  @Override
  public void close() {
    if (second != null) {
      second.close();
    }
    running.close();
    upstream.close();
    ItSupport.await(vertx.close());
  }
}
