package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /identityGovernance/privilegedAccess/group/assignmentScheduleRequests}: the {@link
 * ScheduleRequests} of PIM for Groups, with the same rules as directory roles, taken from the group's
 * policy ({@code ActivationPolicy.DEFAULT} when the scenario sets none). An activated membership counts
 * at once for group membership ({@code TenantState.directGroups}). Bodies follow graph-docs Example 2,
 * with {@code @odata.context} where the doc mistakenly writes {@code @odata.type}.
 */
final class GroupRequestRoutes {

  private static final String PATH = GroupInstanceRoutes.BASE + "assignmentScheduleRequests";
  private static final String[] WRITE = {"PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup",
      "PrivilegedAccess.ReadWrite.AzureADGroup"};
  private static final String[] READ = {"PrivilegedAssignmentSchedule.Read.AzureADGroup",
      "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "PrivilegedAccess.Read.AzureADGroup",
      "PrivilegedAccess.ReadWrite.AzureADGroup"};

  private final Context ctx;
  private final GraphResponses responses;
  private final PimActions actions;

  GroupRequestRoutes(Context ctx, GraphResponses responses, PimActions actions) {
    this.ctx = ctx;
    this.responses = responses;
    this.actions = actions;
  }

  void mount(Router graph) {
    var spec = new PimCollection.Spec(PATH, PimJson.GROUP_REQUEST_TYPE, PimJson.GROUP_REQUEST_PROPERTIES,
        ScheduleRequests.filterable(PimJson.GROUP_REQUEST_PROPERTIES), READ);
    new ScheduleRequests(ctx, responses, actions, spec, WRITE, ctx.state().groupRequests,
        new PimAccess.GroupOrPrincipalFilter(), this::target).mount(graph);
  }

  private PimTarget target(JsonObject body, String principalId) {
    String groupId = RequestParts.required(body, "groupId");
    String accessId = RequestParts.required(body, "accessId");
    if (!accessId.equals("member") && !accessId.equals("owner")) {
      throw new GraphError(400, "BadRequest", "Requested value '" + accessId + "' was not found.");
    }
    return new Group(ctx, actions, principalId, groupId, accessId);
  }

  private record Group(Context ctx, PimActions actions, String principalId, String groupId, String accessId)
      implements PimTarget {

    @Override
    public void requireExists() {
      ctx.state().groups.find(groupId).orElseThrow(() -> new GraphError(400, "InvalidRoleAssignmentRequest",
          "The role assignment request is invalid: group '" + groupId + "' does not exist."));
    }

    @Override
    public ActivationPolicy policy() {
      return actions.groupPolicy(groupId, accessId);
    }

    /** Group schedule ids name the group and the access, as Entra's do. */
    @Override
    public String scheduleId(String requestId) {
      return groupId + "_" + accessId + "_" + requestId;
    }

    @Override
    public String grantedStatus() {
      return "Provisioned";
    }

    @Override
    public boolean eligible() {
      return actions.groupInstance("eligible", principalId, groupId, accessId).isPresent();
    }

    @Override
    public Optional<Active> active() {
      return actions.groupInstance("active", principalId, groupId, accessId)
          .map(i -> new Active(i.assignmentType(), i.scheduleId()));
    }

    @Override
    public void put(Instant start, Instant end, String assignmentType, String scheduleId) {
      actions.putGroup(principalId, groupId, accessId, start, end, assignmentType, scheduleId);
    }

    @Override
    public void end(String assignmentType) {
      actions.endGroup(principalId, groupId, accessId, assignmentType);
    }

    /** PIM for Groups assigns users only. */
    @Override
    public boolean principalExists() {
      return ctx.state().users.find(principalId).isPresent();
    }

    @Override
    public boolean sameTarget(JsonObject request) {
      return groupId.equalsIgnoreCase(request.getString("groupId")) && accessId.equals(request.getString("accessId"));
    }

    /** graph-docs Example 2's shape: a compact createdBy and requestSchedule, completed when answered. */
    @Override
    public JsonObject json(Outcome o) {
      return new JsonObject().put("id", o.id()).put("status", o.status())
          .put("completedDateTime", o.pending() ? null : o.now().toString())
          .put("createdDateTime", o.now().toString()).put("approvalId", o.approvalId())
          .putNull("customData").put("createdBy", createdBy(o.caller())).put("action", o.action())
          .put("isValidationOnly", o.validationOnly()).put("justification", RequestParts.justification(o.body()))
          .put("scheduleInfo", scheduleJson(o.schedule(), o.start()))
          .put("ticketInfo", RequestParts.ticketInfo(o.body()))
          .put("accessId", accessId).put("principalId", principalId).put("groupId", groupId)
          .put("targetScheduleId", o.targetScheduleId());
    }

    private static JsonObject createdBy(GraphCaller caller) {
      return caller.delegated() ? new JsonObject().put("user", new JsonObject().put("id", caller.userId()))
          : new JsonObject().put("application", new JsonObject().put("id", caller.appId()));
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
  }
}
