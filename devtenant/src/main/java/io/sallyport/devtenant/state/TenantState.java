package io.sallyport.devtenant.state;

import io.sallyport.devtenant.clock.ScenarioClock;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the tenant knows, shared by the identity endpoints, Graph and the control API. Each
 * kind of object is a {@link Table}; Graph-shaped resources that devtenant only stores and serves
 * (schedule requests, assignment requests, Conditional Access policies) are kept as Graph JSON.
 */
public final class TenantState {

  private final TenantInfo info;
  private final ScenarioClock clock;
  public final Table<User> users = new Table<>(User::id);
  public final Table<Group> groups = new Table<>(Group::id);
  public final Table<AppRegistration> apps = new Table<>(AppRegistration::appId);
  public final Table<RoleDefinition> roles = new Table<>(RoleDefinition::id);
  public final Table<RoleInstance> roleInstances = new Table<>(RoleInstance::id);
  public final Table<JsonObject> roleRequests = new Table<>(j -> j.getString("id"));
  public final Table<GroupInstance> groupInstances = new Table<>(GroupInstance::id);
  public final Table<GroupPolicy> groupPolicies = new Table<>(GroupPolicy::key);
  public final Table<JsonObject> groupRequests = new Table<>(j -> j.getString("id"));
  public final Table<Agreement> agreements = new Table<>(Agreement::id);
  public final Table<Acceptance> acceptances = new Table<>(Acceptance::id);
  public final Table<AccessPackage> accessPackages = new Table<>(AccessPackage::id);
  public final Table<PackageAssignment> packageAssignments = new Table<>(PackageAssignment::id);
  public final Table<JsonObject> packageRequests = new Table<>(j -> j.getString("id"));
  public final Table<AuthContext> authContexts = new Table<>(AuthContext::id);
  public final Table<JsonObject> policies = new Table<>(j -> j.getString("id"));

  public TenantState(TenantInfo info, ScenarioClock clock) {
    this.info = info;
    this.clock = clock;
  }

  public TenantInfo info() {
    return info;
  }

  public ScenarioClock clock() {
    return clock;
  }

  public Optional<User> userByIdOrUpn(String idOrUpn) {
    Optional<User> byId = users.find(idOrUpn);
    if (byId.isPresent() || idOrUpn == null) {
      return byId;
    }
    String upn = idOrUpn.toLowerCase(Locale.ROOT);
    return users.where(u -> u.upn().toLowerCase(Locale.ROOT).equals(upn)).stream().findFirst();
  }

  public Optional<AppRegistration> appByAppIdOrUri(String audience) {
    Optional<AppRegistration> byId = apps.find(audience);
    if (byId.isPresent()) {
      return byId;
    }
    return apps.where(a -> a.identifierUris().contains(audience)).stream().findFirst();
  }

  /** Groups the principal is directly in: listed members plus current PIM-for-Groups member assignments. */
  public Set<String> directGroups(String principalId) {
    Set<String> out = new LinkedHashSet<>();
    for (Group g : groups.where(g -> g.members().stream().anyMatch(m -> m.equalsIgnoreCase(principalId)))) {
      out.add(g.id());
    }
    var now = clock.instant();
    for (GroupInstance i : groupInstances.where(i -> i.kind().equals("active") && i.accessId().equals("member")
        && i.principalId().equalsIgnoreCase(principalId) && i.currentAt(now))) {
      out.add(i.groupId());
    }
    return out;
  }

  /** Every group the principal is in, directly or through nested groups, in discovery order. */
  public List<String> transitiveGroups(String principalId) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(directGroups(principalId));
    while (!todo.isEmpty()) {
      String g = todo.poll();
      if (seen.add(g)) {
        todo.addAll(directGroups(g));
      }
    }
    return List.copyOf(seen);
  }

  /** Directory role template ids the user holds right now (active PIM instances, direct or via a group). */
  public Set<String> activeRoles(String userId) {
    var now = clock.instant();
    Set<String> principals = new LinkedHashSet<>(transitiveGroups(userId));
    principals.add(userId);
    Set<String> out = new LinkedHashSet<>();
    for (RoleInstance i : roleInstances.where(i -> i.kind().equals("active") && i.currentAt(now))) {
      if (principals.stream().anyMatch(p -> p.equalsIgnoreCase(i.principalId()))) {
        out.add(i.roleDefinitionId());
      }
    }
    return out;
  }
}
