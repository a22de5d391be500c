package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.http.EntraError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;

/**
 * The two endpoints MSAL calls besides discovery: instance discovery (reference §1.7), which
 * devtenant answers for itself with its own host as the only alias, and the user realm lookup
 * msal4j makes before a password grant (§1.5), which says Managed for this tenant's domain.
 */
final class MsalRoutes {

  /** Event-bus address: the username of each user realm lookup (msal4j makes one before every password grant). */
  static final String USER_REALM_EVENTS = "devtenant.oidc.userrealm";

  private final Context ctx;
  private final Replies replies;

  MsalRoutes(Context ctx, Replies replies) {
    this.ctx = ctx;
    this.replies = replies;
  }

  void mount(Router router) {
    router.get("/common/discovery/instance").handler(replies.guard(this::instance));
    router.get("/common/userrealm/:username").handler(replies.guard(this::userRealm));
  }

  private void instance(RoutingContext rc) {
    String endpoint = Replies.param(rc, "authorization_endpoint");
    if (endpoint == null) {
      throw Replies.missing("authorization_endpoint");
    }
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw invalidInstance(endpoint);
    }
    String host = URI.create(ctx.baseUrl()).getAuthority();
    String[] path = uri.getPath() == null ? new String[0] : uri.getPath().split("/");
    if (uri.getAuthority() == null || !uri.getAuthority().equalsIgnoreCase(host) || path.length < 2) {
      throw invalidInstance(endpoint);
    }
    TenantRef t = TenantRef.resolve(path[1], ctx.state().info());
    JsonObject body = new JsonObject()
        .put("tenant_discovery_endpoint", ctx.baseUrl() + "/" + t.segment() + "/v2.0/.well-known/openid-configuration")
        .put("api-version", "1.1")
        .put("metadata", new JsonArray().add(new JsonObject().put("preferred_network", host)
            .put("preferred_cache", host).put("aliases", new JsonArray().add(host))));
    Replies.json(rc, body, "max-age=86400, private");
  }

  private EntraError invalidInstance(String endpoint) {
    return new EntraError("invalid_instance", 50049, "Unknown or invalid instance. The authorization endpoint '"
        + endpoint + "' is not served by this devtenant (" + ctx.baseUrl() + ").");
  }

  private void userRealm(RoutingContext rc) {
    String username = rc.pathParam("username");
    ctx.vertx().eventBus().publish(USER_REALM_EVENTS, username);
    int at = username.lastIndexOf('@');
    String domain = at < 0 ? "" : username.substring(at + 1).toLowerCase(Locale.ROOT);
    JsonObject body = new JsonObject().put("ver", "1.0");
    if (domain.equals(ctx.state().info().domain().toLowerCase(Locale.ROOT))) {
      body.put("account_type", "Managed").put("domain_name", ctx.state().info().domain())
          .put("cloud_instance_name", "microsoftonline.com").put("cloud_audience_urn", "urn:federation:MicrosoftOnline");
    } else {
      body.put("account_type", "Unknown").put("cloud_instance_name", "microsoftonline.com")
          .put("cloud_audience_urn", "urn:federation:MicrosoftOnline");
    }
    Replies.json(rc, body, "no-store, no-cache");
  }
}
