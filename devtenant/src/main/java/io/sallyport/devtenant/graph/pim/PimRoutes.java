package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphResponses;
import io.vertx.ext.web.Router;

/**
 * Graph v1.0 Privileged Identity Management: directory-role schedule instances and requests under
 * {@code /roleManagement/directory}, PIM for Groups under {@code /identityGovernance/privilegedAccess/group}.
 * State changes go through {@link PimActions}, which the control API shares.
 */
public final class PimRoutes {

  private final Context ctx;
  private final GraphResponses responses;

  public PimRoutes(Context ctx, GraphResponses responses) {
    this.ctx = ctx;
    this.responses = responses;
  }

  public void mount(Router graph) {
    PimActions actions = new PimActions(ctx.state());
    new RoleInstanceRoutes(ctx, responses).mount(graph);
    new RoleRequestRoutes(ctx, responses, actions).mount(graph);
    new GroupInstanceRoutes(ctx, responses).mount(graph);
    new GroupRequestRoutes(ctx, responses, actions).mount(graph);
    new PolicyRoutes(ctx, responses, actions).mount(graph);
  }
}
