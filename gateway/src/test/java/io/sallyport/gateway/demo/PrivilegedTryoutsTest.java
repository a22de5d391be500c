package io.sallyport.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.scenario.Scenario;
import io.sallyport.devtenant.scenario.ScenarioLoader;
import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.config.RequirePim;
import io.sallyport.gateway.config.RequireTerms;
import io.sallyport.gateway.config.RouteConfig;
import io.sallyport.gateway.demo.PrivilegedTryout.Attempt;
import io.sallyport.gateway.demo.PrivilegedTryout.Expect;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the demo banner and demo.json promise on the privileged-access routes: first for the shipped
 * config/demo.yaml with config/devtenant/demo.yaml (so a change to either that breaks the walk-through
 * fails here), then table-driven for each way a user can meet a requirement.
 */
class PrivilegedTryoutsTest {

  static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
  static final String GA = "62e90394-69f5-4237-9190-012177145e10";
  static final String PKG = "4f0e2d1c-7b6a-4958-a3b2-c1d0e9f8a7b6";
  static final String TERMS = "3a8f6c2e-1b4d-4e9a-8c7f-5d2e1a0b9c84";

  @Test
  void theShippedDemoWalksThePimWallTermsAndAccessPackage() throws IOException {
    Path ca = Files.createTempFile("demo-ca", ".pem");
    try {
      Files.writeString(ca, io.sallyport.devtenant.crypto.TlsIdentity.generate(java.time.Clock.systemUTC(),
          List.of("localhost")).certificatePem());
      List<RouteConfig> routes = ConfigLoader.load(Path.of("..", "config", "demo.yaml"),
          Map.of("SALLYPORT_DEMO_CA_FILE", ca.toString())).routes();
      Scenario scenario = ScenarioLoader.load(Path.of("..", "config", "devtenant", "demo.yaml"), NOW);
      List<PrivilegedTryout> tries = PrivilegedTryouts.of(routes, scenario, NOW);

      assertThat(tries).extracting(PrivilegedTryout::route)
          .containsExactly("demo-admin-pim", "demo-admin-terms", "demo-admin-billing");
      PrivilegedTryout pim = tries.get(0);
      assertThat(pim.path()).isEqualTo("/admin/pim");
      assertThat(pim.requires()).isEqualTo("an active PIM assignment of the directory role Global Administrator");
      assertThat(pim.attempts()).extracting(a -> a.upn().replaceFirst("@.*", ""))
          .as("dave is disabled").containsExactly("alice", "bob", "carol");
      assertThat(attempt(pim, "alice")).satisfies(a -> {
        assertThat(a.expect()).isEqualTo(Expect.ACTIVATE);
        assertThat(a.password()).isEqualTo("Alice-demo-1");
        assertThat(a.what()).contains("eligible for Global Administrator but not active", "auth context c1",
            "MFA code", "activates it through Graph");
      });
      assertThat(attempt(pim, "bob").expect()).isEqualTo(Expect.DENIED);
      assertThat(attempt(pim, "bob").what()).contains("pim.not_eligible");

      assertThat(tries.get(1).attempts()).allSatisfy(a -> {
        assertThat(a.expect()).isEqualTo(Expect.TERMS);
        assertThat(a.what()).contains("\"Privileged access terms\"", "asked again after 90 days", "then let through");
      });

      PrivilegedTryout billing = tries.get(2);
      assertThat(billing.requires()).contains("\"Billing console access\"");
      assertThat(attempt(billing, "alice").expect()).isEqualTo(Expect.ALLOWED);
      assertThat(attempt(billing, "bob").expect()).isEqualTo(Expect.DENIED);
      assertThat(attempt(billing, "bob").what()).contains("access_package.not_assigned");

      JsonObject json = billing.json("http://localhost:8080/");
      assertThat(json.getString("url")).isEqualTo("http://localhost:8080/admin/billing");
      assertThat(json.getJsonArray("users").getJsonObject(0).getString("expect")).isEqualTo("allowed");
    } finally {
      Files.deleteIfExists(ca);
    }
  }

  static final String SCENARIO = """
      tenant: { id: 3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f, domain: t.example }
      users:
        - { upn: ann, password: a }
        - { upn: ben, password: b }
        - { upn: gone, password: g, enabled: false }
      groups:
        - { display-name: Ops, id: 7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d }
      directory-roles:
        - { id: 62e90394-69f5-4237-9190-012177145e10, display-name: Global Administrator, auth-context: c1 }
        - { id: b0f54661-2d74-4c50-afa3-1ec803f12efe, display-name: Billing Administrator, require-approval: true,
            require-mfa: false, require-ticket: true, max-activation: PT4H }
        - { id: 5d6b6bb7-de71-4623-b4af-96380a352509, display-name: Security Reader }
      pim:
        eligible:
          - { principal: ann, role: Global Administrator, end: now+1d }
          - { principal: ann, role: Billing Administrator }
          - { principal: ben, role: Global Administrator, end: now-1d }
          - { principal: ann, role: Security Reader }
        active:
          - { principal: ben, role: Security Reader }
      pim-groups:
        eligible:
          - { principal: ann, group: Ops, access: owner }
      auth-contexts:
        - { id: c1, display-name: MFA }
        - { id: c2, display-name: Terms }
      conditional-access:
        - { display-name: MFA for c1, auth-contexts: [c1], grant: [mfa] }
      agreements:
        - id: 3a8f6c2e-1b4d-4e9a-8c7f-5d2e1a0b9c84
          display-name: Privileged access terms
          reaccept-every: P30D
          acceptances:
            - { user: ann, recorded: now-10d }
            - { user: ben, recorded: now-40d }
      access-packages:
        - id: 4f0e2d1c-7b6a-4958-a3b2-c1d0e9f8a7b6
          display-name: Billing console access
          assignments:
            - { user: ann, state: delivered }
            - { user: ben, state: delivered, end: now-1h }
      """;

  static Stream<Arguments> cases() {
    RequireConfig none = RequireConfig.NONE;
    return Stream.of(
        Arguments.of("eligible, auth context policy", pim(RequirePim.role(GA, null)), "ann", Expect.ACTIVATE,
            "auth context c1: you are sent to sign in for it (the tenant asks for the MFA code"),
        Arguments.of("eligibility ended", pim(RequirePim.role(GA, null)), "ben", Expect.DENIED, "pim.not_eligible"),
        Arguments.of("approval and ticket", pim(RequirePim.role("b0f54661-2d74-4c50-afa3-1ec803f12efe", null)), "ann",
            Expect.APPROVAL, "up to 4 hours, ticket required); the request then waits for an approver"),
        Arguments.of("active", pim(RequirePim.role("5d6b6bb7-de71-4623-b4af-96380a352509", null)), "ben",
            Expect.ALLOWED, "Security Reader is active; let through"),
        Arguments.of("mfa policy without an auth context", pim(RequirePim.role("5d6b6bb7-de71-4623-b4af-96380a352509",
            null)), "ann", Expect.ACTIVATE, "asks for an MFA sign-in"),
        Arguments.of("another scope", pim(RequirePim.role(GA, "/administrativeUnits/x")), "ann", Expect.DENIED,
            "not eligible"),
        Arguments.of("group ownership, default policy", pim(RequirePim.group("7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
            "owner")), "ann", Expect.ACTIVATE, "eligible for Ops (owner)"),
        Arguments.of("package delivered", pkg(PKG), "ann", Expect.ALLOWED, "holds \"Billing console access\""),
        Arguments.of("package ended", pkg(PKG), "ben", Expect.DENIED, "access_package.not_assigned"),
        Arguments.of("terms accepted at Entra", terms(RequireTerms.Via.STEP_UP), "ann", Expect.ALLOWED,
            "accepted \"Privileged access terms\" in the tenant"),
        Arguments.of("terms past reaccept", terms(RequireTerms.Via.STEP_UP), "ben", Expect.TERMS,
            "auth context c2, where the tenant shows"),
        Arguments.of("own page ignores Entra's acceptance", terms(RequireTerms.Via.PAGE), "ann", Expect.TERMS,
            "asked again after 30 days"),
        Arguments.of("no package: the terms are never reached",
            new RequireConfig(List.of(), List.of(), List.of(), false, null, null, null, PKG,
                new RequireTerms(TERMS, RequireTerms.Via.PAGE, null, null, null), RequirePim.role(GA, null)),
            "ben", Expect.DENIED, "denied (access_package.not_assigned)"),
        Arguments.of("package, terms and activation in the gateway's order",
            new RequireConfig(List.of(), List.of(), List.of(), false, null, null, null, PKG,
                new RequireTerms(TERMS, RequireTerms.Via.PAGE, null, null, null), RequirePim.role(GA, null)),
            "ann", Expect.ACTIVATE, "holds \"Billing console access\"; Sallyport's terms page"),
        Arguments.of("step-up first", new RequireConfig(List.of(), List.of(), List.of(), true, "c1", null, null, PKG),
            "ann", Expect.ALLOWED, "first a sign-in with auth context c1"),
        Arguments.of("nothing privileged", none, "ann", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachWayAUserMeetsARequirement(String name, RequireConfig require, String user, Expect expect, String says) {
    Scenario s = ScenarioLoader.parse(SCENARIO, "tryouts", NOW);
    List<PrivilegedTryout> tries = PrivilegedTryouts.of(List.of(route("r", require, false)), s, NOW);
    if (expect == null) {
      assertThat(tries).isEmpty();
      return;
    }
    assertThat(tries).singleElement().satisfies(t ->
        assertThat(t.attempts()).extracting(a -> a.upn().replaceFirst("@.*", "")).containsExactly("ann", "ben"));
    Attempt a = attempt(tries.get(0), user);
    assertThat(a.expect()).as(a.what()).isEqualTo(expect);
    assertThat(a.what()).contains(says);
  }

  @Test
  void publicRoutesAndRoutesWithRulesNotPredictedHereAreLeftOut() {
    Scenario s = ScenarioLoader.parse(SCENARIO, "tryouts", NOW);
    RequireConfig groups = new RequireConfig(List.of(), List.of(), List.of("7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d"),
        false, null, null, null, PKG);
    assertThat(PrivilegedTryouts.of(List.of(route("g", groups, false), route("p", pkg(PKG), true)), s, NOW)).isEmpty();
  }

  @Test
  void durationsReadAsPeopleSayThem() {
    assertThat(PrivilegedTryouts.human(Duration.ofDays(90))).isEqualTo("90 days");
    assertThat(PrivilegedTryouts.human(Duration.ofHours(24))).isEqualTo("24 hours");
    assertThat(PrivilegedTryouts.human(Duration.ofHours(1))).isEqualTo("1 hour");
    assertThat(PrivilegedTryouts.human(Duration.ofMinutes(90))).isEqualTo("90 minutes");
  }

  static Attempt attempt(PrivilegedTryout t, String user) {
    return t.attempts().stream().filter(a -> a.upn().startsWith(user + "@")).findFirst().orElseThrow();
  }

  static RouteConfig route(String name, RequireConfig require, boolean isPublic) {
    return new RouteConfig(name, null, "/" + name, URI.create("http://127.0.0.1:9"), null, isPublic, false, -1,
        null, null, 0, require);
  }

  static RequireConfig pim(RequirePim p) {
    return new RequireConfig(List.of(), List.of(), List.of(), false, null, null, null, null, null, p);
  }

  static RequireConfig pkg(String id) {
    return new RequireConfig(List.of(), List.of(), List.of(), false, null, null, null, id);
  }

  static RequireConfig terms(RequireTerms.Via via) {
    return new RequireConfig(List.of(), List.of(), List.of(), false, null, null, null, null,
        new RequireTerms(TERMS, via, via == RequireTerms.Via.STEP_UP ? "c2" : null, null, null));
  }
}
