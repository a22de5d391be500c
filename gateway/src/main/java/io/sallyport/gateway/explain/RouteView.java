package io.sallyport.gateway.explain;

import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A route as explain shows it: name, match, public or not, and its require block as configured. */
final class RouteView {
  private RouteView() {}

  static JsonObject of(Route route) {
    RequireConfig r = route.config().require();
    JsonObject require = new JsonObject();
    if (!r.scopes().isEmpty()) {
      require.put("scopes", new JsonArray(r.scopes()));
    }
    if (!r.appRoles().isEmpty()) {
      require.put("app-roles", new JsonArray(r.appRoles()));
    }
    if (!r.groups().isEmpty()) {
      require.put("groups", new JsonArray(r.groups()));
    }
    if (r.mfa()) {
      require.put("mfa", true);
    }
    if (r.authContext() != null) {
      require.put("auth-context", r.authContext());
    }
    if (r.maxAuthAge() != null) {
      require.put("max-auth-age", r.maxAuthAge().toString().substring(2).toLowerCase(java.util.Locale.ROOT));
    }
    if (r.directory() != null) {
      require.put("directory", r.directory().groups().isEmpty() ? (Object) true
          : new JsonObject().put("groups", new JsonArray(r.directory().groups())));
    }
    return new JsonObject().put("name", route.name()).put("public", route.isPublic())
        .put("match", new JsonObject().put("host", route.config().host()).put("path-prefix", route.config().pathPrefix()))
        .put("require", require);
  }
}
