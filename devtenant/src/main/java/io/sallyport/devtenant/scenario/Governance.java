package io.sallyport.devtenant.scenario;

import io.sallyport.devtenant.scenario.Scenario.AccessPackageSpec;
import io.sallyport.devtenant.scenario.Scenario.AcceptanceSpec;
import io.sallyport.devtenant.scenario.Scenario.AgreementSpec;
import io.sallyport.devtenant.scenario.Scenario.AppSpec;
import io.sallyport.devtenant.scenario.Scenario.AuthContextSpec;
import io.sallyport.devtenant.scenario.Scenario.CaPolicySpec;
import io.sallyport.devtenant.scenario.Scenario.GroupPolicySpec;
import io.sallyport.devtenant.scenario.Scenario.GroupScheduleSpec;
import io.sallyport.devtenant.scenario.Scenario.GroupSpec;
import io.sallyport.devtenant.scenario.Scenario.PackageAssignmentSpec;
import io.sallyport.devtenant.scenario.Scenario.ProvisioningSpec;
import io.sallyport.devtenant.scenario.Scenario.RoleSpec;
import io.sallyport.devtenant.scenario.Scenario.ScheduleSpec;
import io.sallyport.devtenant.scenario.Scenario.TenantSpec;
import io.sallyport.devtenant.scenario.Scenario.UserSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The governance half of a scenario: roles, PIM, terms of use, access packages, Conditional Access. */
final class Governance {

  private static final Pattern AUTH_CONTEXT = Pattern.compile("c([1-9]|[1-9][0-9])");

  private final Node top;
  private final References refs;
  private final String tid;
  private final Instant now;
  private final Map<String, String> roles = new HashMap<>();
  private final Map<String, String> agreements = new HashMap<>();
  private final Map<String, String> packages = new HashMap<>();

  Governance(Node top, References refs, String tid, Instant now) {
    this.top = top;
    this.refs = refs;
    this.tid = tid;
    this.now = now;
  }

  Scenario build(TenantSpec tenant, List<AppSpec> apps, List<UserSpec> users, List<GroupSpec> groups) {
    List<RoleSpec> roleSpecs = top.list("directory-roles").stream().map(this::role).toList();
    Node pim = top.child("pim");
    pim.allow("eligible", "active");
    List<ScheduleSpec> schedules = new java.util.ArrayList<>();
    pim.list("eligible").forEach(n -> schedules.add(schedule(n, "eligible")));
    pim.list("active").forEach(n -> schedules.add(schedule(n, "active")));
    Node pimGroups = top.child("pim-groups");
    pimGroups.allow("eligible", "active", "policies");
    List<GroupScheduleSpec> groupSchedules = new java.util.ArrayList<>();
    pimGroups.list("eligible").forEach(n -> groupSchedules.add(groupSchedule(n, "eligible")));
    pimGroups.list("active").forEach(n -> groupSchedules.add(groupSchedule(n, "active")));
    List<GroupPolicySpec> groupPolicies = pimGroups.list("policies").stream().map(this::groupPolicy).toList();
    List<AgreementSpec> agreementSpecs = top.list("agreements").stream().map(this::agreement).toList();
    List<AcceptanceSpec> acceptances = new java.util.ArrayList<>();
    List<Node> agreementNodes = top.list("agreements");
    for (int i = 0; i < agreementNodes.size(); i++) {
      for (Node acc : agreementNodes.get(i).list("acceptances")) {
        acceptances.add(acceptance(acc, agreementSpecs.get(i).id()));
      }
    }
    List<AccessPackageSpec> packageSpecs = top.list("access-packages").stream().map(this::accessPackage).toList();
    List<PackageAssignmentSpec> assignments = new java.util.ArrayList<>();
    List<Node> packageNodes = top.list("access-packages");
    for (int i = 0; i < packageNodes.size(); i++) {
      for (Node as : packageNodes.get(i).list("assignments")) {
        assignments.add(packageAssignment(as, packageSpecs.get(i).id()));
      }
    }
    List<AuthContextSpec> contexts = top.list("auth-contexts").stream().map(this::authContext).toList();
    List<CaPolicySpec> policies = top.list("conditional-access").stream().map(this::policy).toList();
    Node p = top.child("provisioning");
    p.allow("scim-url", "token", "interval");
    ProvisioningSpec provisioning = new ProvisioningSpec(p.string("scim-url", null), p.string("token", null),
        p.duration("interval", Duration.ZERO));
    return new Scenario(tenant, apps, users, groups, roleSpecs, schedules, groupSchedules, groupPolicies,
        agreementSpecs, acceptances, packageSpecs, assignments, contexts, policies, provisioning);
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private RoleSpec role(Node n) {
    n.allow("id", "display-name", "max-activation", "require-mfa", "require-justification", "require-ticket",
        "require-approval", "auth-context");
    String id = ScenarioLoader.requiredGuid(n, "id");
    String name = n.required("display-name");
    roles.put(key(id), id);
    roles.put(key(name), id);
    return new RoleSpec(id, name, n.duration("max-activation", Duration.ofHours(8)), n.bool("require-mfa", true),
        n.bool("require-justification", true), n.bool("require-ticket", false), n.bool("require-approval", false),
        authContext(n, "auth-context"));
  }

  private String authContext(Node n, String field) {
    String v = n.string(field, null);
    if (v != null && !AUTH_CONTEXT.matcher(v).matches()) {
      n.error(field, "not an auth context id (c1 to c99): \"" + v + "\"");
      return null;
    }
    return v;
  }

  private ScheduleSpec schedule(Node n, String kind) {
    n.allow("principal", "role", "scope", "start", "end");
    String role = n.required("role");
    String roleId = roles.get(key(role));
    if (!role.isEmpty() && roleId == null) {
      n.error("role", "\"" + role + "\" does not name a directory role in this scenario");
    }
    return new ScheduleSpec(kind, refs.userOrGroup(n, "principal"), roleId == null ? "" : roleId,
        n.string("scope", "/"), n.instant("start", now), n.instant("end", null));
  }

  private GroupScheduleSpec groupSchedule(Node n, String kind) {
    n.allow("principal", "group", "access", "start", "end");
    return new GroupScheduleSpec(kind, refs.user(n, "principal"), refs.group(n, "group"), access(n),
        n.instant("start", now), n.instant("end", null));
  }

  private String access(Node n) {
    String access = n.string("access", "member");
    if (!access.equals("member") && !access.equals("owner")) {
      n.error("access", "expected member or owner, got \"" + access + "\"");
    }
    return access;
  }

  private GroupPolicySpec groupPolicy(Node n) {
    n.allow("group", "access", "max-activation", "require-mfa", "require-justification", "require-ticket",
        "require-approval", "auth-context");
    return new GroupPolicySpec(refs.group(n, "group"), access(n), n.duration("max-activation", Duration.ofHours(8)),
        n.bool("require-mfa", true), n.bool("require-justification", true), n.bool("require-ticket", false),
        n.bool("require-approval", false), authContext(n, "auth-context"));
  }

  private AgreementSpec agreement(Node n) {
    n.allow("id", "display-name", "reaccept-every", "expire-from", "expire-every", "viewing-required",
        "per-device", "file-id", "text", "acceptances");
    String name = n.required("display-name");
    String id = n.guid("id", Node.stableGuid(tid, "agreement", name));
    agreements.put(key(id), id);
    agreements.put(key(name), id);
    return new AgreementSpec(id, name, n.duration("reaccept-every", null), n.instant("expire-from", null),
        n.duration("expire-every", null), n.bool("viewing-required", false), n.bool("per-device", false),
        n.guid("file-id", Node.stableGuid(tid, "agreementFile", id)), n.string("text", "By continuing you accept the terms of use of " + name + "."));
  }

  private AcceptanceSpec acceptance(Node n, String agreementId) {
    n.allow("user", "recorded", "state");
    String state = n.string("state", "accepted");
    if (!state.equals("accepted") && !state.equals("declined")) {
      n.error("state", "expected accepted or declined, got \"" + state + "\"");
    }
    return new AcceptanceSpec(agreementId, refs.user(n, "user"), n.instant("recorded", now), state);
  }

  private AccessPackageSpec accessPackage(Node n) {
    n.allow("id", "display-name", "description", "hidden", "catalog-id", "policy-id", "assignments");
    String name = n.required("display-name");
    String id = n.guid("id", Node.stableGuid(tid, "accessPackage", name));
    packages.put(key(id), id);
    return new AccessPackageSpec(id, name, n.string("description", null), n.bool("hidden", false),
        n.guid("catalog-id", Node.stableGuid(tid, "catalog", "General")),
        n.guid("policy-id", Node.stableGuid(tid, "assignmentPolicy", id)));
  }

  private PackageAssignmentSpec packageAssignment(Node n, String packageId) {
    n.allow("id", "user", "state", "start", "end");
    String user = refs.user(n, "user");
    return new PackageAssignmentSpec(n.guid("id", Node.stableGuid(tid, "accessPackageAssignment", packageId + "/" + user)),
        packageId, user,
        n.string("state", "delivered"), n.instant("start", now), n.instant("end", null));
  }

  private AuthContextSpec authContext(Node n) {
    n.allow("id", "display-name", "description", "available");
    String id = authContext(n, "id");
    if (id == null) {
      n.error("id", "required (c1 to c99)");
    }
    return new AuthContextSpec(id == null ? "" : id, n.string("display-name", id), n.string("description", null),
        n.bool("available", true));
  }

  private CaPolicySpec policy(Node n) {
    n.allow("id", "display-name", "state", "auth-contexts", "applications", "grant", "terms-of-use");
    List<String> contexts = n.strings("auth-contexts");
    contexts.stream().filter(c -> !AUTH_CONTEXT.matcher(c).matches())
        .forEach(c -> n.error("auth-contexts", "not an auth context id (c1 to c99): \"" + c + "\""));
    List<String> grant = n.strings("grant");
    grant.stream().filter(g -> !List.of("mfa", "block").contains(g))
        .forEach(g -> n.error("grant", "supported grant controls are mfa and block, not \"" + g + "\""));
    List<String> terms = n.strings("terms-of-use").stream().map(t -> {
      String id = agreements.get(key(t));
      if (id == null) {
        n.error("terms-of-use", "\"" + t + "\" does not name an agreement in this scenario");
      }
      return id == null ? "" : id;
    }).toList();
    String state = n.string("state", "enabled");
    if (!List.of("enabled", "disabled", "enabledForReportingButNotEnforced").contains(state)) {
      n.error("state", "expected enabled, disabled or enabledForReportingButNotEnforced, got \"" + state + "\"");
    }
    List<String> appIds = n.has("applications")
        ? n.strings("applications").stream().map(a -> a.equalsIgnoreCase("All") ? "All" : appByName(n, a)).toList()
        : List.of();
    String name = n.required("display-name");
    return new CaPolicySpec(n.guid("id", Node.stableGuid(tid, "conditionalAccessPolicy", name)), name, state, contexts,
        appIds,
        grant, terms);
  }

  private String appByName(Node n, String name) {
    Node probe = new Node(n.at("applications"), Map.of("app", name), new java.util.ArrayList<>(), now);
    String id = refs.app(probe, "app");
    if (id.isEmpty()) {
      n.error("applications", "\"" + name + "\" does not name an app in this scenario");
    }
    return id;
  }
}
