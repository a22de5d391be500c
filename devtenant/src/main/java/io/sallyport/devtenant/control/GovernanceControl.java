package io.sallyport.devtenant.control;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.entitlement.EntitlementActions;
import io.sallyport.devtenant.graph.terms.TermsActions;
import io.sallyport.devtenant.state.Acceptance;
import io.sallyport.devtenant.state.AccessPackage;
import io.sallyport.devtenant.state.Agreement;
import io.sallyport.devtenant.state.PackageAssignment;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * Terms-of-use acceptances and access-package assignments, set and removed directly: what a user
 * accepting on the ToU page, or an approver delivering a package, would leave in the tenant.
 */
final class GovernanceControl {

  private final Context ctx;
  private final Lookup lookup;
  private final TermsActions terms;
  private final EntitlementActions entitlement;

  GovernanceControl(Context ctx, Lookup lookup) {
    this.ctx = ctx;
    this.lookup = lookup;
    this.terms = new TermsActions(ctx.state());
    this.entitlement = new EntitlementActions(ctx.state());
  }

  void accept(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "agreement", "recorded");
    User user = lookup.user(b.requiredString("user"));
    Agreement agreement = lookup.agreement(b.requiredString("agreement"));
    Acceptance a = terms.accept(agreement.id(), user.id());
    if (b.has("recorded")) {
      // Backdating (TermsActions records "now"): the same record with the expiry counted from then.
      Instant recorded = b.instant("recorded");
      a = ctx.state().acceptances.put(new Acceptance(a.id(), a.agreementId(), a.userId(), a.fileId(), recorded,
          agreement.expiryFor(recorded), a.state()));
    }
    Replies.ok(rc, acceptance(a));
  }

  void withdraw(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "agreement");
    User user = lookup.user(b.requiredString("user"));
    Agreement agreement = lookup.agreement(b.requiredString("agreement"));
    Acceptance removed = terms.remove(agreement.id(), user.id())
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
    entitlement.delivered(pkg.id(), user.id()).ifPresent(current -> {
      throw ControlError.conflict("already_assigned", user.upn() + " already has access package \""
          + pkg.displayName() + "\" (assignment " + current.id() + ")");
    });
    Replies.ok(rc, assignment(entitlement.assign(pkg.id(), user.id(), end), now));
  }

  void unassign(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "user", "package");
    User user = lookup.user(b.requiredString("user"));
    AccessPackage pkg = lookup.accessPackage(b.requiredString("package"));
    PackageAssignment current = entitlement.delivered(pkg.id(), user.id()).orElseThrow(() ->
        ControlError.notFound("assignment_not_found", user.upn() + " has no delivered assignment of \""
            + pkg.displayName() + "\" to remove"));
    // Ended now: it reads expired from here on, as Graph serves ended assignments.
    PackageAssignment removed = entitlement.remove(current.id()).orElseThrow();
    Replies.ok(rc, new JsonObject().put("removed", assignment(removed, ctx.clock().instant())));
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
