package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.sallyport.devtenant.state.RoleInstance;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /roleManagement/directory/roleAssignmentScheduleRequests}: create (selfActivate,
 * selfDeactivate, adminAssign, adminRemove, with PIM's rules), list, get, filterByCurrentUser and
 * cancel. Every request, whatever its outcome, is kept as Graph JSON in {@code state.roleRequests};
 * a validation-only request is answered but not kept, as nothing was requested.
 */
final class RoleRequestRoutes {

  private static final String PATH = RoleInstanceRoutes.BASE + "roleAssignmentScheduleRequests";
  private static final String CONTEXT = "roleManagement/directory/roleAssignmentScheduleRequests";
  private static final String[] WRITE = {"RoleAssignmentSchedule.ReadWrite.Directory",
      "RoleManagement.ReadWrite.Directory"};
  private static final String[] READ = {"RoleAssignmentSchedule.Read.Directory",
      "RoleAssignmentSchedule.ReadWrite.Directory", "RoleManagement.Read.Directory", "RoleManagement.Read.All",
      "RoleManagement.ReadWrite.Directory"};
  private static final List<String> FILTERABLE = concat(PimJson.ROLE_REQUEST_PROPERTIES, "createdBy/user/id",
      "createdBy/application/id");

  private final Context ctx;
  private final GraphResponses responses;
  private final PimActions actions;

  RoleRequestRoutes(Context ctx, GraphResponses responses, PimActions actions) {
    this.ctx = ctx;
    this.responses = responses;
    this.actions = actions;
  }

  void mount(Router graph) {
    graph.post(PATH).handler(this::create);
    graph.get(PATH).handler(this::list);
    graph.get(PATH + "/:id").handler(this::one);
    graph.post(PATH + "/:id/cancel").handler(this::cancel);
  }

  private void create(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(WRITE);
    JsonObject body = responses.body(rc);
    String action = RequestParts.action(body);
    String principalId = RequestParts.required(body, "principalId");
    String roleId = RequestParts.required(body, "roleDefinitionId");
    String scope = scope(body);
    boolean validationOnly = RequestParts.validationOnly(body);
    ctx.state().roles.find(roleId).orElseThrow(() -> new GraphError(400, "InvalidRoleAssignmentRequest",
        "The role assignment request is invalid: role definition '" + roleId + "' does not exist."));
    Instant now = ctx.clock().instant();
    ScheduleInfo schedule = ScheduleInfo.parse(body, now);
    Instant start = schedule.startAt(now);
    String id = UUID.randomUUID().toString();
    ActivationPolicy policy = actions.rolePolicy(roleId);
    String status;
    String target = id;
    switch (action) {
      case "selfActivate" -> {
        RequestParts.requireSelf(caller, action, principalId);
        if (actions.roleEligibility(principalId, roleId, scope).isEmpty()) {
          throw ActivationRules.policyFailed(List.of("EligibilityRule"));
        }
        requireNotActive(principalId, roleId, scope);
        requireNoPending(principalId, roleId, scope);
        ActivationRules.enforce(policy, caller, body, schedule, start);
        status = policy.requireApproval() ? "PendingApproval" : "Granted";
        if (!validationOnly && !policy.requireApproval()) {
          actions.putRole(principalId, roleId, scope, start, schedule.endFrom(start, policy.maxActivation()),
              "Activated", id);
        }
      }
      case "selfDeactivate" -> {
        RequestParts.requireSelf(caller, action, principalId);
        target = end(principalId, roleId, scope, "Activated", validationOnly);
        status = "Revoked";
      }
      case "adminAssign" -> {
        if (ctx.state().users.find(principalId).isEmpty() && ctx.state().groups.find(principalId).isEmpty()) {
          throw new GraphError(400, "InvalidRoleAssignmentRequest", "The role assignment request is invalid: "
              + "principal '" + principalId + "' does not exist.");
        }
        requireNotActive(principalId, roleId, scope);
        status = "Provisioned";
        if (!validationOnly) {
          actions.putRole(principalId, roleId, scope, start, schedule.endFrom(start, null), "Assigned", id);
        }
      }
      default -> { // adminRemove
        target = end(principalId, roleId, scope, null, validationOnly);
        status = "Revoked";
      }
    }
    JsonObject request = new JsonObject().put("id", id).put("status", status)
        .put("createdDateTime", now.toString())
        .put("completedDateTime", status.equals("PendingApproval") ? null
            : (status.equals("Granted") ? start : now).toString())
        .put("approvalId", status.equals("PendingApproval") ? id : null).putNull("customData")
        .put("action", action).put("principalId", principalId).put("roleDefinitionId", roleId)
        .put("directoryScopeId", scope).putNull("appScopeId").put("isValidationOnly", validationOnly)
        .put("targetScheduleId", target).put("justification", RequestParts.justification(body))
        .put("createdBy", RequestParts.createdBy(caller)).put("scheduleInfo", schedule.json(start))
        .put("ticketInfo", RequestParts.ticketInfo(body));
    if (!validationOnly) {
      ctx.state().roleRequests.put(request);
    }
    responses.created(rc, entity(request));
  }

  private String scope(JsonObject body) {
    Object dir = body.getValue("directoryScopeId");
    if (dir == null && body.getValue("appScopeId") != null) {
      throw new GraphError(400, "InvalidRoleAssignmentRequest", "The role assignment request is invalid: "
          + "devtenant supports directory scopes only, not appScopeId '" + body.getValue("appScopeId") + "'.");
    }
    if (dir == null) {
      throw new GraphError(400, "InvalidRoleAssignmentRequest", "The role assignment request is invalid: "
          + "either directoryScopeId or appScopeId is required.");
    }
    return String.valueOf(dir);
  }

  private void requireNotActive(String principalId, String roleId, String scope) {
    if (actions.roleAssignment(principalId, roleId, scope).isPresent()) {
      throw new GraphError(400, "RoleAssignmentExists", "Role assignment already exists.");
    }
  }

  private void requireNoPending(String principalId, String roleId, String scope) {
    boolean pending = !ctx.state().roleRequests.where(r -> "PendingApproval".equals(r.getString("status"))
        && principalId.equalsIgnoreCase(r.getString("principalId"))
        && roleId.equalsIgnoreCase(r.getString("roleDefinitionId")) && scope.equals(r.getString("directoryScopeId")))
        .isEmpty();
    if (pending) {
      throw new GraphError(400, "PendingRoleAssignmentRequest",
          "There is already an existing pending Role assignment request.");
    }
  }

  /** Ends the active instances (or only checks, for validation); the first one's schedule is the target. */
  private String end(String principalId, String roleId, String scope, String type, boolean validationOnly) {
    Optional<RoleInstance> active = actions.roleAssignment(principalId, roleId, scope)
        .filter(i -> type == null || type.equals(i.assignmentType()));
    if (active.isEmpty()) {
      throw new GraphError(400, "RoleAssignmentDoesNotExist", "The Role assignment does not exist.");
    }
    if (!validationOnly) {
      actions.endRole(principalId, roleId, scope, type);
    }
    return active.get().scheduleId();
  }

  private void list(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(READ);
    var query = Listing.query(rc);
    RoleInstanceRoutes.requireTenantReader(caller, ctx);
    responses.ok(rc, Listing.page(responses, rc, responses.context(CONTEXT), query, ctx.state().roleRequests.all(),
        PimJson.ROLE_REQUEST_TYPE, PimJson.ROLE_REQUEST_PROPERTIES, FILTERABLE));
  }

  private void one(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(READ);
    String id = rc.pathParam("id");
    Optional<String> on = Listing.currentUserFunction(id);
    if (on.isPresent()) {
      String user = caller.requireUser();
      Listing.requireOn(on.get(), "principal");
      var query = Listing.query(rc);
      List<JsonObject> mine = ctx.state().roleRequests.where(r -> user.equalsIgnoreCase(r.getString("principalId")))
          .stream().map(r -> PimJson.typed(r, PimJson.ROLE_REQUEST_TYPE)).toList();
      responses.ok(rc, Listing.page(responses, rc, responses.context("Collection("
          + RoleInstanceRoutes.shortName(PimJson.ROLE_REQUEST_TYPE) + ")"), query, mine, PimJson.ROLE_REQUEST_TYPE,
          PimJson.ROLE_REQUEST_PROPERTIES, FILTERABLE));
      return;
    }
    JsonObject request = ctx.state().roleRequests.find(id).orElseThrow(() -> GraphError.notFound(id));
    if (!(caller.delegated() && caller.userId().equalsIgnoreCase(request.getString("principalId")))) {
      RoleInstanceRoutes.requireTenantReader(caller, ctx);
    }
    responses.ok(rc, entity(request));
  }

  /** Only a request still waiting for approval can be canceled, by its principal or an app that may write. */
  private void cancel(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(WRITE);
    String id = rc.pathParam("id");
    JsonObject request = ctx.state().roleRequests.find(id).orElseThrow(() -> GraphError.notFound(id));
    if (caller.delegated() && !caller.userId().equalsIgnoreCase(request.getString("principalId"))) {
      throw GraphError.forbidden();
    }
    actions.cancel(id);
    responses.noContent(rc);
  }

  private JsonObject entity(JsonObject request) {
    return new JsonObject().put("@odata.context", responses.context(CONTEXT + "/$entity")).mergeIn(request);
  }

  static List<String> concat(List<String> a, String... more) {
    return java.util.stream.Stream.concat(a.stream(), java.util.stream.Stream.of(more)).toList();
  }
}
