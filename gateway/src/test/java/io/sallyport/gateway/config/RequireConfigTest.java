package io.sallyport.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code routes[].require} and {@code tenant.audiences}: values, defaults, and every error with its path. */
class RequireConfigTest {
  static final String GROUP = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
  static final String TENANT = "tenant: { id: 5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6, authority:"
      + " https://login.microsoftonline.com, client-id: 9A8B7C6D-5E4F-4A3B-9C2D-1E0F9A8B7C6D }\n";
  static final String ROUTE = "routes:\n  - name: app\n    upstream: http://127.0.0.1:9\n";

  static SallyportConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, null, Map.of());
  }

  static List<String> errorsOf(String yaml) {
    try {
      parse(yaml);
    } catch (ConfigException e) {
      return e.errors().stream().map(ConfigError::toString).toList();
    }
    throw new AssertionError("expected errors for:\n" + yaml);
  }

  @Test
  void everyRequirementIsRead() {
    SallyportConfig c = parse(TENANT + ROUTE + "    require:\n      scopes: [access_as_user, Billing.Read]\n"
        + "      app-roles: [Billing.Admin]\n      groups: [" + GROUP.toUpperCase() + "]\n      mfa: true\n"
        + "      auth-context: c1\n      max-auth-age: 15m\n");
    assertThat(c.routes().get(0).require()).isEqualTo(new RequireConfig(List.of("access_as_user", "Billing.Read"),
        List.of("Billing.Admin"), List.of(GROUP), true, "c1", Duration.ofMinutes(15)));
  }

  @Test
  void noRequireBlockAndDefaultAudiences() {
    SallyportConfig c = parse(TENANT + ROUTE);
    assertThat(c.routes().get(0).require()).isEqualTo(RequireConfig.NONE);
    assertThat(c.tenant().audiences()).containsExactly("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
        "api://9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");
    SallyportConfig custom = parse(TENANT.replace(" }", ", audiences: [api://billing] }") + ROUTE);
    assertThat(custom.tenant().audiences()).containsExactly("api://billing");
  }

  @Test
  void errorsNameThePathAndTheExpectation() {
    assertThat(errorsOf(TENANT + ROUTE + "    require:\n      scope: [x]\n      groups: [not-a-guid]\n"
        + "      auth-context: C100\n      max-auth-age: 0s\n      mfa: maybe\n      app-roles: []\n"))
        .containsExactlyInAnyOrder(
            "routes[0].require.scope: unknown key; did you mean \"scopes\"?",
            "routes[0].require.groups[0]: expected a group object id (a GUID), got \"not-a-guid\"",
            "routes[0].require.auth-context: expected an auth context id c1..c99, got \"C100\"",
            "routes[0].require.max-auth-age: expected a duration with a unit, like 500ms, 5s, 15m, 4h or 1d"
                + " (more than zero), got \"0s\"",
            "routes[0].require.mfa: expected true or false, got \"maybe\"",
            "routes[0].require.app-roles: expected a non-empty list of an app role value such as Billing.Admin"
                + " (no spaces), got an empty list");
    assertThat(errorsOf(ROUTE + "    require: { mfa: true }\n")).singleElement().asString()
        .startsWith("routes[0].require: needs the tenant: section");
    assertThat(errorsOf(TENANT + ROUTE + "    public: true\n    require: { mfa: true }\n")).singleElement()
        .asString().startsWith("routes[0].require: a public route has no signed-in caller to check");
    assertThat(errorsOf(TENANT.replace(" }", ", audiences: [billing] }") + ROUTE)).singleElement().asString()
        .startsWith("tenant.audiences[0]: expected");
  }

  @Test
  void accessPackageIsAGuidReadInLowerCaseAndNeedsTheClientSecret() {
    String pkg = "4F0E2D1C-8B7A-4C6D-9E5F-0A1B2C3D4E5F";
    String withSecret = TENANT.replace(" }", ", client-secret: s3cret }");
    SallyportConfig c = parse(withSecret + ROUTE + "    require: { access-package: " + pkg + " }\n");
    assertThat(c.routes().get(0).require().accessPackage()).isEqualTo(pkg.toLowerCase());
    assertThat(errorsOf(withSecret + ROUTE + "    require: { access-package: billing }\n")).containsExactly(
        "routes[0].require.access-package: expected an access package id (a GUID), got \"billing\"");
    assertThat(errorsOf(TENANT + ROUTE + "    require: { access-package: " + pkg + " }\n")).singleElement()
        .asString().startsWith("routes[0].require.access-package: needs tenant.client-secret");
  }

  @Test
  void termsOfUseAreReadWithTheirWayThroughAndEveryMistakeNamed() {
    String id = "3A8F6C2E-1B2C-4D3E-9F4A-5B6C7D8E9F0A";
    String withSecret = TENANT.replace(" }", ", client-secret: s3cret }");
    SallyportConfig step = parse(withSecret + ROUTE + "    require: { terms-of-use: { agreement: " + id
        + ", via: step-up, auth-context: c2 } }\n");
    assertThat(step.routes().get(0).require().termsOfUse()).isEqualTo(new RequireTerms(id.toLowerCase(),
        RequireTerms.Via.STEP_UP, "c2", null, null));
    SallyportConfig page = parse(withSecret + ROUTE + "    require: { terms-of-use: { agreement: " + id
        + ", text: Be nice, reaccept-every: 30d } }\n");
    assertThat(page.routes().get(0).require().termsOfUse()).isEqualTo(new RequireTerms(id.toLowerCase(),
        RequireTerms.Via.PAGE, null, "Be nice", Duration.ofDays(30)));
    assertThat(errorsOf(withSecret + ROUTE + "    require: { terms-of-use: { agreement: x, via: popup } }\n"))
        .containsExactlyInAnyOrder(
            "routes[0].require.terms-of-use.agreement: expected a terms of use agreement id (a GUID), got \"x\"",
            "routes[0].require.terms-of-use.via: expected step-up or page, got \"popup\"");
    assertThat(errorsOf(withSecret + ROUTE + "    require: { terms-of-use: { agreement: " + id
        + ", via: step-up, text: t } }\n")).containsExactlyInAnyOrder(
            "routes[0].require.terms-of-use.auth-context: via: step-up needs the auth context a Conditional Access"
                + " policy binds to the agreement (c1..c99): that is how Entra's sign-in is made to show the terms",
            "routes[0].require.terms-of-use.text: only for via: page; with step-up Entra shows the agreement's own file");
    assertThat(errorsOf(withSecret + ROUTE + "    require: { terms-of-use: { via: page } }\n")).singleElement()
        .asString().startsWith("routes[0].require.terms-of-use.agreement:");
    assertThat(errorsOf(TENANT + ROUTE + "    require: { terms-of-use: { agreement: " + id + " } }\n"))
        .singleElement().asString().startsWith("routes[0].require.terms-of-use: needs tenant.client-secret");
  }
}
