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
  private static final String ACCESS_PACKAGE_EXPECTED = "an access package id (a GUID)";
  private static final String TERMS_AGREEMENT_EXPECTED = "a terms of use agreement id (a GUID)";
  private static final String TERMS_VIA_EXPECTED = "step-up or page";
  private static final String DIRECTORY_EXPECTED = "true, false or { groups: [<SCIM group displayName or id>] }";
  private static final String DIRECTORY_GROUP_EXPECTED = "a SCIM group displayName, id or externalId (1..512"
      + " characters, no control characters)";
  // what the store accepts as a group displayName (V1__store.sql: 512) and nothing that cannot be typed
  private static final Pattern DIRECTORY_GROUP = Pattern.compile("(?=\\S)[^\\p{Cntrl}]{1,512}");

  private RequireSection() {}

  /** {@link RequireConfig#NONE} when absent; errors are reported with their paths. */
  static RequireConfig read(Section route, boolean isPublic, boolean tenantPresent) {
    Section s = route.section("require", "scopes", "app-roles", "groups", "mfa", "auth-context", "max-auth-age",
        "directory", "access-package", "terms-of-use", "pim");
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
    String accessPackage = s.text("access-package", ACCESS_PACKAGE_EXPECTED);
    if (accessPackage != null && !GUID.matcher(accessPackage).matches()) {
      s.badValue("access-package", ACCESS_PACKAGE_EXPECTED, accessPackage);
      accessPackage = null;
    }
    return new RequireConfig(scopes, roles, groups, mfa, context, maxAge, directory(s),
        accessPackage == null ? null : accessPackage.toLowerCase(Locale.ROOT), terms(s), PimSection.read(s));
  }

  /**
   * {@code directory: true | false | { groups: [...] }}. Group names are SCIM displayNames, ids or
   * externalIds: any printable text without control characters, matched ignoring case.
   */
  private static RequireDirectory directory(Section s) {
    Node n = s.node("directory");
    if (n == null || n.isNull() || n.isInvalid()) {
      return null;
    }
    if (n.value() instanceof String v) {
      Boolean b = Scalars.bool(v);
      if (b == null) {
        s.badValue("directory", DIRECTORY_EXPECTED, v);
        return null;
      }
      return b ? RequireDirectory.ACTIVE_USER : null;
    }
    Section d = s.section("directory", "groups");
    if (!d.present() || !(n.value() instanceof java.util.Map<?, ?>)) {
      return null; // reported by section(): not a mapping
    }
    if (!d.has("groups")) {
      return RequireDirectory.ACTIVE_USER;
    }
    List<String> groups = list(d, "groups", DIRECTORY_GROUP_EXPECTED, DIRECTORY_GROUP, true);
    return groups.isEmpty() ? null : new RequireDirectory(groups);
  }

  /**
   * {@code require.directory} reads a directory only SCIM provisioning fills: without
   * {@code scim.enabled} every caller would be unknown and refused, which is a mistake to report.
   */
  static void directoryNeedsScim(Errors errors, List<RouteConfig> routes, ScimConfig scim) {
    if (scim.enabled()) {
      return;
    }
    for (int i = 0; i < routes.size(); i++) {
      if (routes.get(i).require().directory() != null) {
        errors.add("routes[" + i + "].require.directory", "needs scim.enabled: true (the directory is what"
            + " Entra provisioning pushes into the SCIM endpoint); without it every caller would be unknown");
      }
    }
  }

  /** {@code terms-of-use: { agreement, via: step-up|page, auth-context, text, reaccept-every }}. */
  private static RequireTerms terms(Section s) {
    Section t = s.section("terms-of-use", "agreement", "via", "auth-context", "text", "reaccept-every");
    if (!t.present()) {
      return null;
    }
    t.required("agreement", TERMS_AGREEMENT_EXPECTED);
    String agreement = t.text("agreement", TERMS_AGREEMENT_EXPECTED);
    if (agreement != null && !GUID.matcher(agreement).matches()) {
      t.badValue("agreement", TERMS_AGREEMENT_EXPECTED, agreement);
      agreement = null;
    }
    String via = t.text("via", TERMS_VIA_EXPECTED);
    RequireTerms.Via v = via == null ? RequireTerms.Via.PAGE : switch (via) {
      case "page" -> RequireTerms.Via.PAGE;
      case "step-up" -> RequireTerms.Via.STEP_UP;
      default -> {
        t.badValue("via", TERMS_VIA_EXPECTED, via);
        yield null;
      }
    };
    String context = t.text("auth-context", AUTH_CONTEXT_EXPECTED);
    if (context != null && !AUTH_CONTEXT.matcher(context).matches()) {
      t.badValue("auth-context", AUTH_CONTEXT_EXPECTED, context);
      context = null;
    } else if (v == RequireTerms.Via.STEP_UP && context == null && !t.has("auth-context")) {
      t.errors.add(t.path("auth-context"), "via: step-up needs the auth context a Conditional Access policy binds"
          + " to the agreement (c1..c99): that is how Entra's sign-in is made to show the terms");
    } else if (v == RequireTerms.Via.PAGE && context != null) {
      t.errors.add(t.path("auth-context"), "only for via: step-up; Sallyport's own page needs no auth context");
    }
    String text = t.text("text", "the terms as text");
    if (text != null && (text.isBlank() || text.length() > 100_000)) {
      t.badValue("text", "the terms as text, 1..100000 characters", text.length() > 40 ? text.substring(0, 40) : text);
      text = null;
    }
    if (v == RequireTerms.Via.STEP_UP && t.has("text")) {
      t.errors.add(t.path("text"), "only for via: page; with step-up Entra shows the agreement's own file");
    }
    Duration every = t.duration("reaccept-every", null, false);
    if (v == RequireTerms.Via.STEP_UP && every != null) {
      t.errors.add(t.path("reaccept-every"), "only for via: page; with step-up the agreement's own rules apply");
    }
    return agreement == null || v == null ? null
        : new RequireTerms(agreement.toLowerCase(Locale.ROOT), v, context, text, every);
  }

  /**
   * {@code require.access-package} and {@code require.terms-of-use} are read from Graph with the app's own token: without a tenant
   * client secret there is no Graph client and every caller would be refused as unavailable.
   */
  static void accessPackageNeedsGraph(Errors errors, List<RouteConfig> routes, TenantConfig tenant) {
    if (tenant == null || tenant.clientSecret() != null) {
      return; // without a tenant, require itself is already reported
    }
    for (int i = 0; i < routes.size(); i++) {
      if (routes.get(i).require().accessPackage() != null) {
        errors.add("routes[" + i + "].require.access-package", "needs tenant.client-secret: assignments are read"
            + " from Microsoft Graph with the app's own token (EntitlementManagement.Read.All)");
      }
      if (routes.get(i).require().termsOfUse() != null) {
        errors.add("routes[" + i + "].require.terms-of-use", "needs tenant.client-secret: acceptances are read"
            + " from Microsoft Graph on behalf of the user (AgreementAcceptance.Read), agreements with the app's"
            + " token (Agreement.Read.All)");
      }
    }
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
