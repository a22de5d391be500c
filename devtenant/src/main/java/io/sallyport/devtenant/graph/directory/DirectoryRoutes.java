package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphResponses;
import io.vertx.ext.web.Router;

/** Graph v1.0 routes of this area (being built). */
public final class DirectoryRoutes {

  private final Context ctx;
  private final GraphResponses responses;

  public DirectoryRoutes(Context ctx, GraphResponses responses) {
    this.ctx = ctx;
    this.responses = responses;
  }

  public void mount(Router graph) {
  }
}
