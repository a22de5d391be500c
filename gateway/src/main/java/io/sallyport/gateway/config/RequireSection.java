package io.sallyport.gateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code routes[].require}: the route's scope, role, group and Conditional Access requirements. */
final class RequireSection {

  static final String GUID_EXPECTED = "a group object id (a GUID)";
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  // scope and app role values: Entra allows no spaces (scp is space-separated)
  private static final Pattern VALUE = Pattern.compile("[\\x21-\\x7e]+");
  // Graph says c1..c25, the CA What-If API c1..c99 (entra-protocol.md §3.4): accept the wider range
  private static final Pattern AUTH_CONTEXT = Pattern.compile("c[1-9][0-9]?");
  private static final String AUTH_CONTEXT_EXPECTED = "an auth context id c1..c99";

  private RequireSection() {}

  /** {@link RequireConfig#NONE} when absent; errors are reported with their paths. */
  static RequireConfig read(Section route, boolean isPublic, boolean tenantPresent) {
    Section s = route.section("require", "scopes", "app-roles", "groups", "mfa", "auth-context", "max-auth-age");
    if (!s.present()) {
      return RequireConfig.NONE;
    }
    if (isPublic) {
      s.errors.add(s.path, "a public route has no signed-in caller to check; remove require or public: true");
    }
    if (!tenantPresent) {
      s.errors.add(s.path, "needs the tenant: section (id, authority, client-id): callers are checked against"
          + " that tenant's tokens");
    }
    List<String> scopes = list(s, "scopes", "a scope value such as access_as_user (no spaces)", VALUE, false);
    List<String> roles = list(s, "app-roles", "an app role value such as Billing.Admin (no spaces)", VALUE, false);
    List<String> groups = list(s, "groups", GUID_EXPECTED, GUID, true);
    boolean mfa = s.bool("mfa", false);
    String context = s.text("auth-context", AUTH_CONTEXT_EXPECTED);
    if (context != null && !AUTH_CONTEXT.matcher(context).matches()) {
      s.badValue("auth-context", AUTH_CONTEXT_EXPECTED, context);
      context = null;
    }
    Duration maxAge = s.duration("max-auth-age", null, false);
    return new RequireConfig(scopes, roles, groups, mfa, context, maxAge);
  }

  /** A non-empty list of strings matching {@code pattern}; empty when absent or wrong (reported). */
  static List<String> list(Section s, String key, String expected, Pattern pattern, boolean lowerCase) {
    Node n = s.node(key);
    if (n == null || n.isNull() || n.isInvalid()) {
      return List.of();
    }
    if (!(n.value() instanceof List<?> items) || items.isEmpty()) {
      s.bad(key, "a non-empty list of " + expected, n.value() instanceof List<?> ? "an empty list" : n.describe());
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    List<String> bad = new ArrayList<>();
    for (Object o : items) {
      Node item = (Node) o;
      if (item.isInvalid()) {
        bad.add(item.path());
      } else if (!(item.value() instanceof String v) || !pattern.matcher(v).matches()) {
        s.errors.add(item.path(), "expected " + expected + ", got " + item.describe());
        bad.add(item.path());
      } else {
        // object ids arrive in tokens in lower case; comparing must not depend on how it was typed
        out.add(lowerCase ? v.toLowerCase(Locale.ROOT) : v);
      }
    }
    return bad.isEmpty() ? List.copyOf(out) : List.of();
  }
}
