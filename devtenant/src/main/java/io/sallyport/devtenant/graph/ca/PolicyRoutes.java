package io.sallyport.devtenant.graph.ca;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.directory.WriteBodies;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/**
 * {@code /identity/conditionalAccess/policies} (§3.6): list ({@code $filter}, {@code $top},
 * {@code $select}, paging), get, create (201), update by merge (204) and delete (204).
 */
final class PolicyRoutes {

  static final String PATH = "/identity/conditionalAccess/policies";
  private static final String SET = "identity/conditionalAccess/policies";
  private static final List<String> FILTERABLE = List.of("id", "displayName", "state", "createdDateTime",
      "modifiedDateTime", "templateId");

  private final Context ctx;
  private final GraphResponses responses;
  private final Collections collections;

  PolicyRoutes(Context ctx, GraphResponses responses, Collections collections) {
    this.ctx = ctx;
    this.responses = responses;
    this.collections = collections;
  }

  void mount(Router graph) {
    graph.get(PATH).handler(rc -> {
      GraphCaller.from(rc).requireAny(CaPermissions.READ);
      collections.list(rc, PolicyBodies.TYPE, "ConditionalAccessPolicy", SET, properties(), FILTERABLE,
          ctx.state().policies.all().stream().map(JsonObject::copy).toList());
    });
    graph.get(PATH + "/:id").handler(rc -> {
      GraphCaller.from(rc).requireAny(CaPermissions.READ);
      collections.entity(rc, PolicyBodies.TYPE, SET, properties(), find(rc).copy());
    });
    graph.post(PATH).handler(this::create);
    graph.patch(PATH + "/:id").handler(this::update);
    graph.delete(PATH + "/:id").handler(rc -> {
      GraphCaller.from(rc).requireAny(CaPermissions.WRITE);
      ctx.state().policies.remove(find(rc).getString("id"));
      responses.noContent(rc);
    });
  }

  private void create(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(CaPermissions.WRITE);
    JsonObject body = responses.body(rc);
    JsonObject policy = PolicyBodies.shape(UUID.randomUUID().toString(), ctx.clock().instant());
    PolicyBodies.checkProperties(body, policy);
    PolicyBodies.checkCreate(body);
    WriteBodies.merge(policy, body);
    PolicyBodies.checkComplete(policy);
    ctx.state().policies.put(policy);
    responses.created(rc, new JsonObject().put("@odata.context", responses.context(SET + "/$entity"))
        .mergeIn(policy.copy()));
  }

  private void update(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(CaPermissions.WRITE);
    JsonObject current = find(rc);
    JsonObject body = responses.body(rc);
    JsonObject next = current.copy();
    PolicyBodies.checkProperties(body, PolicyBodies.shape(current.getString("id"), ctx.clock().instant()));
    WriteBodies.merge(next, body);
    PolicyBodies.checkComplete(next);
    next.put("modifiedDateTime", ctx.clock().instant().toString());
    ctx.state().policies.put(next);
    responses.noContent(rc);
  }

  private JsonObject find(RoutingContext rc) {
    String id = rc.pathParam("id");
    return ctx.state().policies.find(id).orElseThrow(() -> GraphError.notFound(id));
  }

  private static List<String> properties() {
    return List.copyOf(PolicyBodies.shape("", java.time.Instant.EPOCH).fieldNames());
  }
}
