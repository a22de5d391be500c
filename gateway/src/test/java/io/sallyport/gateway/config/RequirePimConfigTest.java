package io.sallyport.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code routes[].require.pim} and {@code graph.pim-refresh}: values, defaults, and every error with its path. */
class RequirePimConfigTest {
  static final String ROLE = "5d6b6bb7-de71-4623-b4af-96380a352509";
  static final String GROUP = "7A1B2C3D-4E5F-4A6B-9C7D-8E9F0A1B2C3D";
  static final String TENANT = "tenant: { id: 5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6, authority:"
      + " https://login.microsoftonline.com, client-id: 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d,"
      + " client-secret: s3cret }\n";
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

  static RequirePim pim(String value) {
    return parse(TENANT + ROUTE + "    require: { pim: " + value + " }\n").routes().get(0).require().pim();
  }

  @Test
  void rolesAndGroupsAreReadWithTheirDefaults() {
    assertThat(pim("{ role: " + ROLE + " }")).isEqualTo(new RequirePim(RequirePim.Kind.ROLE, ROLE, "/", null));
    assertThat(pim("{ role: " + ROLE + ", scope: /administrativeUnits/au1 }").label())
        .isEqualTo(ROLE + "@/administrativeUnits/au1");
    RequirePim g = pim("{ group: " + GROUP + " }");
    assertThat(g).isEqualTo(new RequirePim(RequirePim.Kind.GROUP, GROUP.toLowerCase(), null, "member"));
    assertThat(g.label()).isEqualTo(GROUP.toLowerCase() + ":member");
    assertThat(pim("{ group: " + GROUP + ", access: owner }").access()).isEqualTo("owner");
    assertThat(parse(TENANT + ROUTE).routes().get(0).require().pim()).isNull();
  }

  @Test
  void pimRefreshDefaultsTo60sAndIsBounded() {
    assertThat(parse(TENANT + ROUTE).graph().pimRefresh()).isEqualTo(Duration.ofSeconds(60));
    assertThat(parse(TENANT + "graph: { pim-refresh: 15s }\n" + ROUTE).graph().pimRefresh())
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(errorsOf(TENANT + "graph: { pim-refresh: 2h }\n" + ROUTE)).singleElement().asString()
        .isEqualTo("graph.pim-refresh: expected a duration of at most 1h, got \"7200s\"");
  }

  @Test
  void errorsNameThePathAndTheExpectation() {
    assertThat(errorsOf(TENANT + ROUTE + "    require: { pim: { role: nope } }\n")).containsExactly(
        "routes[0].require.pim.role: expected a role definition (template) id, a GUID, got \"nope\"");
    assertThat(errorsOf(TENANT + ROUTE + "    require: { pim: { role: " + ROLE + ", group: " + GROUP + " } }\n"))
        .singleElement().asString().startsWith("routes[0].require.pim: expected exactly one of role and group");
    assertThat(errorsOf(TENANT + ROUTE + "    require: { pim: {} }\n")).singleElement().asString()
        .startsWith("routes[0].require.pim: expected exactly one of role and group");
    assertThat(errorsOf(TENANT + ROUTE + "    require: { pim: { group: " + GROUP + ", access: admin } }\n"))
        .containsExactly("routes[0].require.pim.access: expected member or owner, got \"admin\"");
    assertThat(errorsOf(TENANT + ROUTE + "    require: { pim: { group: " + GROUP + ", scope: / } }\n"))
        .containsExactly("routes[0].require.pim.scope: applies to a role only; a group has access (member or owner)");
    assertThat(errorsOf(TENANT + ROUTE + "    require: { pim: { role: " + ROLE + ", scope: \"/x'y\" } }\n"))
        .singleElement().asString().startsWith("routes[0].require.pim.scope: expected a directory scope id");
    assertThat(errorsOf(TENANT + ROUTE + "    require: { pim: true }\n")).singleElement().asString()
        .startsWith("routes[0].require.pim: expected { role:");
    assertThat(errorsOf(TENANT + ROUTE + "    require: { pim: { rolee: " + ROLE + " } }\n"))
        .contains("routes[0].require.pim.rolee: unknown key; did you mean \"role\"?");
  }

  @Test
  void pimNeedsTheClientSecret() {
    assertThat(errorsOf(TENANT.replace(", client-secret: s3cret", "") + ROUTE + "    require: { pim: { role: "
        + ROLE + " } }\n")).singleElement().asString()
        .startsWith("routes[0].require.pim: needs tenant.client-secret");
  }
}
