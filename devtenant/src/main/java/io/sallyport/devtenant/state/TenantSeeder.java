package io.sallyport.devtenant.state;

import io.sallyport.devtenant.clock.ScenarioClock;
import io.sallyport.devtenant.scenario.Scenario;
import io.sallyport.devtenant.scenario.Scenario.AppSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Builds the tenant's state from a scenario, at the scenario clock's current time. */
public final class TenantSeeder {

  private TenantSeeder() {}

  public static TenantState seed(Scenario s, ScenarioClock clock) {
    Instant now = clock.instant();
    var t = s.tenant();
    TenantState state = new TenantState(new TenantInfo(t.id(), t.domain(), t.displayName(), t.groupsOverageLimit(),
        t.mfaForEveryone(), t.accessTokenLifetime()), clock);
    for (AppSpec a : s.apps()) {
      state.apps.put(new AppRegistration(a.name(), GraphShapes.application(a, t.domain(), now),
          GraphShapes.servicePrincipal(a, t.id()), a.secrets(), a.certificatePem() == null ? List.of()
          : List.of(a.certificatePem()), new HashSet<>(a.graphPermissions())));
    }
    for (var u : s.users()) {
      List<String> roles = u.appRoles().stream().map(r -> appRole(s, r)).toList();
      state.users.put(new User(u.id(), u.upn(), u.displayName(), u.givenName(), u.surname(), u.mail(), u.jobTitle(),
          u.department(), u.password(), u.mfaRegistered(), u.accountEnabled(), roles, now, null));
    }
    for (var g : s.groups()) {
      state.groups.put(new Group(g.id(), g.displayName(), g.description(), g.securityEnabled(), g.mailEnabled(),
          g.mailNickname(), g.members(), g.owners(), now));
    }
    for (var r : s.roles()) {
      state.roles.put(new RoleDefinition(r.id(), r.displayName(), new ActivationPolicy(r.maxActivation(),
          r.requireMfa(), r.requireJustification(), r.requireTicket(), r.requireApproval(), r.authContext())));
    }
    for (var r : s.roleSchedules()) {
      // stable ids: the same scenario gives the same schedule ids at every start
      String scheduleId = UUID.nameUUIDFromBytes((t.id() + "/roleSchedule/" + r.kind() + "/" + r.principalId() + "/"
          + r.roleId() + "/" + r.directoryScopeId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
      state.roleInstances.put(new RoleInstance(scheduleId, r.kind(), r.principalId(), r.roleId(),
          r.directoryScopeId(), r.start(), r.end(), r.kind().equals("active") ? "Assigned" : null, "Direct",
          scheduleId));
    }
    for (var g : s.groupSchedules()) {
      String id = g.groupId() + "_" + g.accessId() + "_" + UUID.nameUUIDFromBytes((t.id() + "/groupSchedule/"
          + g.kind() + "/" + g.principalId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      state.groupInstances.put(new GroupInstance(id, g.kind(), g.principalId(), g.groupId(), g.accessId(), g.start(),
          g.end(), g.kind().equals("active") ? "Assigned" : null, "Direct", id));
    }
    for (var p : s.groupPolicies()) {
      state.groupPolicies.put(new GroupPolicy(p.groupId(), p.accessId(), new ActivationPolicy(p.maxActivation(),
          p.requireMfa(), p.requireJustification(), p.requireTicket(), p.requireApproval(), p.authContext())));
    }
    for (var a : s.agreements()) {
      state.agreements.put(new Agreement(a.id(), a.displayName(), a.reacceptFrequency(), a.expirationStart(),
          a.expirationFrequency(), a.viewingRequired(), a.perDevice(), a.fileId(), a.text()));
    }
    for (var a : s.acceptances()) {
      Agreement agreement = state.agreements.find(a.agreementId()).orElseThrow();
      state.acceptances.put(new Acceptance(Acceptance.idFor(a.agreementId(), a.userId()), a.agreementId(),
          a.userId(), agreement.fileId(), a.recorded(), agreement.expiryFor(a.recorded()), a.state()));
    }
    for (var p : s.accessPackages()) {
      state.accessPackages.put(new AccessPackage(p.id(), p.displayName(), p.description(), p.hidden(),
          p.catalogId(), p.policyId(), now, now));
    }
    for (var a : s.packageAssignments()) {
      String policy = state.accessPackages.find(a.packageId()).map(AccessPackage::policyId).orElse(null);
      state.packageAssignments.put(new PackageAssignment(a.id(), a.packageId(), policy, a.userId(), a.state(),
          a.start(), a.end()));
    }
    for (var c : s.authContexts()) {
      state.authContexts.put(new AuthContext(c.id(), c.displayName(), c.description(), c.available()));
    }
    for (var p : s.policies()) {
      state.policies.put(GraphShapes.policy(p, now));
    }
    return state;
  }

  private static String appRole(Scenario s, String ref) {
    int slash = ref.indexOf('/');
    String app = slash < 0 ? ref : ref.substring(0, slash);
    String role = slash < 0 ? "" : ref.substring(slash + 1);
    return s.apps().stream().filter(a -> a.name().equalsIgnoreCase(app) || a.appId().equalsIgnoreCase(app))
        .findFirst().map(a -> a.appId() + "/" + role).orElse(ref);
  }

  static JsonArray array(List<String> values) {
    return new JsonArray(List.copyOf(values));
  }
}
