package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A user's memberships: {@code memberOf} and {@code transitiveMemberOf} (as directoryObjects, or cast
 * to groups with {@code /microsoft.graph.group} — the SDK writes {@code /graph.group}), their
 * {@code $count} segments, and the {@code getMemberObjects} / {@code checkMemberGroups} actions, on
 * {@code /users/{id}} and {@code /me}.
 */
final class MembershipRoutes {

  private static final EntityType OBJECTS = EntityType.union(GroupJson.TYPE, GroupJson.ROLE_TYPE);
  private static final int MAX_CHECK_GROUPS = 20;

  private final Context ctx;
  private final GraphResponses responses;
  private final Listing listing;
  private final Memberships memberships;
  private final UserRoutes users;

  MembershipRoutes(Context ctx, GraphResponses responses, Listing listing, Memberships memberships,
      UserRoutes users) {
    this.ctx = ctx;
    this.responses = responses;
    this.listing = listing;
    this.memberships = memberships;
    this.users = users;
  }

  void mount(Router graph) {
    for (String owner : List.of("/users/:id", "/me")) {
      for (String kind : List.of("memberOf", "transitiveMemberOf")) {
        boolean transitive = kind.startsWith("transitive");
        graph.get(owner + "/" + kind + "/$count").handler(rc -> listing.count(rc, OBJECTS, items(rc, transitive)));
        graph.get(owner + "/" + kind).handler(rc ->
            listing.collection(rc, OBJECTS, "directoryObjects", items(rc, transitive), true));
        for (String cast : List.of("microsoft.graph.group", "graph.group")) {
          graph.get(owner + "/" + kind + "/" + cast + "/$count").handler(rc ->
              listing.count(rc, GroupJson.TYPE, groups(items(rc, transitive))));
          graph.get(owner + "/" + kind + "/" + cast).handler(rc ->
              listing.collection(rc, GroupJson.TYPE, "groups", groups(items(rc, transitive)), true));
        }
      }
      graph.post(owner + "/getMemberObjects").handler(this::getMemberObjects);
      graph.post(owner + "/checkMemberGroups").handler(this::checkMemberGroups);
    }
  }

  private List<JsonObject> items(RoutingContext rc, boolean transitive) {
    User user = principal(rc);
    return transitive ? memberships.transitiveMemberOf(user.id()) : memberships.memberOf(user.id());
  }

  private static List<JsonObject> groups(List<JsonObject> objects) {
    return objects.stream().filter(o -> GroupJson.TYPE.odataType().equals(o.getString("@odata.type"))).toList();
  }

  /** The user the path names (or the signed-in user on /me), after the permission check. */
  private User principal(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    String id = rc.pathParam("id");
    if (id == null) {
      String me = caller.requireUser();
      caller.requireAny(Permissions.MY_MEMBERSHIP_READ);
      return users.find(me);
    }
    caller.requireAny(Permissions.MEMBERSHIP_READ);
    return users.find(id);
  }

  private void getMemberObjects(RoutingContext rc) {
    User user = principal(rc);
    JsonObject body = responses.body(rc);
    onlyParameters(body, "getMemberObjects", Set.of("securityEnabledOnly"));
    if (!(body.getValue("securityEnabledOnly") instanceof Boolean securityOnly)) {
      throw GraphError.badRequest("The parameter 'securityEnabledOnly' is required and must be a boolean.");
    }
    JsonArray ids = new JsonArray();
    for (JsonObject o : memberships.transitiveMemberOf(user.id())) {
      if (!securityOnly || !Boolean.FALSE.equals(o.getBoolean("securityEnabled"))) {
        ids.add(o.getString("id"));
      }
    }
    responses.ok(rc, new JsonObject().put("@odata.context", responses.context("Collection(Edm.String)"))
        .put("value", ids));
  }

  private void checkMemberGroups(RoutingContext rc) {
    User user = principal(rc);
    JsonObject body = responses.body(rc);
    onlyParameters(body, "checkMemberGroups", Set.of("groupIds"));
    if (!(body.getValue("groupIds") instanceof JsonArray asked)
        || asked.stream().anyMatch(v -> !(v instanceof String))) {
      throw GraphError.badRequest("The parameter 'groupIds' is required and must be an array of strings.");
    }
    if (asked.size() > MAX_CHECK_GROUPS) {
      throw GraphError.badRequest("The parameter 'groupIds' holds " + asked.size() + " ids; at most "
          + MAX_CHECK_GROUPS + " are allowed.");
    }
    Set<String> mine = new LinkedHashSet<>();
    ctx.state().transitiveGroups(user.id()).forEach(g -> mine.add(g.toLowerCase(Locale.ROOT)));
    JsonArray hits = new JsonArray();
    asked.stream().map(String.class::cast).filter(g -> mine.contains(g.toLowerCase(Locale.ROOT))).distinct()
        .forEach(hits::add);
    responses.ok(rc, new JsonObject().put("@odata.context", responses.context("Collection(Edm.String)"))
        .put("value", hits));
  }

  private static void onlyParameters(JsonObject body, String action, Set<String> allowed) {
    for (String k : body.fieldNames()) {
      if (!allowed.contains(k) && !k.startsWith("@odata.")) {
        throw GraphError.badRequest("The parameter '" + k + "' in the request payload is not a valid parameter for"
            + " the operation '" + action + "'.");
      }
    }
  }
}
