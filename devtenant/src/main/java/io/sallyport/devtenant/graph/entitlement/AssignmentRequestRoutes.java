package io.sallyport.devtenant.graph.entitlement;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.graph.odata.ODataSelect;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.AccessPackage;
import io.sallyport.devtenant.state.PackageAssignment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /identityGovernance/entitlementManagement/assignmentRequests}: adminAdd and adminRemove,
 * list and get. The 201 answers with v1.0's names ({@code state: submitted}, {@code status: Accepted});
 * devtenant then delivers at once, so the stored request (what GET returns) reads delivered and the
 * assignment is already there. Request bodies are read as Graph's examples write them:
 * {@code assignment} or {@code accessPackageAssignment}, any casing of {@code requestType}.
 */
final class AssignmentRequestRoutes {

  private static final String PATH = EntitlementRoutes.BASE + "assignmentRequests";
  private static final String CONTEXT = "identityGovernance/entitlementManagement/assignmentRequests";
  private static final Set<String> NAVIGATION = Set.of("assignment", "accessPackage");
  private static final List<String> FILTERABLE = List.of("id", "requestType", "state", "status", "createdDateTime",
      "completedDateTime", "assignment/id", "accessPackage/id");

  private final Context ctx;
  private final GraphResponses responses;
  private final EntitlementActions actions;

  AssignmentRequestRoutes(Context ctx, GraphResponses responses, EntitlementActions actions) {
    this.ctx = ctx;
    this.responses = responses;
    this.actions = actions;
  }

  void mount(Router graph) {
    graph.post(PATH).handler(this::create);
    graph.get(PATH).handler(this::list);
    graph.get(PATH + "/:id").handler(this::one);
  }

  private void create(RoutingContext rc) {
    GraphCaller.from(rc).requireAny("EntitlementManagement.ReadWrite.All");
    JsonObject body = responses.body(rc);
    String type = requestType(body);
    JsonObject assignment = body.getValue("assignment") instanceof JsonObject a ? a
        : body.getValue("accessPackageAssignment") instanceof JsonObject b ? b : null;
    if (assignment == null) {
      throw new GraphError(400, "BadRequest", "The request must carry an 'assignment' object.");
    }
    Instant now = ctx.clock().instant();
    PackageAssignment result = type.equals("adminAdd") ? add(assignment, body, now) : remove(assignment);
    String id = UUID.randomUUID().toString();
    JsonObject stored = new JsonObject().put("id", id).put("requestType", type).put("state", "delivered")
        .put("status", "Delivered").put("createdDateTime", now.toString()).put("completedDateTime", now.toString())
        .put("justification", body.getValue("justification") == null ? null : String.valueOf(body.getValue(
            "justification")))
        .put("schedule", EntitlementJson.schedule(result.start(), result.end())).put("answers", new JsonArray())
        .put("assignment", new JsonObject().put("id", result.id()))
        .put("accessPackage", new JsonObject().put("id", result.packageId()));
    ctx.state().packageRequests.put(stored);
    JsonObject answer = stored.copy().put("state", "submitted").put("status", "Accepted").putNull("completedDateTime");
    answer.remove("assignment");
    answer.remove("accessPackage");
    responses.created(rc, new JsonObject().put("@odata.context",
        responses.context("accessPackageAssignmentRequests/$entity")).mergeIn(answer));
  }

  private static String requestType(JsonObject body) {
    Object raw = body.getValue("requestType");
    if (raw == null) {
      throw new GraphError(400, "BadRequest", "The request must carry a 'requestType'.");
    }
    String v = String.valueOf(raw);
    for (String t : List.of("adminAdd", "adminRemove")) {
      if (t.equalsIgnoreCase(v)) {
        return t;
      }
    }
    throw new GraphError(400, "BadRequest", "requestType '" + v + "' is not supported by devtenant; "
        + "supported: adminAdd, adminRemove.");
  }

  private PackageAssignment add(JsonObject assignment, JsonObject body, Instant now) {
    String packageId = field(assignment, "accessPackageId");
    String policyId = field(assignment, "assignmentPolicyId");
    String targetId = field(assignment, "targetId");
    AccessPackage p = ctx.state().accessPackages.find(packageId).orElseThrow(() -> new GraphError(404,
        "ResourceNotFound", "Access package '" + packageId + "' was not found."));
    if (!p.policyId().equalsIgnoreCase(policyId)) {
      throw new GraphError(400, "BadRequest", "Assignment policy '" + policyId + "' is not a policy of access "
          + "package '" + packageId + "'.");
    }
    if (ctx.state().users.find(targetId).isEmpty()) {
      throw new GraphError(404, "ResourceNotFound", "Target '" + targetId + "' was not found in the directory.");
    }
    actions.delivered(packageId, targetId).ifPresent(a -> {
      throw new GraphError(400, "BadRequest", "Target '" + targetId + "' already has a delivered assignment '"
          + a.id() + "' to access package '" + packageId + "'.");
    });
    return actions.assign(packageId, targetId, end(body, now));
  }

  /** The request's {@code schedule.expiration}: an endDateTime, a duration, or none (no expiration). */
  private static Instant end(JsonObject body, Instant now) {
    if (!(body.getValue("schedule") instanceof JsonObject s) || !(s.getValue("expiration") instanceof JsonObject e)) {
      return null;
    }
    try {
      if (e.getValue("endDateTime") != null) {
        return OffsetDateTime.parse(String.valueOf(e.getValue("endDateTime"))).toInstant();
      }
      if (e.getValue("duration") != null) {
        return now.plus(java.time.Duration.parse(String.valueOf(e.getValue("duration"))));
      }
    } catch (DateTimeParseException ex) {
      throw new GraphError(400, "BadRequest", "Invalid schedule expiration: " + e.encode());
    }
    return null;
  }

  private PackageAssignment remove(JsonObject assignment) {
    String id = field(assignment, "id");
    PackageAssignment current = ctx.state().packageAssignments.find(id).orElseThrow(() -> new GraphError(404,
        "ResourceNotFound", "Access package assignment '" + id + "' was not found."));
    if (!current.stateAt(ctx.clock().instant()).equals("delivered")) {
      throw new GraphError(400, "BadRequest", "Access package assignment '" + id + "' is "
          + current.stateAt(ctx.clock().instant()) + "; only a delivered assignment can be removed.");
    }
    return actions.remove(id).orElseThrow();
  }

  private static String field(JsonObject o, String name) {
    Object v = o.getValue(name);
    if (v == null || String.valueOf(v).isBlank()) {
      throw new GraphError(400, "BadRequest", "The assignment must carry '" + name + "'.");
    }
    return String.valueOf(v);
  }

  private void list(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(EntitlementRoutes.READ);
    ODataQuery query = ODataQuery.parse(rc.queryParams(), 100);
    Set<String> expanded = Collections.expand(query, EntitlementJson.REQUEST_TYPE, NAVIGATION);
    List<JsonObject> items = ctx.state().packageRequests.all().stream().map(this::full).toList();
    responses.ok(rc, Collections.page(responses, rc, responses.context(CONTEXT), query, items,
        EntitlementJson.REQUEST_TYPE, EntitlementJson.REQUEST_PROPERTIES, FILTERABLE, NAVIGATION, expanded));
  }

  private void one(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(EntitlementRoutes.READ);
    ODataQuery query = ODataQuery.parse(rc.queryParams(), 1);
    Set<String> expanded = Collections.expand(query, EntitlementJson.REQUEST_TYPE, NAVIGATION);
    ODataSelect select = ODataSelect.of(query.select(), EntitlementJson.REQUEST_TYPE,
        EntitlementJson.REQUEST_PROPERTIES);
    String id = rc.pathParam("id");
    JsonObject request = ctx.state().packageRequests.find(id).orElseThrow(() -> GraphError.notFound(id));
    responses.ok(rc, new JsonObject().put("@odata.context", responses.context(CONTEXT + "/$entity"))
        .mergeIn(Collections.shape(full(request), select, NAVIGATION, expanded)));
  }

  /** The stored request with its assignment and package as they read now, for $expand. */
  private JsonObject full(JsonObject stored) {
    JsonObject item = stored.copy();
    Instant now = ctx.clock().instant();
    ctx.state().packageAssignments.find(stored.getJsonObject("assignment").getString("id"))
        .ifPresent(a -> item.put("assignment", EntitlementJson.assignment(a, now)));
    ctx.state().accessPackages.find(stored.getJsonObject("accessPackage").getString("id"))
        .ifPresent(p -> item.put("accessPackage", EntitlementJson.accessPackage(p)));
    return item;
  }
}
