package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.state.Group;
import io.sallyport.devtenant.state.GroupInstance;
import io.sallyport.devtenant.state.RoleInstance;
import io.sallyport.devtenant.state.TenantState;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Membership as Graph reports it, in both directions: what a principal is a member of (groups, and
 * the directory roles it holds) and who is in a group. Current PIM-for-Groups member (or owner)
 * instances count exactly like listed members, as in Entra.
 */
final class Memberships {

  private final TenantState state;

  Memberships(TenantState state) {
    this.state = state;
  }

  /** memberOf: direct groups, then the roles assigned to the principal itself. */
  List<JsonObject> memberOf(String principalId) {
    List<JsonObject> out = groups(state.directGroups(principalId));
    var now = state.clock().instant();
    Set<String> roles = new LinkedHashSet<>();
    for (RoleInstance i : state.roleInstances.where(i -> i.kind().equals("active") && i.currentAt(now)
        && i.principalId().equalsIgnoreCase(principalId))) {
      roles.add(i.roleDefinitionId());
    }
    out.addAll(roles(roles));
    return out;
  }

  /** transitiveMemberOf: every group reached through nesting, then every role held directly or via a group. */
  List<JsonObject> transitiveMemberOf(String principalId) {
    List<JsonObject> out = groups(state.transitiveGroups(principalId));
    out.addAll(roles(state.activeRoles(principalId)));
    return out;
  }

  /** Direct members of a group (users and nested groups), listed ones first, then PIM-activated ones. */
  List<String> members(Group g) {
    return principals(g, "member", g.members());
  }

  List<String> owners(Group g) {
    return principals(g, "owner", g.owners());
  }

  /** Every member reached through nested groups; nested groups are listed themselves too. */
  List<String> transitiveMembers(Group g) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(members(g));
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (!seen.add(id)) {
        continue;
      }
      state.groups.find(id).ifPresent(nested -> todo.addAll(members(nested)));
    }
    seen.remove(g.id());
    return List.copyOf(seen);
  }

  /** A user or group as a directoryObject in a members list; empty for ids the tenant no longer has. */
  Optional<JsonObject> object(String id) {
    String domain = state.info().domain();
    return state.users.find(id).map(u -> UserJson.full(u, domain))
        .or(() -> state.groups.find(id).map(g -> GroupJson.full(g, domain)));
  }

  List<JsonObject> objects(List<String> ids) {
    List<JsonObject> out = new ArrayList<>();
    ids.forEach(id -> object(id).ifPresent(out::add));
    return out;
  }

  private List<String> principals(Group g, String access, List<String> listed) {
    Set<String> out = new LinkedHashSet<>(listed);
    var now = state.clock().instant();
    for (GroupInstance i : state.groupInstances.where(i -> i.kind().equals("active") && i.accessId().equals(access)
        && i.groupId().equalsIgnoreCase(g.id()) && i.currentAt(now))) {
      out.add(i.principalId());
    }
    return List.copyOf(out);
  }

  private List<JsonObject> groups(Iterable<String> ids) {
    List<JsonObject> out = new ArrayList<>();
    for (String id : ids) {
      state.groups.find(id).ifPresent(g -> out.add(GroupJson.full(g, state.info().domain())));
    }
    return out;
  }

  private List<JsonObject> roles(Set<String> templateIds) {
    List<JsonObject> out = new ArrayList<>();
    for (String id : templateIds) {
      state.roles.find(id).ifPresent(r -> out.add(GroupJson.role(r, state.info().id())));
    }
    return out;
  }
}
