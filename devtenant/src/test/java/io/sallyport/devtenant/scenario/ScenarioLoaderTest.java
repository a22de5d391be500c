package io.sallyport.devtenant.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.devtenant.harness.RunningDevTenant;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Test
  void theDemoScenarioLoadsWithEveryReferenceResolved() throws Exception {
    Scenario s = ScenarioLoader.load(RunningDevTenant.DEMO, NOW);
    assertThat(s.tenant().id()).isEqualTo("7c1c5a0e-3f4b-4d8e-9a51-2b6f0d9e4c11");
    assertThat(s.users()).extracting(Scenario.UserSpec::upn).contains("alice@sallyport-demo.onmicrosoft.com");
    String alice = s.users().get(0).id();
    assertThat(s.groups().get(0).members()).contains(alice);
    assertThat(s.roleSchedules()).anySatisfy(r -> {
      assertThat(r.principalId()).isEqualTo(alice);
      assertThat(r.roleId()).isEqualTo("b0f54661-2d74-4c50-afa3-1ec803f12efe");
      assertThat(r.end()).isEqualTo(NOW.plus(Duration.ofDays(365)));
    });
    assertThat(s.policies().get(1).termsOfUse()).containsExactly("3a8f6c2e-1b4d-4e9a-8c7f-5d2e1a0b9c84");
    assertThat(s.acceptances()).singleElement().satisfies(a ->
        assertThat(a.recorded()).isEqualTo(NOW.minus(Duration.ofDays(10))));
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsPath() {
    String yaml = """
        tenant: { id: not-a-guid }
        users:
          - { upn: a, password: x, colour: blue }
        groups:
          - { display-name: G, members: [nobody] }
        pim:
          eligible:
            - { principal: a, role: Unknown Role, end: tomorrow }
        conditional-access:
          - { display-name: P, auth-contexts: [x9], grant: [pray] }
        """;
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "s.yaml", NOW))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
            "tenant.id: not a GUID: \"not-a-guid\"",
            "users[0].colour: unknown key (expected one of id, upn, display-name, given-name, surname, mail, "
                + "job-title, department, password, mfa, enabled, app-roles)",
            "groups[0].members: \"nobody\" does not name a user or group in this scenario",
            "pim.eligible[0].role: \"Unknown Role\" does not name a directory role in this scenario",
            "pim.eligible[0].end: not a time (ISO-8601 like 2026-01-01T00:00:00Z, or now, now-30d, now+8h): \"tomorrow\"",
            "conditional-access[0].auth-contexts: not an auth context id (c1 to c99): \"x9\"",
            "conditional-access[0].grant: supported grant controls are mfa and block, not \"pray\""));
  }

  @Test
  void yamlSyntaxErrorsNameTheLine() {
    assertThatThrownBy(() -> ScenarioLoader.parse("tenant:\n  id: [\n", "s.yaml", NOW))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("s.yaml").hasMessageContaining("line ");
  }

  @Test
  void duplicateUsersAreRefused() {
    String yaml = """
        tenant: { id: 7c1c5a0e-3f4b-4d8e-9a51-2b6f0d9e4c11 }
        users:
          - { upn: a, password: x }
          - { upn: A, password: y }
        """;
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "s.yaml", NOW)).isInstanceOfSatisfying(
        ScenarioException.class, e -> assertThat(e.errors()).contains("user A@devtenant.onmicrosoft.com: defined twice"));
  }

  @Test
  void objectIdsNotGivenInTheFileAreTheSameAtEveryStart() throws Exception {
    Scenario a = ScenarioLoader.load(RunningDevTenant.DEMO, NOW);
    Scenario b = ScenarioLoader.load(RunningDevTenant.DEMO, NOW.plusSeconds(3600));
    assertThat(a.users()).extracting(Scenario.UserSpec::id)
        .containsExactlyElementsOf(b.users().stream().map(Scenario.UserSpec::id).toList());
    assertThat(a.groups()).extracting(Scenario.GroupSpec::id)
        .containsExactlyElementsOf(b.groups().stream().map(Scenario.GroupSpec::id).toList());
    assertThat(a.apps().get(0).objectId()).isEqualTo(b.apps().get(0).objectId());
    // different tenants, different ids for the same UPN local part
    Scenario other = ScenarioLoader.parse("""
        tenant: { id: 00000000-0000-0000-0000-000000000001, domain: sallyport-demo.onmicrosoft.com }
        users: [{ upn: alice, password: x }]
        """, "s", NOW);
    assertThat(other.users().get(0).id()).isNotEqualTo(a.users().get(0).id());
  }

  @Test
  void theBundledDemoFileIsTheOneTestsUse() throws Exception {
    assertThat(Files.readString(RunningDevTenant.DEMO)).contains("tenant:");
  }
}
