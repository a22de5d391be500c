package io.sallyport.gateway.directory;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.APP_ID_URI;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.harness.RunningGateway;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Gateways trusting one devtenant with SCIM enabled, for the directory requirement ITs: routes
 * {@code /api} (no requirement), {@code /dir} ({@code directory: true}), {@code /ops}
 * ({@code directory: { groups: [Directory Ops] }}) and a public {@code /open}. SCIM writes go
 * through a node's own SCIM endpoint, as Entra provisioning's would.
 */
final class DirectoryGateway {
  static final String TOKEN = "directory-it-token-0123456789abcdefghijkl";
  static final String GROUP = "Directory Ops";

  /** What a request got: status and the problem's code. */
  record Answer(int status, String code) {}

  private DirectoryGateway() {}

  /** The config text for a node; {@code store} is a top-level store block or null for a fresh H2. */
  static String yaml(DevTenantFixture dev, Path dir, String upstream, String store) throws Exception {
    Path ca = dir.resolve("devtenant.pem");
    Files.writeString(ca, dev.tenant.certificatePem());
    String listeners = RunningGateway.listeners();
    if (store != null) {
      listeners = listeners.replaceAll("(?m)^store: .*\\n", "") + store;
    }
    String up = "upstream: \"" + upstream + "\"";
    return listeners + "access-log: off\n"
        + "tenant: { id: " + TENANT + ", authority: \"" + dev.tenant.baseUrl() + "\", client-id: " + SALLYPORT
        + ", ca-file: \"" + ca + "\", audiences: [" + SALLYPORT + ", \"" + APP_ID_URI + "\"] }\n"
        + "scim: { enabled: true, tokens: [ \"" + TOKEN + "\" ] }\n"
        + "routes:\n"
        + "  - { name: open, match: { path-prefix: /open }, " + up + ", public: true }\n"
        + "  - { name: api, match: { path-prefix: /api }, " + up + " }\n"
        + "  - { name: dir, match: { path-prefix: /dir }, " + up + ", require: { directory: true } }\n"
        + "  - { name: ops, match: { path-prefix: /ops }, " + up + ", require: { directory: { groups: [\""
        + GROUP + "\"] } } }\n";
  }

  /** A unique UPN, so tests sharing a gateway never share a directory user or a cached standing. */
  static String upn() {
    return "dir-" + UUID.randomUUID() + "@Verify.Example";
  }

  /** A devtenant token for alice, presented as {@code upn}. */
  static String token(DevTenantFixture dev, String upn) {
    return dev.userToken(new JsonObject().put("upn", upn).put("preferred_username", upn));
  }

  static Answer get(WebClient http, Gateway gw, String path, String token) {
    HttpRequest<Buffer> req = http.request(HttpMethod.GET, gw.publicPort(), "127.0.0.1", path);
    req.putHeader("Authorization", "Bearer " + token);
    HttpResponse<Buffer> r = ItSupport.await(req.send());
    String ct = r.getHeader("content-type");
    return new Answer(r.statusCode(), r.statusCode() != 200 && ct != null && ct.startsWith("application/problem+json")
        ? r.bodyAsJsonObject().getString("code") : null);
  }

  static HttpResponse<Buffer> scim(WebClient http, Gateway gw, HttpMethod method, String path, JsonObject body) {
    HttpRequest<Buffer> req = http.request(method, gw.publicPort(), "127.0.0.1", "/scim/v2" + path)
        .bearerTokenAuthentication(TOKEN);
    HttpResponse<Buffer> r = body == null ? ItSupport.await(req.send())
        : ItSupport.await(req.putHeader("content-type", "application/scim+json").sendBuffer(body.toBuffer()));
    if (r.statusCode() >= 300) {
      throw new AssertionError("SCIM " + method + " " + path + ": " + r.statusCode() + " " + r.bodyAsString());
    }
    return r;
  }

  /** Creates an active user as Entra provisioning would (userName = UPN); its SCIM id. */
  static String createUser(WebClient http, Gateway gw, String upn) {
    return scim(http, gw, HttpMethod.POST, "/Users", new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("externalId", "dir" + UUID.randomUUID().toString().substring(0, 8)).put("userName", upn)
        .put("active", true)).bodyAsJsonObject().getString("id");
  }

  /** The group's SCIM id, creating it (without members) if needed. */
  static String group(WebClient http, Gateway gw, String displayName) {
    JsonObject found = scim(http, gw, HttpMethod.GET, "/Groups?filter=displayName%20eq%20%22"
        + displayName.replace(" ", "%20") + "%22", null).bodyAsJsonObject();
    if (found.getInteger("totalResults") > 0) {
      return found.getJsonArray("Resources").getJsonObject(0).getString("id");
    }
    return scim(http, gw, HttpMethod.POST, "/Groups", new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:Group"))
        .put("externalId", UUID.randomUUID().toString()).put("displayName", displayName))
        .bodyAsJsonObject().getString("id");
  }

  static void setActive(WebClient http, Gateway gw, String userId, boolean active) {
    scim(http, gw, HttpMethod.PATCH, "/Users/" + userId, patch(new JsonObject().put("op", "Replace")
        .put("path", "active").put("value", active ? "True" : "False")));
  }

  static void addMember(WebClient http, Gateway gw, String groupId, String userId) {
    scim(http, gw, HttpMethod.PATCH, "/Groups/" + groupId, patch(new JsonObject().put("op", "Add")
        .put("path", "members").put("value", new JsonArray().add(new JsonObject().put("value", userId)))));
  }

  static void removeMember(WebClient http, Gateway gw, String groupId, String userId) {
    scim(http, gw, HttpMethod.PATCH, "/Groups/" + groupId, patch(new JsonObject().put("op", "Remove")
        .put("path", "members[value eq \"" + userId + "\"]")));
  }

  static JsonObject patch(JsonObject... operations) {
    return new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
        .put("Operations", new JsonArray(java.util.List.of((Object[]) operations)));
  }

  /**
   * Polls {@code path} until it answers {@code status} and {@code code}, at most {@code withinMs};
   * how long that took in ms, or an assertion error with the last answer.
   */
  static long until(WebClient http, Gateway gw, String path, String token, int status, String code, long withinMs)
      throws InterruptedException {
    long start = System.nanoTime();
    Answer last;
    do {
      last = get(http, gw, path, token);
      if (last.status() == status && java.util.Objects.equals(last.code(), code)) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(10);
    } while (System.nanoTime() - start < withinMs * 1_000_000);
    throw new AssertionError(path + " still answered " + last + " after " + withinMs + " ms; expected " + status
        + " " + code);
  }
}
