package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.sallyport.devtenant.state.GroupInstance;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /identityGovernance/privilegedAccess/group/assignmentScheduleRequests}: PIM for Groups
 * requests with the same rules as directory roles, taken from the group's policy ({@code
 * ActivationPolicy.DEFAULT} when the scenario sets none). An activated membership counts at once
 * for group membership ({@code TenantState.directGroups}). Bodies follow graph-docs Example 2,
 * with {@code @odata.context} where the doc mistakenly writes {@code @odata.type}.
 */
final class GroupRequestRoutes {

  private static final String PATH = GroupInstanceRoutes.BASE + "assignmentScheduleRequests";
  private static final String CONTEXT = "identityGovernance/privilegedAccess/group/assignmentScheduleRequests";
  private static final String[] WRITE = {"PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup",
      "PrivilegedAccess.ReadWrite.AzureADGroup"};
  private static final String[] READ = {"PrivilegedAssignmentSchedule.Read.AzureADGroup",
      "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "PrivilegedAccess.Read.AzureADGroup",
      "PrivilegedAccess.ReadWrite.AzureADGroup"};
  private static final List<String> FILTERABLE = RoleRequestRoutes.concat(PimJson.GROUP_REQUEST_PROPERTIES,
      "createdBy/user/id", "createdBy/application/id");

  private final Context ctx;
  private final GraphResponses responses;
  private final PimActions actions;

  GroupRequestRoutes(Context ctx, GraphResponses responses, PimActions actions) {
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
    String groupId = RequestParts.required(body, "groupId");
    String accessId = RequestParts.required(body, "accessId");
    if (!accessId.equals("member") && !accessId.equals("owner")) {
      throw new GraphError(400, "BadRequest", "Requested value '" + accessId + "' was not found.");
    }
    boolean validationOnly = RequestParts.validationOnly(body);
    ctx.state().groups.find(groupId).orElseThrow(() -> new GraphError(400, "InvalidRoleAssignmentRequest",
        "The role assignment request is invalid: group '" + groupId + "' does not exist."));
    Instant now = ctx.clock().instant();
    ScheduleInfo schedule = ScheduleInfo.parse(body, now);
    Instant start = schedule.startAt(now);
    String id = UUID.randomUUID().toString();
    String target = groupId + "_" + accessId + "_" + id;
    ActivationPolicy policy = actions.groupPolicy(groupId, accessId);
    String status;
    switch (action) {
      case "selfActivate" -> {
        RequestParts.requireSelf(caller, action, principalId);
        if (actions.groupInstance("eligible", principalId, groupId, accessId).isEmpty()) {
          throw ActivationRules.policyFailed(List.of("EligibilityRule"));
        }
        requireNotActive(principalId, groupId, accessId);
        requireNoPending(principalId, groupId, accessId);
        ActivationRules.enforce(policy, caller, body, schedule, start);
        status = policy.requireApproval() ? "PendingApproval" : "Provisioned";
        if (!validationOnly && !policy.requireApproval()) {
          actions.putGroup(principalId, groupId, accessId, start, schedule.endFrom(start, policy.maxActivation()),
              "Activated", target);
        }
      }
      case "selfDeactivate" -> {
        RequestParts.requireSelf(caller, action, principalId);
        target = end(principalId, groupId, accessId, "Activated", validationOnly);
        status = "Revoked";
      }
      case "adminAssign" -> {
        if (ctx.state().users.find(principalId).isEmpty()) {
          throw new GraphError(400, "InvalidRoleAssignmentRequest", "The role assignment request is invalid: "
              + "principal '" + principalId + "' does not exist.");
        }
        requireNotActive(principalId, groupId, accessId);
        status = "Provisioned";
        if (!validationOnly) {
          actions.putGroup(principalId, groupId, accessId, start, schedule.endFrom(start, null), "Assigned", target);
        }
      }
      default -> {
        target = end(principalId, groupId, accessId, null, validationOnly);
        status = "Revoked";
      }
    }
    JsonObject createdBy = caller.delegated() ? new JsonObject().put("user", new JsonObject().put("id",
        caller.userId())) : new JsonObject().put("application", new JsonObject().put("id", caller.appId()));
    JsonObject request = new JsonObject().put("id", id).put("status", status)
        .put("completedDateTime", status.equals("PendingApproval") ? null : now.toString())
        .put("createdDateTime", now.toString()).put("approvalId", status.equals("PendingApproval") ? id : null)
        .putNull("customData").put("createdBy", createdBy).put("action", action)
        .put("isValidationOnly", validationOnly).put("justification", RequestParts.justification(body))
        .put("scheduleInfo", scheduleJson(schedule, start)).put("ticketInfo", RequestParts.ticketInfo(body))
        .put("accessId", accessId).put("principalId", principalId).put("groupId", groupId)
        .put("targetScheduleId", target);
    if (!validationOnly) {
      ctx.state().groupRequests.put(request);
    }
    responses.created(rc, entity(request));
  }

  /** The doc's compact requestSchedule: expiration carries only what its type uses. */
  private static JsonObject scheduleJson(ScheduleInfo s, Instant start) {
    JsonObject expiration = new JsonObject().put("type", s.type());
    if (s.endAt() != null) {
      expiration.put("endDateTime", s.endAt().toString());
    }
    if (s.duration() != null) {
      expiration.put("duration", s.duration().toString());
    }
    return new JsonObject().put("startDateTime", start.toString()).put("expiration", expiration);
  }

  private void requireNotActive(String principalId, String groupId, String accessId) {
    if (actions.groupInstance("active", principalId, groupId, accessId).isPresent()) {
      throw new GraphError(400, "RoleAssignmentExists", "Role assignment already exists.");
    }
  }

  private void requireNoPending(String principalId, String groupId, String accessId) {
    if (!ctx.state().groupRequests.where(r -> "PendingApproval".equals(r.getString("status"))
        && principalId.equalsIgnoreCase(r.getString("principalId")) && groupId.equalsIgnoreCase(r.getString("groupId"))
        && accessId.equals(r.getString("accessId"))).isEmpty()) {
      throw new GraphError(400, "PendingRoleAssignmentRequest",
          "There is already an existing pending Role assignment request.");
    }
  }

  private String end(String principalId, String groupId, String accessId, String type, boolean validationOnly) {
    Optional<GroupInstance> active = actions.groupInstance("active", principalId, groupId, accessId)
        .filter(i -> type == null || type.equals(i.assignmentType()));
    if (active.isEmpty()) {
      throw new GraphError(400, "RoleAssignmentDoesNotExist", "The Role assignment does not exist.");
    }
    if (!validationOnly) {
      actions.endGroup(principalId, groupId, accessId, type);
    }
    return active.get().scheduleId();
  }

  private void list(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(READ);
    var query = Listing.query(rc);
    GroupInstanceRoutes.requireGroupOrPrincipalFilter(query);
    responses.ok(rc, Listing.page(responses, rc, responses.context(CONTEXT), query, ctx.state().groupRequests.all(),
        PimJson.GROUP_REQUEST_TYPE, PimJson.GROUP_REQUEST_PROPERTIES, FILTERABLE));
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
      List<JsonObject> mine = ctx.state().groupRequests.where(r -> user.equalsIgnoreCase(r.getString("principalId")))
          .stream().map(r -> PimJson.typed(r, PimJson.GROUP_REQUEST_TYPE)).toList();
      responses.ok(rc, Listing.page(responses, rc, responses.context("Collection("
          + RoleInstanceRoutes.shortName(PimJson.GROUP_REQUEST_TYPE) + ")"), query, mine, PimJson.GROUP_REQUEST_TYPE,
          PimJson.GROUP_REQUEST_PROPERTIES, FILTERABLE));
      return;
    }
    responses.ok(rc, entity(ctx.state().groupRequests.find(id).orElseThrow(() -> GraphError.notFound(id))));
  }

  private void cancel(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(WRITE);
    String id = rc.pathParam("id");
    JsonObject request = ctx.state().groupRequests.find(id).orElseThrow(() -> GraphError.notFound(id));
    if (caller.delegated() && !caller.userId().equalsIgnoreCase(request.getString("principalId"))) {
      throw GraphError.forbidden();
    }
    actions.cancel(id);
    responses.noContent(rc);
  }

  private JsonObject entity(JsonObject request) {
    return new JsonObject().put("@odata.context", responses.context(CONTEXT + "/$entity")).mergeIn(request);
  }
}
