package io.sallyport.gateway.demo;

import io.sallyport.devtenant.DevTenant;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Registers the demo gateway's sign-in callback and signed-out page on Sallyport's app registration,
 * for whatever port the demo runs on, through Microsoft Graph as an Entra admin would
 * ({@code PATCH /applications/{id}} with {@code web.redirectUris}). Existing URIs are kept.
 */
public final class DemoRedirects {

  private DemoRedirects() {}

  /** @param clientId the app registration Sallyport signs in with */
  public static Future<Void> register(Vertx vertx, DevTenant tenant, String clientId, int gatewayPort) {
    WebClient web = WebClient.create(vertx, new WebClientOptions().setTrustOptions(new PemTrustOptions()
        .addCertValue(Buffer.buffer(tenant.certificatePem()))));
    Future<String> token = web.postAbs(tenant.baseUrl() + "/_devtenant/tokens")
        .sendJsonObject(new JsonObject().put("client", clientId).put("audience", "https://graph.microsoft.com"))
        .map(r -> ok(r, "a Graph token").bodyAsJsonObject().getString("access_token"));
    String filter = URLEncoder.encode("appId eq '" + clientId + "'", StandardCharsets.UTF_8).replace("+", "%20");
    return token.compose(t -> web.getAbs(tenant.graphBaseUrl() + "/applications?$filter=" + filter)
        .bearerTokenAuthentication(t).send().compose(r -> {
          JsonObject app = ok(r, "the app registration").bodyAsJsonObject().getJsonArray("value").getJsonObject(0);
          Set<String> uris = new LinkedHashSet<>();
          app.getJsonObject("web", new JsonObject()).getJsonArray("redirectUris", new JsonArray())
              .forEach(u -> uris.add((String) u));
          for (String host : new String[] {"localhost", "127.0.0.1"}) {
            uris.add("http://" + host + ":" + gatewayPort + "/.sallyport/callback");
            uris.add("http://" + host + ":" + gatewayPort + "/.sallyport/signed-out");
          }
          return web.patchAbs(tenant.graphBaseUrl() + "/applications/" + app.getString("id"))
              .bearerTokenAuthentication(t)
              .sendJsonObject(new JsonObject().put("web", new JsonObject().put("redirectUris", new JsonArray(
                  java.util.List.copyOf(uris)))));
        })).map(r -> {
          ok(r, "the redirect URIs");
          return (Void) null;
        }).andThen(ar -> web.close());
  }

  private static HttpResponse<Buffer> ok(HttpResponse<Buffer> r, String what) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("devtenant refused " + what + ": " + r.statusCode() + " " + r.bodyAsString());
    }
    return r;
  }
}
