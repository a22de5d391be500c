package io.sallyport.devtenant.scenario;

import io.sallyport.devtenant.scenario.Scenario.AppSpec;
import io.sallyport.devtenant.scenario.Scenario.GroupSpec;
import io.sallyport.devtenant.scenario.Scenario.UserSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the names a scenario author writes (a UPN, a group's display name, an app's name) to
 * object ids, and reports duplicates and dangling references with their paths.
 */
final class References {

  private final Map<String, String> users = new HashMap<>();
  private final Map<String, String> groups = new HashMap<>();
  private final Map<String, String> apps = new HashMap<>();
  private final List<String> errors;

  References(List<AppSpec> appSpecs, List<UserSpec> userSpecs, List<GroupSpec> groupSpecs, List<String> errors) {
    this.errors = errors;
    for (UserSpec u : userSpecs) {
      unique(users, u.id(), "user id " + u.id());
      unique(users, u.upn(), "user " + u.upn());
      users.put(key(u.id()), u.id());
      users.put(key(u.upn()), u.id());
    }
    // A UPN's local part ("alice") names the user too, where it is unambiguous: scenarios stay short.
    for (UserSpec u : userSpecs) {
      String local = key(u.upn()).contains("@") ? key(u.upn()).substring(0, key(u.upn()).indexOf('@')) : null;
      if (local != null && userSpecs.stream().filter(o -> key(o.upn()).startsWith(local + "@")).count() == 1) {
        users.putIfAbsent(local, u.id());
      }
    }
    for (GroupSpec g : groupSpecs) {
      unique(groups, g.id(), "group id " + g.id());
      unique(groups, g.displayName(), "group " + g.displayName());
      groups.put(key(g.id()), g.id());
      groups.put(key(g.displayName()), g.id());
    }
    for (AppSpec a : appSpecs) {
      unique(apps, a.name(), "app " + a.name());
      apps.put(key(a.name()), a.appId());
      apps.put(key(a.appId()), a.appId());
    }
  }

  private void unique(Map<String, String> index, String name, String what) {
    if (index.containsKey(key(name))) {
      errors.add(what + ": defined twice");
    }
  }

  private static String key(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  String user(Node n, String field) {
    return resolve(users, n, field, "a user (id or UPN)");
  }

  String group(Node n, String field) {
    return resolve(groups, n, field, "a group (id or display name)");
  }

  String app(Node n, String field) {
    return resolve(apps, n, field, "an app (name or client id)");
  }

  String userOrGroup(Node n, String field) {
    String v = n.string(field, null);
    if (v != null && users.containsKey(key(v))) {
      return users.get(key(v));
    }
    return resolve(groups, n, field, "a user or group (id, UPN or display name)");
  }

  private String resolve(Map<String, String> index, Node n, String field, String what) {
    String v = n.required(field);
    if (v.isEmpty()) {
      return "";
    }
    String id = index.get(key(v));
    if (id == null) {
      n.error(field, "\"" + v + "\" does not name " + what + " in this scenario");
      return "";
    }
    return id;
  }

  /** Replaces member and owner names with ids; members may be users or groups (nesting). */
  List<GroupSpec> resolveGroups(List<GroupSpec> specs, List<Node> nodes) {
    List<GroupSpec> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      GroupSpec g = specs.get(i);
      Node n = nodes.get(i);
      List<String> members = new ArrayList<>();
      for (String m : g.members()) {
        String id = users.getOrDefault(key(m), groups.get(key(m)));
        if (id == null) {
          n.error("members", "\"" + m + "\" does not name a user or group in this scenario");
        } else if (id.equals(g.id())) {
          n.error("members", "a group cannot be a member of itself");
        } else {
          members.add(id);
        }
      }
      List<String> owners = new ArrayList<>();
      for (String o : g.owners()) {
        String id = users.get(key(o));
        if (id == null) {
          n.error("owners", "\"" + o + "\" does not name a user in this scenario");
        } else {
          owners.add(id);
        }
      }
      out.add(new GroupSpec(g.id(), g.displayName(), g.description(), g.securityEnabled(), g.mailEnabled(),
          g.mailNickname(), members, owners));
    }
    return out;
  }
}
