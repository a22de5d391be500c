package io.sallyport.devtenant.control;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.state.Acceptance;
import io.sallyport.devtenant.state.AccessPackage;
import io.sallyport.devtenant.state.Agreement;
import io.sallyport.devtenant.state.PackageAssignment;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Terms-of-use acceptances and access-package assignments, set and removed directly: what a user
 * accepting on the ToU page, or an approver delivering a package, would leave in the tenant.
 */
final class GovernanceControl {

  private final Context ctx;
  private final Lookup lookup;

  GovernanceControl(Context ctx, Lookup lookup) {
    this.ctx = ctx;
    this.lookup = lookup;
  }

  void accept(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "agreement", "recorded");
    User user = lookup.user(b.requiredString("user"));
    Agreement agreement = lookup.agreement(b.requiredString("agreement"));
    Instant recorded = b.has("recorded") ? b.instant("recorded") : ctx.clock().instant();
    Acceptance a = new Acceptance(Acceptance.idFor(agreement.id(), user.id()), agreement.id(), user.id(),
        agreement.fileId(), recorded, agreement.expiryFor(recorded), "accepted");
    ctx.state().acceptances.put(a);
    Replies.ok(rc, acceptance(a));
  }

  void withdraw(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "agreement");
    User user = lookup.user(b.requiredString("user"));
    Agreement agreement = lookup.agreement(b.requiredString("agreement"));
    Acceptance removed = ctx.state().acceptances.remove(Acceptance.idFor(agreement.id(), user.id()))
        .orElseThrow(() -> ControlError.notFound("acceptance_not_found", user.upn() + " has no acceptance of \""
            + agreement.displayName() + "\" to remove"));
    Replies.ok(rc, new JsonObject().put("removed", acceptance(removed)));
  }

  void assign(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "package", "end");
    User user = lookup.user(b.requiredString("user"));
    AccessPackage pkg = lookup.accessPackage(b.requiredString("package"));
    Instant now = ctx.clock().instant();
    Instant end = b.instant("end");
    if (end != null && !end.isAfter(now)) {
      throw ControlError.badRequest("invalid_value", "\"end\" must be after the scenario clock's now (" + now
          + "), got \"" + end + "\"");
    }
    List<PackageAssignment> current = delivered(user, pkg, now);
    if (!current.isEmpty()) {
      throw ControlError.conflict("already_assigned", user.upn() + " already has access package \""
          + pkg.displayName() + "\" (assignment " + current.get(0).id() + ")");
    }
    PackageAssignment a = new PackageAssignment(UUID.randomUUID().toString(), pkg.id(), pkg.policyId(), user.id(),
        "delivered", now, end);
    ctx.state().packageAssignments.put(a);
    Replies.ok(rc, assignment(a, now));
  }

  void unassign(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "package");
    User user = lookup.user(b.requiredString("user"));
    AccessPackage pkg = lookup.accessPackage(b.requiredString("package"));
    Instant now = ctx.clock().instant();
    List<PackageAssignment> current = delivered(user, pkg, now);
    if (current.isEmpty()) {
      throw ControlError.notFound("assignment_not_found", user.upn() + " has no delivered assignment of \""
          + pkg.displayName() + "\" to remove");
    }
    // An admin removal ends the assignment: it leaves the list of current assignments, as in Entra.
    current.forEach(a -> ctx.state().packageAssignments.remove(a.id()));
    Replies.ok(rc, new JsonObject().put("removed", current.stream().map(PackageAssignment::id).toList()));
  }

  private List<PackageAssignment> delivered(User user, AccessPackage pkg, Instant now) {
    return ctx.state().packageAssignments.where(a -> a.targetId().equalsIgnoreCase(user.id())
        && a.packageId().equalsIgnoreCase(pkg.id()) && "delivered".equals(a.stateAt(now)));
  }

  private static JsonObject acceptance(Acceptance a) {
    return new JsonObject().put("id", a.id()).put("agreementId", a.agreementId()).put("userId", a.userId())
        .put("recordedDateTime", a.recorded().toString())
        .put("expirationDateTime", a.expiration() == null ? null : a.expiration().toString()).put("state", a.state());
  }

  private static JsonObject assignment(PackageAssignment a, Instant now) {
    return new JsonObject().put("id", a.id()).put("accessPackageId", a.packageId()).put("targetId", a.targetId())
        .put("state", a.stateAt(now)).put("startDateTime", a.start().toString())
        .put("endDateTime", a.end() == null ? null : a.end().toString());
  }
}
