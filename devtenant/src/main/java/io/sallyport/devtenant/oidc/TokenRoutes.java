package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.http.EntraError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: authenticates the client, runs the grant, answers with
 * {@code Cache-Control: no-store} and the caller's {@code client-request-id} echoed. Each request
 * is also published on the event bus ({@link #EVENTS}) so tests and demos can see what the token
 * endpoint was asked, e.g. that a client's token cache spared it a second call.
 */
final class TokenRoutes {

  /** Event-bus address: one {@code {grant_type, client_id, tenant}} message per authenticated token request. */
  static final String EVENTS = "devtenant.oidc.token";

  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private final Context ctx;
  private final Replies replies;
  private final ClientAuth clients;
  private final UserGrants userGrants;
  private final AppGrants appGrants;

  TokenRoutes(Context ctx, Replies replies, GrantStore store) {
    this.ctx = ctx;
    this.replies = replies;
    this.clients = new ClientAuth(ctx);
    TokenMinter minter = new TokenMinter(ctx, store);
    this.userGrants = new UserGrants(ctx, store, minter);
    this.appGrants = new AppGrants(ctx, minter, userGrants);
  }

  void mount(Router router) {
    router.post("/:tenant/oauth2/v2.0/token").handler(replies.guard(this::token));
    router.route("/:tenant/oauth2/v2.0/token").handler(replies.guard(rc -> {
      throw new EntraError("invalid_request", 900561, "The endpoint only accepts POST, OPTIONS requests. Received a "
          + rc.request().method().name() + " request.");
    }));
  }

  private void token(RoutingContext rc) {
    TenantRef tenant = TenantRef.resolve(rc.pathParam("tenant"), ctx.state().info());
    String grant = Replies.param(rc, "grant_type");
    if (grant == null) {
      throw Replies.missing("grant_type");
    }
    ClientAuth.Client client = clients.authenticate(rc, tenant);
    ctx.vertx().eventBus().publish(EVENTS, new JsonObject().put("grant_type", grant)
        .put("client_id", client.app().appId()).put("tenant", tenant.segment()));
    TokenCall call = new TokenCall(rc, tenant, client);
    JsonObject body = switch (grant) {
      case "authorization_code" -> userGrants.authorizationCode(call);
      case "refresh_token" -> userGrants.refreshToken(call);
      case "password" -> userGrants.password(call);
      case "client_credentials" -> appGrants.clientCredentials(call);
      case JWT_BEARER -> appGrants.onBehalfOf(call);
      default -> throw new EntraError("unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
          + grant + "'.");
    };
    Replies.json(rc, body, "no-store, no-cache");
  }
}
