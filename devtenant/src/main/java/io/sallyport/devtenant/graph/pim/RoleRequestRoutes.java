package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /roleManagement/directory/roleAssignmentScheduleRequests}: the {@link ScheduleRequests} of
 * directory roles. A request names a role definition at a directory scope; its principal may be a
 * user or a group, and eligibility held through a group counts for its members.
 */
final class RoleRequestRoutes {

  private static final String PATH = RoleInstanceRoutes.BASE + "roleAssignmentScheduleRequests";
  private static final String[] WRITE = {"RoleAssignmentSchedule.ReadWrite.Directory",
      "RoleManagement.ReadWrite.Directory"};
  private static final String[] READ = {"RoleAssignmentSchedule.Read.Directory",
      "RoleAssignmentSchedule.ReadWrite.Directory", "RoleManagement.Read.Directory", "RoleManagement.Read.All",
      "RoleManagement.ReadWrite.Directory"};

  private final Context ctx;
  private final GraphResponses responses;
  private final PimActions actions;

  RoleRequestRoutes(Context ctx, GraphResponses responses, PimActions actions) {
    this.ctx = ctx;
    this.responses = responses;
    this.actions = actions;
  }

  void mount(Router graph) {
    var spec = new PimCollection.Spec(PATH, PimJson.ROLE_REQUEST_TYPE, PimJson.ROLE_REQUEST_PROPERTIES,
        ScheduleRequests.filterable(PimJson.ROLE_REQUEST_PROPERTIES), READ);
    new ScheduleRequests(ctx, responses, actions, spec, WRITE, ctx.state().roleRequests,
        new PimAccess.DirectoryReaders(ctx), this::target).mount(graph);
  }

  private PimTarget target(JsonObject body, String principalId) {
    String roleId = RequestParts.required(body, "roleDefinitionId");
    return new Role(ctx, actions, principalId, roleId, scope(body));
  }

  private static String scope(JsonObject body) {
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

  private record Role(Context ctx, PimActions actions, String principalId, String roleId, String scope)
      implements PimTarget {

    @Override
    public void requireExists() {
      ctx.state().roles.find(roleId).orElseThrow(() -> new GraphError(400, "InvalidRoleAssignmentRequest",
          "The role assignment request is invalid: role definition '" + roleId + "' does not exist."));
    }

    @Override
    public ActivationPolicy policy() {
      return actions.rolePolicy(roleId);
    }

    @Override
    public String scheduleId(String requestId) {
      return requestId;
    }

    @Override
    public String grantedStatus() {
      return "Granted";
    }

    @Override
    public boolean eligible() {
      return actions.roleEligibility(principalId, roleId, scope).isPresent();
    }

    @Override
    public Optional<Active> active() {
      return actions.roleAssignment(principalId, roleId, scope)
          .map(i -> new Active(i.assignmentType(), i.scheduleId()));
    }

    @Override
    public void put(Instant start, Instant end, String assignmentType, String scheduleId) {
      actions.putRole(principalId, roleId, scope, start, end, assignmentType, scheduleId);
    }

    @Override
    public void end(String assignmentType) {
      actions.endRole(principalId, roleId, scope, assignmentType);
    }

    /** A role may be assigned to a group as well as to a user. */
    @Override
    public boolean principalExists() {
      return ctx.state().users.find(principalId).isPresent() || ctx.state().groups.find(principalId).isPresent();
    }

    @Override
    public boolean sameTarget(JsonObject request) {
      return roleId.equalsIgnoreCase(request.getString("roleDefinitionId"))
          && scope.equals(request.getString("directoryScopeId"));
    }

    /** graph-docs' unifiedRoleAssignmentScheduleRequest; a granted activation completes when it starts. */
    @Override
    public JsonObject json(Outcome o) {
      return new JsonObject().put("id", o.id()).put("status", o.status())
          .put("createdDateTime", o.now().toString())
          .put("completedDateTime", o.pending() ? null
              : (o.status().equals("Granted") ? o.start() : o.now()).toString())
          .put("approvalId", o.approvalId()).putNull("customData")
          .put("action", o.action()).put("principalId", principalId).put("roleDefinitionId", roleId)
          .put("directoryScopeId", scope).putNull("appScopeId").put("isValidationOnly", o.validationOnly())
          .put("targetScheduleId", o.targetScheduleId()).put("justification", RequestParts.justification(o.body()))
          .put("createdBy", RequestParts.createdBy(o.caller())).put("scheduleInfo", o.schedule().json(o.start()))
          .put("ticketInfo", RequestParts.ticketInfo(o.body()));
    }
  }
}
