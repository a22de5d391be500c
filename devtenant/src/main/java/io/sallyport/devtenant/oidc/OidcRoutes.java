package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.vertx.ext.web.Router;

/** Entra's identity endpoints (being built). */
public final class OidcRoutes {

  private final Context ctx;

  public OidcRoutes(Context ctx) {
    this.ctx = ctx;
  }

  public void mount(Router router) {
  }
}
