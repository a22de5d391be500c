package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.sallyport.devtenant.state.GroupInstance;
import io.sallyport.devtenant.state.GroupPolicy;
import io.sallyport.devtenant.state.RoleDefinition;
import io.sallyport.devtenant.state.RoleInstance;
import io.sallyport.devtenant.state.TenantState;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * PIM state changes on {@link TenantState}, judged by the scenario clock: what the Graph request
 * endpoints do once a request passed its rules, and what the control API calls directly (no policy
 * checks there) to activate, end or approve. Instances are never deleted; ending one moves its end
 * to now, so it leaves the instance lists exactly as an expired one does.
 */
public final class PimActions {

  private final TenantState state;

  public PimActions(TenantState state) {
    this.state = state;
  }

  private Instant now() {
    return state.clock().instant();
  }

  // ---- directory roles

  /** A self-activation: an active {@code Activated} instance from now for {@code duration}. */
  public RoleInstance activateRole(String principalId, String roleId, String scope, Duration duration) {
    Instant now = now();
    return putRole(principalId, roleId, scope, now, now.plus(duration), "Activated", UUID.randomUUID().toString());
  }

  /** An admin assignment: an active {@code Assigned} instance over [start, end); end null = permanent. */
  public RoleInstance assignRole(String principalId, String roleId, String scope, Instant start, Instant end) {
    return putRole(principalId, roleId, scope, start, end, "Assigned", UUID.randomUUID().toString());
  }

  RoleInstance putRole(String principalId, String roleId, String scope, Instant start, Instant end, String type,
      String scheduleId) {
    return state.roleInstances.put(new RoleInstance(UUID.randomUUID().toString(), "active", principalId, roleId,
        scope, start, end, type, "Direct", scheduleId));
  }

  /**
   * Ends the principal's current active instances of the role at that scope ({@code assignmentType}
   * Activated or Assigned; null for both) and returns them as ended.
   */
  public List<RoleInstance> endRole(String principalId, String roleId, String scope, String assignmentType) {
    Instant now = now();
    return state.roleInstances.where(i -> i.kind().equals("active") && i.currentAt(now)
            && i.principalId().equalsIgnoreCase(principalId) && i.roleDefinitionId().equalsIgnoreCase(roleId)
            && i.directoryScopeId().equals(scope)
            && (assignmentType == null || assignmentType.equals(i.assignmentType())))
        .stream().map(i -> state.roleInstances.update(i.id(), r -> r.endingAt(now)).orElseThrow()).toList();
  }

  /** The principal's current eligibility for the role, held directly or through a group. */
  public Optional<RoleInstance> roleEligibility(String principalId, String roleId, String scope) {
    return current("eligible", principalId, roleId, scope, true);
  }

  public Optional<RoleInstance> roleAssignment(String principalId, String roleId, String scope) {
    return current("active", principalId, roleId, scope, false);
  }

  private Optional<RoleInstance> current(String kind, String principalId, String roleId, String scope,
      boolean viaGroups) {
    Instant now = now();
    List<String> groups = viaGroups ? state.transitiveGroups(principalId) : List.of();
    return state.roleInstances.where(i -> i.kind().equals(kind) && i.currentAt(now)
        && i.roleDefinitionId().equalsIgnoreCase(roleId) && i.directoryScopeId().equals(scope)
        && (i.principalId().equalsIgnoreCase(principalId) || groups.stream().anyMatch(g -> g.equalsIgnoreCase(
            i.principalId())))).stream().findFirst();
  }

  public ActivationPolicy rolePolicy(String roleId) {
    return state.roles.find(roleId).map(RoleDefinition::policy).orElse(ActivationPolicy.DEFAULT);
  }

  // ---- PIM for Groups

  /** A self-activation of membership or ownership; {@code scheduleId} is also the instance id. */
  public GroupInstance activateGroup(String principalId, String groupId, String accessId, Duration duration) {
    Instant now = now();
    return putGroup(principalId, groupId, accessId, now, now.plus(duration), "Activated",
        groupId + "_" + accessId + "_" + UUID.randomUUID());
  }

  public GroupInstance assignGroup(String principalId, String groupId, String accessId, Instant start, Instant end) {
    return putGroup(principalId, groupId, accessId, start, end, "Assigned",
        groupId + "_" + accessId + "_" + UUID.randomUUID());
  }

  GroupInstance putGroup(String principalId, String groupId, String accessId, Instant start, Instant end,
      String type, String scheduleId) {
    return state.groupInstances.put(new GroupInstance(scheduleId, "active", principalId, groupId, accessId, start,
        end, type, "Direct", scheduleId));
  }

  public List<GroupInstance> endGroup(String principalId, String groupId, String accessId, String assignmentType) {
    Instant now = now();
    return state.groupInstances.where(i -> i.kind().equals("active") && i.currentAt(now)
            && i.principalId().equalsIgnoreCase(principalId) && i.groupId().equalsIgnoreCase(groupId)
            && i.accessId().equals(accessId) && (assignmentType == null || assignmentType.equals(i.assignmentType())))
        .stream().map(i -> state.groupInstances.update(i.id(), g -> g.endingAt(now)).orElseThrow()).toList();
  }

  public Optional<GroupInstance> groupInstance(String kind, String principalId, String groupId, String accessId) {
    Instant now = now();
    return state.groupInstances.where(i -> i.kind().equals(kind) && i.currentAt(now)
        && i.principalId().equalsIgnoreCase(principalId) && i.groupId().equalsIgnoreCase(groupId)
        && i.accessId().equals(accessId)).stream().findFirst();
  }

  public ActivationPolicy groupPolicy(String groupId, String accessId) {
    return state.groupPolicies.find(groupId + "_" + accessId).map(GroupPolicy::policy)
        .orElse(ActivationPolicy.DEFAULT);
  }

  // ---- approvals (PIM's approvers act outside Graph's request API; the control API stands in for them)

  /**
   * Approves a {@code PendingApproval} self-activation (role or group): the activation starts now for
   * the duration it asked for, and the request reads {@code Granted} (roles) or {@code Provisioned}
   * (groups). 404 if there is no such request, 400 if it is not pending.
   */
  public JsonObject approve(String requestId) {
    Instant now = now();
    Optional<JsonObject> role = state.roleRequests.find(requestId);
    JsonObject request = role.or(() -> state.groupRequests.find(requestId))
        .orElseThrow(() -> GraphError.notFound(requestId));
    requirePending(request);
    ScheduleInfo schedule = ScheduleInfo.parse(request, now);
    JsonObject next = request.copy().put("completedDateTime", now.toString());
    if (role.isPresent()) {
      Duration max = rolePolicy(request.getString("roleDefinitionId")).maxActivation();
      putRole(request.getString("principalId"), request.getString("roleDefinitionId"),
          request.getString("directoryScopeId"), now, schedule.endFrom(now, max), "Activated",
          request.getString("targetScheduleId"));
      return state.roleRequests.put(next.put("status", "Granted"));
    }
    Duration max = groupPolicy(request.getString("groupId"), request.getString("accessId")).maxActivation();
    putGroup(request.getString("principalId"), request.getString("groupId"), request.getString("accessId"), now,
        schedule.endFrom(now, max), "Activated", request.getString("targetScheduleId"));
    return state.groupRequests.put(next.put("status", "Provisioned"));
  }

  /** Denies a {@code PendingApproval} request (role or group): status {@code Denied}, nothing activated. */
  public JsonObject deny(String requestId) {
    return finish(requestId, "Denied");
  }

  /** Cancels a {@code PendingApproval} request on its requester's behalf: status {@code Canceled}. */
  public JsonObject cancel(String requestId) {
    return finish(requestId, "Canceled");
  }

  private JsonObject finish(String requestId, String status) {
    Optional<JsonObject> role = state.roleRequests.find(requestId);
    JsonObject request = role.or(() -> state.groupRequests.find(requestId))
        .orElseThrow(() -> GraphError.notFound(requestId));
    requirePending(request);
    JsonObject next = request.copy().put("status", status).put("completedDateTime", now().toString());
    return role.isPresent() ? state.roleRequests.put(next) : state.groupRequests.put(next);
  }

  private static void requirePending(JsonObject request) {
    if (!"PendingApproval".equals(request.getString("status"))) {
      throw new GraphError(400, "InvalidRoleAssignmentRequest", "Request '" + request.getString("id")
          + "' is " + request.getString("status") + ", not PendingApproval.");
    }
  }
}
