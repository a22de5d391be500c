package io.sallyport.devtenant.control;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /_devtenant/tenant}: everything a test or demo needs to point a client at this tenant
 * (issuer, authority, discovery and JWKS URLs, Graph's base URL), its apps with their first secret,
 * its users with their passwords, and the scenario clock.
 */
final class TenantView {

  private final Context ctx;

  TenantView(Context ctx) {
    this.ctx = ctx;
  }

  void get(RoutingContext rc) {
    String base = ctx.baseUrl();
    String tid = ctx.tenantId();
    JsonArray apps = new JsonArray();
    for (AppRegistration a : ctx.state().apps.all()) {
      apps.add(new JsonObject().put("name", a.name()).put("clientId", a.appId())
          .put("clientSecret", a.secrets().isEmpty() ? null : a.secrets().get(0))
          .put("redirectUris", new JsonArray(a.redirectUris())).put("identifierUris", new JsonArray(a.identifierUris())));
    }
    JsonArray users = new JsonArray();
    for (User u : ctx.state().users.all()) {
      users.add(new JsonObject().put("upn", u.upn()).put("password", u.password()).put("oid", u.id())
          .put("displayName", u.displayName()).put("enabled", u.accountEnabled()));
    }
    Replies.ok(rc, new JsonObject().put("tenantId", tid).put("domain", ctx.state().info().domain())
        .put("issuer", ctx.issuer().issuerV2()).put("authority", base + "/" + tid + "/v2.0").put("baseUrl", base)
        .put("graphBaseUrl", ctx.graphBaseUrl()).put("jwksUri", base + "/" + tid + "/discovery/v2.0/keys")
        .put("openidConfiguration", base + "/" + tid + "/v2.0/.well-known/openid-configuration")
        .put("apps", apps).put("users", users).put("clock", clock(ctx)));
  }

  static JsonObject clock(Context ctx) {
    return new JsonObject().put("now", ctx.clock().instant().toString())
        .put("offsetSeconds", ctx.clock().offset().getSeconds());
  }
}
