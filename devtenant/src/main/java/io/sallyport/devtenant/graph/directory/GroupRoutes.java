package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.Group;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.BiFunction;

/** {@code /groups}, {@code /groups/$count}, {@code /groups/{id}} and its members, transitive members and owners. */
final class GroupRoutes {

  private static final EntityType MEMBERS = EntityType.union(UserJson.TYPE, GroupJson.TYPE);

  private final Context ctx;
  private final Listing listing;
  private final Memberships memberships;

  GroupRoutes(Context ctx, Listing listing, Memberships memberships) {
    this.ctx = ctx;
    this.listing = listing;
    this.memberships = memberships;
  }

  void mount(Router graph) {
    graph.get("/groups/$count").handler(rc -> {
      GraphCaller.from(rc).requireAny(Permissions.GROUPS_READ);
      listing.count(rc, GroupJson.TYPE, all());
    });
    graph.get("/groups").handler(rc -> {
      GraphCaller.from(rc).requireAny(Permissions.GROUPS_READ);
      listing.collection(rc, GroupJson.TYPE, "groups", all(), false);
    });
    graph.get("/groups/:id").handler(rc -> {
      GraphCaller.from(rc).requireAny(Permissions.GROUPS_READ);
      listing.entity(rc, GroupJson.TYPE, "groups", GroupJson.full(find(rc), ctx.state().info().domain()));
    });
    graph.get("/groups/:id/members").handler(rc -> related(rc, Memberships::members));
    graph.get("/groups/:id/transitiveMembers").handler(rc -> related(rc, Memberships::transitiveMembers));
    graph.get("/groups/:id/owners").handler(rc -> related(rc, Memberships::owners));
  }

  private void related(RoutingContext rc, BiFunction<Memberships, Group, List<String>> which) {
    GraphCaller.from(rc).requireAny(Permissions.GROUPS_READ);
    Group g = find(rc);
    listing.collection(rc, MEMBERS, "directoryObjects", memberships.objects(which.apply(memberships, g)), true);
  }

  private Group find(RoutingContext rc) {
    String id = rc.pathParam("id");
    return ctx.state().groups.find(id).orElseThrow(() -> GraphError.notFound(id));
  }

  private List<JsonObject> all() {
    return ctx.state().groups.all().stream().map(g -> GroupJson.full(g, ctx.state().info().domain())).toList();
  }
}
