package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphResponses;
import io.vertx.ext.web.Router;

/** Graph v1.0 routes of this area (being built). */
public final class PimRoutes {

  private final Context ctx;
  private final GraphResponses responses;

  public PimRoutes(Context ctx, GraphResponses responses) {
    this.ctx = ctx;
    this.responses = responses;
  }

  public void mount(Router graph) {
  }
}
