package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.state.AppRegistration;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code /{tenant}/oauth2/v2.0/logout} (GET or POST): ends the browser's SSO session (and, with
 * {@code logout_hint}, every session of that user), then returns to {@code post_logout_redirect_uri}
 * if it is registered on the app (named by {@code client_id} or the {@code id_token_hint}'s
 * audience, else on any app of the tenant), with {@code state}; otherwise shows the signed-out page.
 */
final class LogoutRoutes {

  private final Context ctx;
  private final GrantStore store;
  private final AuthorizeReply reply;

  LogoutRoutes(Context ctx, GrantStore store) {
    this.ctx = ctx;
    this.store = store;
    this.reply = new AuthorizeReply(ctx.clock());
  }

  void mount(Router router) {
    router.route("/:tenant/oauth2/v2.0/logout").handler(this::logout);
  }

  private void logout(RoutingContext rc) {
    try {
      TenantRef.resolve(rc.pathParam("tenant"), ctx.state().info());
    } catch (io.sallyport.devtenant.http.EntraError e) {
      reply.errorPage(rc, e);
      return;
    }
    String sid = AuthorizeReply.sessionId(rc);
    if (sid != null) {
      store.sessions.remove(sid);
    }
    String hint = Replies.param(rc, "logout_hint");
    if (hint != null) {
      ctx.state().userByIdOrUpn(hint).ifPresent(u -> store.sessions.removeIf(s -> s.userId().equals(u.id())));
    }
    AuthorizeReply.clearSession(rc);
    String target = Replies.param(rc, "post_logout_redirect_uri");
    if (target != null && registered(rc, target)) {
      String state = Replies.param(rc, "state");
      String location = state == null ? target
          : target + (target.contains("?") ? "&" : "?") + "state=" + java.net.URLEncoder.encode(state,
              java.nio.charset.StandardCharsets.UTF_8);
      rc.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
      return;
    }
    Pages.send(rc, 200, Pages.signedOut(), null);
  }

  private boolean registered(RoutingContext rc, String uri) {
    Optional<AppRegistration> app = Optional.ofNullable(Replies.param(rc, "client_id"))
        .flatMap(id -> ctx.state().apps.find(id));
    if (app.isEmpty() && Replies.param(rc, "id_token_hint") != null) {
      try {
        app = ctx.state().apps.find(Jwt.parse(Replies.param(rc, "id_token_hint")).string("aud"));
      } catch (Jwt.JwtException e) {
        app = Optional.empty();
      }
    }
    List<AppRegistration> candidates = app.map(List::of).orElseGet(ctx.state().apps::all);
    return candidates.stream().anyMatch(a -> a.redirectUris().contains(uri) || uri.equals(a.application()
        .getJsonObject("web", new io.vertx.core.json.JsonObject()).getString("logoutUrl")));
  }
}
