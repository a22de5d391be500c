package io.sallyport.devtenant.graph.ca;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.directory.WriteBodies;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.AuthContext;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /identity/conditionalAccess/authenticationContextClassReferences} (§3.5): list (filter on id
 * and isAvailable), get, create-or-update by PATCH (204) and delete (204). Ids are {@code c1}..{@code c99}:
 * Microsoft's docs say c1..c25 for this resource and c1..c99 elsewhere; the wider range is accepted.
 */
final class AuthContextRoutes {

  static final String PATH = "/identity/conditionalAccess/authenticationContextClassReferences";
  private static final String SET = "identity/conditionalAccess/authenticationContextClassReferences";
  private static final String TYPE = "microsoft.graph.authenticationContextClassReference";
  private static final Pattern ID = Pattern.compile("c([1-9]|[1-9][0-9])");
  private static final List<String> PROPERTIES = List.of("id", "displayName", "description", "isAvailable");

  private final Context ctx;
  private final GraphResponses responses;
  private final Collections collections;

  AuthContextRoutes(Context ctx, GraphResponses responses, Collections collections) {
    this.ctx = ctx;
    this.responses = responses;
    this.collections = collections;
  }

  void mount(Router graph) {
    graph.get(PATH).handler(rc -> {
      GraphCaller.from(rc).requireAny(CaPermissions.READ);
      List<JsonObject> items = ctx.state().authContexts.all().stream().map(AuthContextRoutes::json).toList();
      collections.list(rc, TYPE, "AuthenticationContextClassReference", SET, PROPERTIES,
          List.of("id", "isAvailable"), items);
    });
    graph.get(PATH + "/:id").handler(rc -> {
      GraphCaller.from(rc).requireAny(CaPermissions.READ);
      String id = rc.pathParam("id");
      AuthContext c = ctx.state().authContexts.find(id).orElseThrow(() -> GraphError.notFound(id));
      collections.entity(rc, TYPE, SET, PROPERTIES, json(c));
    });
    graph.patch(PATH + "/:id").handler(this::upsert);
    graph.delete(PATH + "/:id").handler(rc -> {
      GraphCaller.from(rc).requireAny(CaPermissions.WRITE);
      String id = rc.pathParam("id");
      ctx.state().authContexts.remove(id).orElseThrow(() -> GraphError.notFound(id));
      responses.noContent(rc);
    });
  }

  private void upsert(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(CaPermissions.WRITE);
    String id = rc.pathParam("id");
    if (!ID.matcher(id).matches()) {
      throw new GraphError(400, "BadRequest", "Invalid authenticationContextClassReference id '" + id
          + "'. Ids are c1 through c99.");
    }
    JsonObject body = responses.body(rc);
    JsonObject current = ctx.state().authContexts.find(id).map(AuthContextRoutes::json)
        .orElseGet(() -> new JsonObject().put("id", id).putNull("displayName").putNull("description")
            .put("isAvailable", false));
    JsonObject shape = new JsonObject().put("id", id).put("displayName", "").put("description", "")
        .put("isAvailable", false);
    WriteBodies.check(body, shape, TYPE, Map.of(), Set.of());
    if (body.containsKey("id") && !id.equals(body.getValue("id"))) {
      throw new GraphError(400, "BadRequest", "The id '" + body.getValue("id")
          + "' in the body does not match the id '" + id + "' in the request URL.");
    }
    JsonObject next = WriteBodies.merge(current, body);
    ctx.state().authContexts.put(new AuthContext(id, next.getString("displayName"), next.getString("description"),
        Boolean.TRUE.equals(next.getBoolean("isAvailable"))));
    responses.noContent(rc);
  }

  static JsonObject json(AuthContext c) {
    return new JsonObject().put("id", c.id()).put("displayName", c.displayName())
        .put("description", c.description()).put("isAvailable", c.available());
  }
}
