package io.sallyport.devtenant.graph;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.ca.ConditionalAccessRoutes;
import io.sallyport.devtenant.graph.directory.DirectoryRoutes;
import io.sallyport.devtenant.graph.entitlement.EntitlementRoutes;
import io.sallyport.devtenant.graph.pim.PimRoutes;
import io.sallyport.devtenant.graph.terms.TermsRoutes;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Graph v1.0 under {@code /v1.0}: authentication first, then each area's routes, and
 * one failure handler that turns every error into Graph's error body (never a stack trace).
 */
public final class GraphRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(GraphRoutes.class);

  private final Context ctx;

  public GraphRoutes(Context ctx) {
    this.ctx = ctx;
  }

  public void mount(Router root) {
    Router graph = Router.router(ctx.vertx());
    graph.route().handler(new GraphAuth(ctx));
    GraphResponses responses = new GraphResponses(ctx);
    new DirectoryRoutes(ctx, responses).mount(graph);
    new PimRoutes(ctx, responses).mount(graph);
    new TermsRoutes(ctx, responses).mount(graph);
    new EntitlementRoutes(ctx, responses).mount(graph);
    new ConditionalAccessRoutes(ctx, responses).mount(graph);
    graph.route().handler(rc -> new GraphError(400, "BadRequest",
        "Resource not found for the segment '" + lastSegment(rc) + "'.").send(rc, ctx.clock()));
    graph.route().failureHandler(this::fail);
    root.route("/v1.0/*").subRouter(graph);
  }

  private static String lastSegment(RoutingContext rc) {
    String p = rc.request().path();
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private void fail(RoutingContext rc) {
    Throwable t = rc.failure();
    if (rc.response().ended()) {
      return;
    }
    GraphErrors.from(t, rc.statusCode(), LOG).send(rc, ctx.clock());
  }
}
