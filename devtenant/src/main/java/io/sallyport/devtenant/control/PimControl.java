package io.sallyport.devtenant.control;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.pim.PimActions;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.sallyport.devtenant.state.Group;
import io.sallyport.devtenant.state.GroupInstance;
import io.sallyport.devtenant.state.RoleDefinition;
import io.sallyport.devtenant.state.RoleInstance;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * PIM shortcuts over {@link PimActions} (the same state changes Graph's request endpoints make):
 * activate an eligible role or group membership as the user would, but without the MFA,
 * justification, ticket and approval rules a Graph request must pass (the point of a test
 * shortcut); end active instances now; approve or deny a pending request as an approver.
 */
final class PimControl {

  private final Lookup lookup;
  private final PimActions pim;

  PimControl(Context ctx, Lookup lookup) {
    this.lookup = lookup;
    this.pim = new PimActions(ctx.state());
  }

  void activateRole(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "role", "duration", "scope");
    User user = lookup.user(b.requiredString("user"));
    RoleDefinition role = lookup.role(b.requiredString("role"));
    String scope = b.has("scope") ? b.string("scope") : "/";
    if (pim.roleEligibility(user.id(), role.id(), scope).isEmpty()) {
      throw ControlError.conflict("not_eligible", user.upn() + " has no current eligibility for role \""
          + role.displayName() + "\" at scope \"" + scope + "\"");
    }
    pim.roleAssignment(user.id(), role.id(), scope).ifPresent(a -> {
      throw ControlError.conflict("already_active", user.upn() + " already has role \"" + role.displayName()
          + "\" active" + (a.end() == null ? " (permanently assigned)" : " until " + a.end()));
    });
    Duration duration = duration(b, pim.rolePolicy(role.id()), "role \"" + role.displayName() + "\"");
    RoleInstance i = pim.activateRole(user.id(), role.id(), scope, duration);
    Replies.ok(rc, new JsonObject().put("instanceId", i.id()).put("scheduleId", i.scheduleId())
        .put("principalId", i.principalId()).put("roleDefinitionId", i.roleDefinitionId())
        .put("directoryScopeId", i.directoryScopeId()).put("assignmentType", i.assignmentType())
        .put("startDateTime", i.start().toString()).put("endDateTime", i.end().toString()));
  }

  void endRole(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "role", "scope");
    User user = lookup.user(b.requiredString("user"));
    RoleDefinition role = lookup.role(b.requiredString("role"));
    String scope = b.has("scope") ? b.string("scope") : "/";
    List<RoleInstance> ended = pim.endRole(user.id(), role.id(), scope, null);
    if (ended.isEmpty()) {
      throw ControlError.conflict("not_active", user.upn() + " has no active assignment of role \""
          + role.displayName() + "\" at scope \"" + scope + "\" to end");
    }
    Replies.ok(rc, ended(ended.stream().map(RoleInstance::id).toList(), ended.get(0).end()));
  }

  void activateGroup(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "group", "access", "duration");
    User user = lookup.user(b.requiredString("user"));
    Group group = lookup.group(b.requiredString("group"));
    String access = access(b);
    String what = access + " of group \"" + group.displayName() + "\"";
    if (pim.groupInstance("eligible", user.id(), group.id(), access).isEmpty()) {
      throw ControlError.conflict("not_eligible", user.upn() + " has no current eligibility for " + what);
    }
    pim.groupInstance("active", user.id(), group.id(), access).ifPresent(a -> {
      throw ControlError.conflict("already_active", user.upn() + " already has " + what + " active"
          + (a.end() == null ? " (permanently assigned)" : " until " + a.end()));
    });
    Duration duration = duration(b, pim.groupPolicy(group.id(), access), what);
    GroupInstance i = pim.activateGroup(user.id(), group.id(), access, duration);
    Replies.ok(rc, new JsonObject().put("instanceId", i.id()).put("scheduleId", i.scheduleId())
        .put("principalId", i.principalId()).put("groupId", i.groupId()).put("accessId", i.accessId())
        .put("assignmentType", i.assignmentType()).put("startDateTime", i.start().toString())
        .put("endDateTime", i.end().toString()));
  }

  void endGroup(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "group", "access");
    User user = lookup.user(b.requiredString("user"));
    Group group = lookup.group(b.requiredString("group"));
    String access = access(b);
    List<GroupInstance> ended = pim.endGroup(user.id(), group.id(), access, null);
    if (ended.isEmpty()) {
      throw ControlError.conflict("not_active", user.upn() + " has no active " + access + " of group \""
          + group.displayName() + "\" to end");
    }
    Replies.ok(rc, ended(ended.stream().map(GroupInstance::id).toList(), ended.get(0).end()));
  }

  void approve(RoutingContext rc) {
    decide(rc, () -> pim.approve(rc.pathParam("id")));
  }

  void deny(RoutingContext rc) {
    decide(rc, () -> pim.deny(rc.pathParam("id")));
  }

  private void decide(RoutingContext rc, Supplier<JsonObject> decision) {
    JsonBody.of(rc, true);
    String id = rc.pathParam("id");
    try {
      Replies.ok(rc, decision.get());
    } catch (GraphError e) {
      if (e.status() == 404) {
        throw ControlError.notFound("request_not_found", "no PIM role or group assignment request \"" + id + "\"");
      }
      throw ControlError.conflict("not_pending", e.getMessage());
    }
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

  private static JsonObject ended(List<String> ids, Instant at) {
    return new JsonObject().put("ended", new JsonArray(ids)).put("endDateTime", at.toString());
  }
}
