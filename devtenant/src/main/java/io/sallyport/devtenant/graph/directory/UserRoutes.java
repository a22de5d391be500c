package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code /users}, {@code /users/$count}, {@code /users/{id | userPrincipalName}} and {@code /me}. */
final class UserRoutes {

  private final Context ctx;
  private final Listing listing;

  UserRoutes(Context ctx, Listing listing) {
    this.ctx = ctx;
    this.listing = listing;
  }

  void mount(Router graph) {
    graph.get("/users/$count").handler(rc -> {
      GraphCaller.from(rc).requireAny(Permissions.USERS_READ);
      listing.count(rc, UserJson.TYPE, all());
    });
    graph.get("/users").handler(rc -> {
      GraphCaller.from(rc).requireAny(Permissions.USERS_READ);
      listing.collection(rc, UserJson.TYPE, "users", all(), false);
    });
    graph.get("/users/:id").handler(this::one);
    graph.get("/me").handler(rc -> {
      GraphCaller caller = GraphCaller.from(rc);
      String me = caller.requireUser();
      caller.requireAny(Permissions.ME);
      listing.entity(rc, UserJson.TYPE, "users", full(find(me)));
    });
  }

  private void one(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    User user = find(rc.pathParam("id"));
    if (!(caller.delegated() && caller.userId().equalsIgnoreCase(user.id()))) {
      caller.requireAny(Permissions.USERS_READ);
    } else {
      caller.requireAny(Permissions.ME);
    }
    listing.entity(rc, UserJson.TYPE, "users", full(user));
  }

  /** By object id or userPrincipalName, as Graph addresses users; Graph's 404 otherwise. */
  User find(String idOrUpn) {
    return ctx.state().userByIdOrUpn(idOrUpn).orElseThrow(() -> GraphError.notFound(idOrUpn));
  }

  private List<JsonObject> all() {
    return ctx.state().users.all().stream().map(this::full).toList();
  }

  private JsonObject full(User u) {
    return UserJson.full(u, ctx.state().info().domain());
  }
}
