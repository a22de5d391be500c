package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.vertx.ext.web.Router;

/**
 * Entra's identity endpoints on devtenant, mounted on the root router before Graph: discovery and
 * JWKS, MSAL's instance discovery and user realm, authorize with its sign-in pages, token, logout
 * and UserInfo. They share one {@link GrantStore} (codes, refresh tokens, sessions) and one
 * stand-in authenticator.
 */
public final class OidcRoutes {

  private final Context ctx;

  public OidcRoutes(Context ctx) {
    this.ctx = ctx;
  }

  public void mount(Router router) {
    Replies replies = new Replies(ctx.clock());
    GrantStore store = new GrantStore(ctx.clock());
    new MsalRoutes(ctx, replies).mount(router);
    new UserInfoRoute(ctx).mount(router);
    new DiscoveryRoutes(ctx, replies).mount(router);
    new AuthorizeRoutes(ctx, store, new DemoMfa(ctx.clock())).mount(router);
    new TokenRoutes(ctx, replies, store).mount(router);
    new LogoutRoutes(ctx, store).mount(router);
  }
}
