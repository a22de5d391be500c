package io.sallyport.gateway.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code scim.entra}: Entra client-credentials tokens for the SCIM endpoint. */
final class ScimEntraSection {

  private static final String AUDIENCE_EXPECTED =
      "the Sallyport app's client id (a GUID) or an App ID URI such as api://sallyport";
  private static final String ROLE_EXPECTED = "an app role value such as Scim.Provision (no spaces)";
  // app role values: Entra allows no spaces and no leading dot
  private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_!#$%&'()*+,\\-/:;<=>?@\\[\\]^`{|}~][\\x21-\\x7e]*");
  private static final Pattern AUDIENCE = Pattern.compile("[0-9a-fA-F-]{36}|[a-zA-Z][a-zA-Z0-9+.-]*:[\\x21-\\x7e]+");

  private ScimEntraSection() {}

  /** Null when absent; errors reported with their paths. */
  static ScimEntraConfig read(Section scim, boolean tenantPresent) {
    Section s = scim.section("entra", "audiences", "required-role");
    if (!s.present()) {
      return null;
    }
    if (!tenantPresent) {
      s.errors.add(s.path, "needs the tenant: section (id, authority, client-id): Entra tokens are verified"
          + " against that tenant's signing keys");
    }
    s.required("audiences", "a list of " + AUDIENCE_EXPECTED);
    s.required("required-role", ROLE_EXPECTED);
    String role = s.text("required-role", ROLE_EXPECTED);
    if (role != null && !ROLE.matcher(role).matches()) {
      s.badValue("required-role", ROLE_EXPECTED, role);
      role = null;
    }
    List<String> audiences = audiences(s);
    return role == null || audiences.isEmpty() ? null : new ScimEntraConfig(audiences, role);
  }

  /** {@code audiences:} of the section: also {@code tenant.audiences}. */
  static List<String> audiences(Section s) {
    Node n = s.node("audiences");
    if (n == null || n.isNull() || n.isInvalid()) {
      return List.of();
    }
    if (!(n.value() instanceof List<?> list) || list.isEmpty()) {
      s.bad("audiences", "a non-empty list of " + AUDIENCE_EXPECTED,
          n.value() instanceof List<?> ? "an empty list" : n.describe());
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    List<String> bad = new ArrayList<>();
    for (Object o : list) {
      Node item = (Node) o;
      if (item.isInvalid()) {
        bad.add(item.path());
      } else if (!(item.value() instanceof String a) || !AUDIENCE.matcher(a).matches()) {
        s.errors.add(item.path(), "expected " + AUDIENCE_EXPECTED + ", got " + item.describe());
        bad.add(item.path());
      } else {
        // client ids arrive in aud in lower case; App ID URIs compare exactly
        out.add(a.length() == 36 && a.indexOf(':') < 0 ? a.toLowerCase(java.util.Locale.ROOT) : a);
      }
    }
    return bad.isEmpty() ? List.copyOf(out) : List.of();
  }
}
