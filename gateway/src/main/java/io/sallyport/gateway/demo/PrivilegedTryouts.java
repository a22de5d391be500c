package io.sallyport.gateway.demo;

import io.sallyport.devtenant.scenario.Scenario;
import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.config.RequirePim;
import io.sallyport.gateway.config.RequireTerms;
import io.sallyport.gateway.config.RouteConfig;
import io.sallyport.gateway.demo.PrivilegedTryout.Attempt;
import io.sallyport.gateway.demo.PrivilegedTryout.Expect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each demo user meets on the routes that need PIM, terms of use or an access package, worked
 * out from the gateway's routes and devtenant's scenario rather than written by hand, so the banner
 * and demo.json stay true when either file changes. The steps follow the gateway's order (access
 * package, then terms, then PIM). Routes that also need scopes, app roles, groups or the directory
 * are left out: those checks are not predicted here. PIM assignments count only when made to the
 * user directly, as the gateway reads them (filtered by the user's object id).
 */
public final class PrivilegedTryouts {

  /** devtenant's activation policy where the scenario gives none (its scenario loader's defaults). */
  private static final Policy DEFAULT_POLICY = new Policy(Duration.ofHours(8), true, true, false, false, null);

  private PrivilegedTryouts() {}

  public static List<PrivilegedTryout> of(List<RouteConfig> routes, Scenario scenario, Instant now) {
    List<PrivilegedTryout> out = new ArrayList<>();
    for (RouteConfig route : routes) {
      RequireConfig q = route.require();
      boolean privileged = q.pim() != null || q.termsOfUse() != null || q.accessPackage() != null;
      boolean predictable = q.scopes().isEmpty() && q.appRoles().isEmpty() && q.groups().isEmpty()
          && q.directory() == null;
      if (route.isPublic() || !privileged || !predictable) {
        continue;
      }
      List<Attempt> attempts = new ArrayList<>();
      for (Scenario.UserSpec u : scenario.users()) {
        if (u.accountEnabled()) {
          attempts.add(new Walk(scenario, now, u).through(q));
        }
      }
      out.add(new PrivilegedTryout(route.name(), route.pathPrefix(), requires(q, scenario), attempts));
    }
    return out;
  }

  private static String requires(RequireConfig q, Scenario s) {
    List<String> parts = new ArrayList<>();
    if (q.authContext() != null) {
      parts.add("a sign-in with auth context " + q.authContext());
    } else if (q.mfa()) {
      parts.add("an MFA sign-in");
    }
    if (q.accessPackage() != null) {
      parts.add("a delivered assignment of the access package \"" + packageName(s, q.accessPackage()) + "\"");
    }
    if (q.termsOfUse() != null) {
      parts.add("accepting the terms of use \"" + agreementName(s, q.termsOfUse().agreement()) + "\""
          + (q.termsOfUse().via() == RequireTerms.Via.PAGE ? " on Sallyport's page" : " at sign-in"));
    }
    if (q.pim() != null) {
      parts.add(q.pim().kind() == RequirePim.Kind.ROLE
          ? "an active PIM assignment of the directory role " + roleName(s, q.pim().id())
          : "an active PIM for Groups " + (q.pim().access().equals("owner") ? "ownership" : "membership") + " of "
              + groupName(s, q.pim().id()));
    }
    return String.join(" and ", parts);
  }

  /** PIM activation settings of a role or a group assignment, as the scenario gives them. */
  private record Policy(Duration maxActivation, boolean mfa, boolean justification, boolean ticket,
                        boolean approval, String authContext) {}

  /** One user through one route's checks, in the gateway's order; the first refusal ends it. */
  private static final class Walk {
    private final Scenario s;
    private final Instant now;
    private final Scenario.UserSpec user;
    private final List<String> said = new ArrayList<>();
    private Expect expect = Expect.ALLOWED;

    Walk(Scenario s, Instant now, Scenario.UserSpec user) {
      this.s = s;
      this.now = now;
      this.user = user;
    }

    Attempt through(RequireConfig q) {
      if (q.authContext() != null) {
        said.add("first a sign-in with auth context " + q.authContext() + mfaNote(q.authContext()));
      } else if (q.mfa()) {
        said.add("first an MFA sign-in");
      }
      boolean through = (q.accessPackage() == null || accessPackage(q.accessPackage()))
          && (q.termsOfUse() == null || terms(q.termsOfUse()))
          && (q.pim() == null || pim(q.pim()));
      if (through && expect != Expect.APPROVAL) {
        said.add(expect == Expect.ALLOWED ? "let through" : "then let through");
      }
      return new Attempt(user.upn(), user.password(), expect, String.join("; ", said));
    }

    private void expect(Expect e) {
      if (e.ordinal() < expect.ordinal()) {
        expect = e;
      }
    }

    private boolean deny(String what) {
      said.add(what);
      expect(Expect.DENIED);
      return false;
    }

    private boolean accessPackage(String id) {
      String name = packageName(s, id);
      boolean holds = s.packageAssignments().stream().anyMatch(a -> a.packageId().equalsIgnoreCase(id)
          && a.userId().equals(user.id()) && "delivered".equalsIgnoreCase(a.state()) && during(a.start(), a.end()));
      if (!holds) {
        return deny("has no \"" + name + "\" assignment: denied (access_package.not_assigned)");
      }
      said.add("holds \"" + name + "\"");
      return true;
    }

    private boolean terms(RequireTerms t) {
      String name = agreementName(s, t.agreement());
      Optional<Scenario.AgreementSpec> agreement = s.agreements().stream()
          .filter(a -> a.id().equalsIgnoreCase(t.agreement())).findFirst();
      Duration every = t.reacceptEvery() != null ? t.reacceptEvery()
          : agreement.map(Scenario.AgreementSpec::reacceptFrequency).orElse(null);
      if (t.via() == RequireTerms.Via.PAGE) {
        // Sallyport's own acceptances start empty: an acceptance at Entra does not count on this page
        said.add("Sallyport's terms page shows \"" + name + "\": accept" + (every == null ? ""
            : " (asked again after " + human(every) + ")"));
        expect(Expect.TERMS);
        return true;
      }
      boolean accepted = s.acceptances().stream().anyMatch(a -> a.agreementId().equalsIgnoreCase(t.agreement())
          && a.userId().equals(user.id()) && !"declined".equalsIgnoreCase(a.state())
          && (every == null || a.recorded().plus(every).isAfter(now)));
      if (accepted) {
        said.add("accepted \"" + name + "\" in the tenant");
      } else {
        said.add("sent to sign in with auth context " + t.authContext() + ", where the tenant shows \"" + name
            + "\" to accept");
        expect(Expect.TERMS);
      }
      return true;
    }

    private boolean pim(RequirePim p) {
      boolean role = p.kind() == RequirePim.Kind.ROLE;
      String name = role ? roleName(s, p.id()) : groupName(s, p.id()) + " (" + p.access() + ")";
      if (holds(p, "active")) {
        said.add(name + " is active");
        return true;
      }
      if (!holds(p, "eligible")) {
        return deny("not eligible for " + name + ": denied, the page says so (pim.not_eligible)");
      }
      Policy policy = policy(p);
      said.add("eligible for " + name + " but not active: the deny page offers activation (justification"
          + (policy.justification() ? " required" : "") + ", up to " + human(policy.maxActivation()) + ", ticket"
          + (policy.ticket() ? " required" : "") + ")");
      if (policy.authContext() != null) {
        said.add("its PIM policy asks for auth context " + policy.authContext() + ": you are sent to sign in for it"
            + mfaNote(policy.authContext()) + " and come back to the form");
      } else if (policy.mfa()) {
        said.add("its PIM policy asks for an MFA sign-in (Sallyport offers one if yours had none)");
      }
      if (policy.approval()) {
        said.add("the request then waits for an approver, and you stay outside until it is approved");
        expect(Expect.APPROVAL);
      } else {
        said.add("Sallyport activates it through Graph as you");
        expect(Expect.ACTIVATE);
      }
      return true;
    }

    private boolean holds(RequirePim p, String kind) {
      if (p.kind() == RequirePim.Kind.ROLE) {
        return s.roleSchedules().stream().anyMatch(r -> r.kind().equals(kind) && r.principalId().equals(user.id())
            && r.roleId().equalsIgnoreCase(p.id()) && r.directoryScopeId().equals(p.scope())
            && during(r.start(), r.end()));
      }
      return s.groupSchedules().stream().anyMatch(g -> g.kind().equals(kind) && g.principalId().equals(user.id())
          && g.groupId().equalsIgnoreCase(p.id()) && g.accessId().equals(p.access()) && during(g.start(), g.end()));
    }

    private Policy policy(RequirePim p) {
      if (p.kind() == RequirePim.Kind.ROLE) {
        return s.roles().stream().filter(r -> r.id().equalsIgnoreCase(p.id())).findFirst()
            .map(r -> new Policy(r.maxActivation(), r.requireMfa(), r.requireJustification(), r.requireTicket(),
                r.requireApproval(), r.authContext()))
            .orElse(DEFAULT_POLICY);
      }
      return s.groupPolicies().stream().filter(g -> g.groupId().equalsIgnoreCase(p.id())
              && g.accessId().equals(p.access())).findFirst()
          .map(g -> new Policy(g.maxActivation(), g.requireMfa(), g.requireJustification(), g.requireTicket(),
              g.requireApproval(), g.authContext()))
          .orElse(DEFAULT_POLICY);
    }

    /** " (the tenant asks for MFA)" when a Conditional Access rule of the scenario binds MFA to the context. */
    private String mfaNote(String authContext) {
      boolean mfa = s.policies().stream().anyMatch(c -> !"disabled".equalsIgnoreCase(c.state())
          && c.authContexts().contains(authContext) && c.grantControls().contains("mfa"));
      return mfa ? " (the tenant asks for the MFA code, which devtenant shows on the page)" : "";
    }

    private boolean during(Instant start, Instant end) {
      return (start == null || !start.isAfter(now)) && (end == null || end.isAfter(now));
    }
  }

  static String human(Duration d) {
    if (d.toHours() % 24 == 0 && d.toDays() > 1) {
      return d.toDays() + " days";
    }
    if (d.toMinutes() % 60 == 0) {
      return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
    return d.toMinutes() + " minutes";
  }

  private static String roleName(Scenario s, String id) {
    return s.roles().stream().filter(r -> r.id().equalsIgnoreCase(id)).map(Scenario.RoleSpec::displayName)
        .findFirst().orElse(id);
  }

  private static String groupName(Scenario s, String id) {
    return s.groups().stream().filter(g -> g.id().equalsIgnoreCase(id)).map(Scenario.GroupSpec::displayName)
        .findFirst().orElse(id);
  }

  private static String agreementName(Scenario s, String id) {
    return s.agreements().stream().filter(a -> a.id().equalsIgnoreCase(id)).map(Scenario.AgreementSpec::displayName)
        .findFirst().orElse(id);
  }

  private static String packageName(Scenario s, String id) {
    return s.accessPackages().stream().filter(p -> p.id().equalsIgnoreCase(id))
        .map(Scenario.AccessPackageSpec::displayName).findFirst().orElse(id);
  }
}
