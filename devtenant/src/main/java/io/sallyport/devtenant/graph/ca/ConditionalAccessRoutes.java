package io.sallyport.devtenant.graph.ca;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphResponses;
import io.vertx.ext.web.Router;

/** Graph v1.0 Conditional Access: authentication context class references and policies. */
public final class ConditionalAccessRoutes {

  private final Context ctx;
  private final GraphResponses responses;

  public ConditionalAccessRoutes(Context ctx, GraphResponses responses) {
    this.ctx = ctx;
    this.responses = responses;
  }

  public void mount(Router graph) {
    Collections collections = new Collections(responses);
    new AuthContextRoutes(ctx, responses, collections).mount(graph);
    new PolicyRoutes(ctx, responses, collections).mount(graph);
  }
}
