package io.sallyport.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code routes[].require.pim}: {@code { role: <roleDefinitionId>, scope: / }} or
 * {@code { group: <groupId>, access: member|owner }}; exactly one of role and group.
 */
final class PimSection {

  static final String EXPECTED = "{ role: <role definition id>, scope: / } or { group: <group id>, access: member|owner }";
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  // Graph's directoryScopeId: "/" or "/administrativeUnits/{id}"; it goes into an OData literal, so no quotes
  private static final Pattern SCOPE = Pattern.compile("/[A-Za-z0-9/_.-]{0,200}");

  private PimSection() {}

  /** Null when absent or wrong (reported with its path). */
  static RequirePim read(Section require) {
    Node n = require.node("pim");
    if (n == null || n.isNull() || n.isInvalid()) {
      return null;
    }
    if (!(n.value() instanceof Map<?, ?>)) {
      require.bad("pim", EXPECTED, n.describe());
      return null;
    }
    Section s = require.section("pim", "role", "scope", "group", "access");
    boolean role = s.has("role");
    boolean group = s.has("group");
    if (role == group) {
      s.errors.add(s.path, "expected exactly one of role and group: " + EXPECTED);
      return null;
    }
    if (role) {
      if (s.has("access")) {
        s.errors.add(s.path("access"), "applies to a group only; a role has scope");
      }
      String id = guid(s, "role", "a role definition (template) id, a GUID");
      String scope = s.text("scope", "a directory scope id such as / or /administrativeUnits/<id>");
      if (scope != null && !SCOPE.matcher(scope).matches()) {
        s.badValue("scope", "a directory scope id such as / or /administrativeUnits/<id>", scope);
        return null;
      }
      return id == null ? null : RequirePim.role(id, scope);
    }
    if (s.has("scope")) {
      s.errors.add(s.path("scope"), "applies to a role only; a group has access (member or owner)");
    }
    String id = guid(s, "group", "a group object id, a GUID");
    String access = s.text("access", "member or owner");
    if (access != null && !List.of("member", "owner").contains(access)) {
      s.badValue("access", "member or owner", access);
      return null;
    }
    return id == null ? null : RequirePim.group(id, access);
  }

  private static String guid(Section s, String key, String expected) {
    String v = s.text(key, expected);
    if (v != null && !GUID.matcher(v).matches()) {
      s.badValue(key, expected, v);
      return null;
    }
    return v;
  }

  /** PIM facts come from Graph with the app's own token: without the client secret nothing could be checked. */
  static void needsClientSecret(Errors errors, List<RouteConfig> routes, TenantConfig tenant) {
    if (tenant != null && tenant.clientSecret() != null) {
      return;
    }
    for (int i = 0; i < routes.size(); i++) {
      if (routes.get(i).require().pim() != null) {
        errors.add("routes[" + i + "].require.pim", "needs tenant.client-secret (Sallyport reads PIM assignments"
            + " from Microsoft Graph with an app-only token); without it every caller would be refused");
      }
    }
  }
}
