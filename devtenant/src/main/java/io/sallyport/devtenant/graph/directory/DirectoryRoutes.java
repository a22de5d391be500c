package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphResponses;
import io.vertx.ext.web.Router;

/**
 * Graph v1.0 directory: users and {@code /me}, groups and their members, a user's memberships and
 * membership actions, app registrations and service principals.
 */
public final class DirectoryRoutes {

  private final Context ctx;
  private final GraphResponses responses;

  public DirectoryRoutes(Context ctx, GraphResponses responses) {
    this.ctx = ctx;
    this.responses = responses;
  }

  public void mount(Router graph) {
    Listing listing = new Listing(responses);
    Memberships memberships = new Memberships(ctx.state());
    UserRoutes users = new UserRoutes(ctx, listing);
    AppAccess access = new AppAccess();
    // membership paths first: /users/{id}/memberOf must not be taken for a user id
    new MembershipRoutes(ctx, responses, listing, memberships, users).mount(graph);
    users.mount(graph);
    new GroupRoutes(ctx, listing, memberships).mount(graph);
    new ApplicationRoutes(ctx, responses, listing, access).mount(graph);
    new ServicePrincipalRoutes(ctx, responses, listing, access).mount(graph);
  }
}
