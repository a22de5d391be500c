package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.spi.ScimStorage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The SCIM 2.0 HTTP surface: a Vert.x-web router for {@code /Users}, {@code /Groups},
 * {@code /ServiceProviderConfig}, {@code /Schemas} and {@code /ResourceTypes}, mounted by the
 * gateway with {@code route(basePath + "/*").subRouter(router)}. Every route authenticates first;
 * every failure leaves through one {@link ErrorMapper}; unknown query parameters (Entra's
 * {@code aadOptscim062020}) are ignored.
 */
public final class ScimEndpoint {

  private static final Pattern KNOWN = Pattern.compile(
      "/(Users|Groups)(/[^/]+)?/?|/(ServiceProviderConfig|Schemas|ResourceTypes)(/[^/]+)?/?");
  private static final Pattern UNSUPPORTED = Pattern.compile("/(Bulk|Me|\\.search)(/.*)?|/(Users|Groups)/\\.search/?");

  private ScimEndpoint() {}

  public static Router router(Vertx vertx, ScimStorage storage, ScimAuth auth, ScimOptions options) {
    ScimStorage guarded = new GuardedStorage(storage);
    References references = new References(guarded);
    ResourceRoutes resources = new ResourceRoutes(guarded, references, options);
    PatchRoute patch = new PatchRoute(guarded, resources, options);
    Listing listing = new Listing(guarded, references);
    DiscoveryRoutes discovery = new DiscoveryRoutes(options);

    Router router = Router.router(vertx);
    router.route().handler(new BearerAuth(auth));
    router.route().handler(BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()));
    for (ResourceKind kind : ResourceKind.values()) {
      String path = kind.endpoint();
      router.get(path).handler(on(rc -> listing.list(kind, ListQuery.from(rc.queryParams(), options.maxPageSize()),
          resources.locations(rc)).compose(body -> ScimReply.json(rc, 200, body))));
      router.post(path).handler(on(rc -> resources.create(rc, kind)));
      router.get(path + "/:id").handler(on(rc -> resources.get(rc, kind)));
      router.put(path + "/:id").handler(on(rc -> resources.replace(rc, kind)));
      router.patch(path + "/:id").handler(on(rc -> patch.patch(rc, kind)));
      router.delete(path + "/:id").handler(on(rc -> resources.delete(rc, kind)));
    }
    router.get("/ServiceProviderConfig").handler(on(discovery::serviceProviderConfig));
    router.get("/Schemas").handler(on(discovery::schemas));
    router.get("/Schemas/:urn").handler(on(discovery::schema));
    router.get("/ResourceTypes").handler(on(discovery::resourceTypes));
    router.get("/ResourceTypes/:name").handler(on(discovery::resourceType));
    router.route().handler(ScimEndpoint::unmatched);
    router.route().failureHandler(new ErrorMapper(options.maxBodyBytes()));
    return router;
  }

  /** Runs a handler so that a thrown or failed outcome both reach the error mapper. */
  private static io.vertx.core.Handler<RoutingContext> on(Function<RoutingContext, Future<?>> handler) {
    return rc -> {
      try {
        handler.apply(rc).onFailure(rc::fail);
      } catch (RuntimeException e) {
        rc.fail(e);
      }
    };
  }

  private static void unmatched(RoutingContext rc) {
    String path = rc.normalizedPath();
    String mount = rc.mountPoint() == null ? "" : rc.mountPoint();
    String local = path.startsWith(mount) ? path.substring(mount.length()) : path;
    if (!local.startsWith("/")) {
      local = "/" + local;
    }
    String target = rc.request().method() + " " + local;
    if (UNSUPPORTED.matcher(local).matches()) {
      rc.fail(new ScimException(501, null, target + " is not implemented by this service provider"));
    } else if (KNOWN.matcher(local).matches()) {
      rc.fail(new ScimException(405, null, target + " is not supported"));
    } else {
      rc.fail(new ScimException(404, null, "No SCIM endpoint at " + target));
    }
  }
}
