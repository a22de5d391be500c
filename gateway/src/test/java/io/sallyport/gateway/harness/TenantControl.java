package io.sallyport.gateway.harness;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.gateway.ItSupport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * devtenant's test-support API and the admin steps a browser test needs, for tests that sign in
 * through devtenant: one copy instead of one per test class.
 *
 * @param idp  a client that trusts devtenant's certificate
 */
public record TenantControl(WebClient idp, DevTenant dev) {

  /** A call to devtenant's {@code /_devtenant/} API; an answer of 300 or more fails the test. */
  public JsonObject call(String method, String path, JsonObject body) {
    var req = idp.requestAbs(HttpMethod.valueOf(method), dev.baseUrl() + path);
    HttpResponse<Buffer> r = ItSupport.await(body == null ? req.send() : req.sendJsonObject(body));
    if (r.statusCode() >= 300) {
      throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.bodyAsString());
    }
    return r.body() == null || r.body().length() == 0 ? new JsonObject() : r.bodyAsJsonObject();
  }

  /** Registers the gateway's callback on the app through Graph, as an admin would. */
  public void registerCallback(String clientId, int gatewayPort) {
    String token = call("POST", "/_devtenant/tokens", new JsonObject().put("client", "Sallyport")
        .put("audience", "https://graph.microsoft.com")).getString("access_token");
    HttpResponse<Buffer> found = ItSupport.await(idp.getAbs(dev.graphBaseUrl() + "/applications?$filter="
        + URLEncoder.encode("appId eq '" + clientId + "'", StandardCharsets.UTF_8).replace("+", "%20"))
        .bearerTokenAuthentication(token).send());
    String id = found.bodyAsJsonObject().getJsonArray("value").getJsonObject(0).getString("id");
    HttpResponse<Buffer> r = ItSupport.await(idp.patchAbs(dev.graphBaseUrl() + "/applications/" + id)
        .bearerTokenAuthentication(token).sendJsonObject(new JsonObject().put("web", new JsonObject()
            .put("redirectUris", new JsonArray().add("http://127.0.0.1:" + gatewayPort + "/.sallyport/callback")))));
    if (r.statusCode() != 204) {
      throw new AssertionError("registering the callback answered " + r.statusCode() + ": " + r.bodyAsString());
    }
  }
}
