package io.sallyport.devtenant.control;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.sallyport.devtenant.state.Group;
import io.sallyport.devtenant.state.GroupInstance;
import io.sallyport.devtenant.state.GroupPolicy;
import io.sallyport.devtenant.state.RoleDefinition;
import io.sallyport.devtenant.state.RoleInstance;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * PIM shortcuts: activate an eligible role or group membership as the user would (without the MFA,
 * justification, ticket and approval checks the Graph request enforces, which is the point of a
 * test shortcut), end active instances now, and approve a pending request. Activations are recorded
 * as Graph schedule requests and instances, so Graph serves them like self-activations.
 */
final class PimControl {

  private final Context ctx;
  private final Lookup lookup;

  PimControl(Context ctx, Lookup lookup) {
    this.ctx = ctx;
    this.lookup = lookup;
  }

  void activateRole(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "role", "duration", "scope");
    User user = lookup.user(b.requiredString("user"));
    RoleDefinition role = lookup.role(b.requiredString("role"));
    String scope = b.has("scope") ? b.string("scope") : "/";
    Instant now = ctx.clock().instant();
    boolean eligible = !ctx.state().roleInstances.where(i -> i.kind().equals("eligible")
        && i.principalId().equalsIgnoreCase(user.id()) && i.roleDefinitionId().equalsIgnoreCase(role.id())
        && i.directoryScopeId().equals(scope) && i.currentAt(now)).isEmpty();
    if (!eligible) {
      throw ControlError.conflict("not_eligible", user.upn() + " has no current eligibility for role \""
          + role.displayName() + "\" at scope \"" + scope + "\"");
    }
    if (!activeRoles(user, role, now).isEmpty()) {
      throw ControlError.conflict("already_active", user.upn() + " already has role \"" + role.displayName()
          + "\" active until " + activeRoles(user, role, now).get(0).end());
    }
    Duration duration = duration(b, role.policy(), "role \"" + role.displayName() + "\"");
    String requestId = UUID.randomUUID().toString();
    RoleInstance instance = new RoleInstance(requestId, "active", user.id(), role.id(), scope, now, now.plus(duration),
        "Activated", "Direct", requestId);
    ctx.state().roleInstances.put(instance);
    JsonObject request = request(requestId, user, now, duration).put("principalId", user.id())
        .put("roleDefinitionId", role.id()).put("directoryScopeId", scope).putNull("appScopeId")
        .put("targetScheduleId", requestId);
    ctx.state().roleRequests.put(request);
    Replies.ok(rc, new JsonObject().put("requestId", requestId).put("instanceId", instance.id())
        .put("principalId", user.id()).put("roleDefinitionId", role.id()).put("directoryScopeId", scope)
        .put("startDateTime", now.toString()).put("endDateTime", instance.end().toString()));
  }

  void endRole(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "role");
    User user = lookup.user(b.requiredString("user"));
    RoleDefinition role = lookup.role(b.requiredString("role"));
    Instant now = ctx.clock().instant();
    List<RoleInstance> active = activeRoles(user, role, now);
    if (active.isEmpty()) {
      throw ControlError.conflict("not_active", user.upn() + " has no active assignment of role \""
          + role.displayName() + "\" to end");
    }
    active.forEach(i -> ctx.state().roleInstances.update(i.id(), x -> x.endingAt(now)));
    Replies.ok(rc, ended(active.stream().map(RoleInstance::id).toList(), now));
  }

  void activateGroup(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "group", "access", "duration");
    User user = lookup.user(b.requiredString("user"));
    Group group = lookup.group(b.requiredString("group"));
    String access = access(b);
    Instant now = ctx.clock().instant();
    boolean eligible = !ctx.state().groupInstances.where(i -> i.kind().equals("eligible")
        && i.principalId().equalsIgnoreCase(user.id()) && i.groupId().equalsIgnoreCase(group.id())
        && i.accessId().equals(access) && i.currentAt(now)).isEmpty();
    if (!eligible) {
      throw ControlError.conflict("not_eligible", user.upn() + " has no current eligibility for " + access
          + " of group \"" + group.displayName() + "\"");
    }
    List<GroupInstance> active = activeGroups(user, group, access, now);
    if (!active.isEmpty()) {
      throw ControlError.conflict("already_active", user.upn() + " already has " + access + " of group \""
          + group.displayName() + "\" active until " + active.get(0).end());
    }
    ActivationPolicy policy = ctx.state().groupPolicies.find(group.id() + "_" + access).map(GroupPolicy::policy)
        .orElse(ActivationPolicy.DEFAULT);
    Duration duration = duration(b, policy, access + " of group \"" + group.displayName() + "\"");
    String requestId = UUID.randomUUID().toString();
    String scheduleId = group.id() + "_" + access + "_" + requestId;
    GroupInstance instance = new GroupInstance(scheduleId, "active", user.id(), group.id(), access, now,
        now.plus(duration), "Activated", "Direct", scheduleId);
    ctx.state().groupInstances.put(instance);
    ctx.state().groupRequests.put(request(requestId, user, now, duration).put("accessId", access)
        .put("principalId", user.id()).put("groupId", group.id()).put("targetScheduleId", scheduleId));
    Replies.ok(rc, new JsonObject().put("requestId", requestId).put("instanceId", scheduleId)
        .put("principalId", user.id()).put("groupId", group.id()).put("accessId", access)
        .put("startDateTime", now.toString()).put("endDateTime", instance.end().toString()));
  }

  void endGroup(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "group", "access");
    User user = lookup.user(b.requiredString("user"));
    Group group = lookup.group(b.requiredString("group"));
    String access = access(b);
    Instant now = ctx.clock().instant();
    List<GroupInstance> active = activeGroups(user, group, access, now);
    if (active.isEmpty()) {
      throw ControlError.conflict("not_active", user.upn() + " has no active " + access + " of group \""
          + group.displayName() + "\" to end");
    }
    active.forEach(i -> ctx.state().groupInstances.update(i.id(), x -> x.endingAt(now)));
    Replies.ok(rc, ended(active.stream().map(GroupInstance::id).toList(), now));
  }

  private List<RoleInstance> activeRoles(User user, RoleDefinition role, Instant now) {
    return ctx.state().roleInstances.where(i -> i.kind().equals("active") && i.principalId().equalsIgnoreCase(user.id())
        && i.roleDefinitionId().equalsIgnoreCase(role.id()) && i.currentAt(now));
  }

  private List<GroupInstance> activeGroups(User user, Group group, String access, Instant now) {
    return ctx.state().groupInstances.where(i -> i.kind().equals("active")
        && i.principalId().equalsIgnoreCase(user.id()) && i.groupId().equalsIgnoreCase(group.id())
        && i.accessId().equals(access) && i.currentAt(now));
  }

  private static String access(JsonBody b) {
    String access = b.has("access") ? b.string("access") : "member";
    if (!access.equals("member") && !access.equals("owner")) {
      throw JsonBody.invalid("access", "member or owner", access);
    }
    return access;
  }

  private static Duration duration(JsonBody b, ActivationPolicy policy, String what) {
    Duration d = b.has("duration") ? b.duration("duration") : policy.maxActivation();
    if (d.isNegative() || d.isZero()) {
      throw JsonBody.invalid("duration", "a positive ISO-8601 duration", b.string("duration"));
    }
    if (policy.maxActivation() != null && d.compareTo(policy.maxActivation()) > 0) {
      throw ControlError.badRequest("invalid_value", "\"duration\" " + d + " exceeds the maximum activation of "
          + what + ", " + policy.maxActivation());
    }
    return d;
  }

  /** The Graph schedule request a self-activation leaves behind (graph-docs example shapes). */
  static JsonObject request(String id, User user, Instant now, Duration duration) {
    return new JsonObject().put("id", id).put("status", "Provisioned").put("createdDateTime", now.toString())
        .put("completedDateTime", now.toString()).putNull("approvalId").putNull("customData")
        .put("action", "selfActivate").put("isValidationOnly", false).put("justification", "Activated through /_devtenant")
        .put("createdBy", new JsonObject().putNull("application").putNull("device")
            .put("user", new JsonObject().putNull("displayName").put("id", user.id())))
        .put("scheduleInfo", new JsonObject().put("startDateTime", now.toString()).putNull("recurrence")
            .put("expiration", new JsonObject().put("type", "afterDuration").putNull("endDateTime")
                .put("duration", duration.toString())))
        .put("ticketInfo", new JsonObject().putNull("ticketNumber").putNull("ticketSystem"));
  }

  private static JsonObject ended(List<String> ids, Instant at) {
    return new JsonObject().put("ended", new JsonArray(ids)).put("endDateTime", at.toString());
  }
}
