package io.sallyport.scim.http;

import io.sallyport.scim.spi.ScimStorage;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The SCIM 2.0 HTTP surface: a Vert.x-web router for {@code /Users}, {@code /Groups},
 * {@code /ServiceProviderConfig}, {@code /Schemas} and {@code /ResourceTypes}, to be mounted under
 * {@link ScimOptions#basePath()} (being built).
 */
public final class ScimEndpoint {

  private ScimEndpoint() {}

  public static Router router(Vertx vertx, ScimStorage storage, ScimAuth auth, ScimOptions options) {
    return Router.router(vertx);
  }
}
