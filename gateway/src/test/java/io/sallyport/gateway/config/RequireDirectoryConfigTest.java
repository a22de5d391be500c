package io.sallyport.gateway.config;

import static io.sallyport.gateway.config.RequireConfigTest.errorsOf;
import static io.sallyport.gateway.config.RequireConfigTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code routes[].require.directory}: the forms it takes, and each mistake reported with its path. */
class RequireDirectoryConfigTest {
  static final String SCIM = "scim: { enabled: true, tokens: [ \"directory-config-token-0123456789abcdef\" ] }\n";

  static RequireDirectory read(String value) {
    return parse(RequireConfigTest.TENANT + SCIM + RequireConfigTest.ROUTE + "    require: { directory: " + value
        + " }\n").routes().get(0).require().directory();
  }

  @Test
  void theFormsItTakes() {
    assertThat(read("true")).isEqualTo(RequireDirectory.ACTIVE_USER);
    assertThat(read("false")).isNull();
    assertThat(read("{}")).isEqualTo(RequireDirectory.ACTIVE_USER);
    // names are compared ignoring case: held lower-cased, duplicates folded
    assertThat(read("{ groups: [\"Billing Admins\", billing admins, 7d3c0a1e-Ab12-4c5d-9e8f-0a1b2c3d4e5f] }"))
        .isEqualTo(new RequireDirectory(List.of("billing admins", "7d3c0a1e-ab12-4c5d-9e8f-0a1b2c3d4e5f")));
    assertThat(parse(RequireConfigTest.TENANT + RequireConfigTest.ROUTE).routes().get(0).require().directory())
        .isNull();
  }

  @Test
  void mistakesNameThePathAndTheExpectation() {
    String base = RequireConfigTest.TENANT + SCIM + RequireConfigTest.ROUTE + "    require: { directory: ";
    assertThat(errorsOf(base + "yes-please }\n")).containsExactly("routes[0].require.directory: expected true,"
        + " false or { groups: [<SCIM group displayName or id>] }, got \"yes-please\"");
    assertThat(errorsOf(base + "{ groups: [] } }\n")).singleElement().asString()
        .startsWith("routes[0].require.directory.groups: expected a non-empty list of a SCIM group displayName");
    assertThat(errorsOf(base + "{ groups: [\" \"] } }\n")).singleElement().asString()
        .startsWith("routes[0].require.directory.groups[0]: expected a SCIM group displayName, id or externalId");
    assertThat(errorsOf(base + "{ groups: [\"" + "g".repeat(513) + "\"] } }\n")).hasSize(1);
    assertThat(errorsOf(base + "{ group: [Ops] } }\n")).singleElement().asString()
        .startsWith("routes[0].require.directory.group: unknown key; did you mean \"groups\"?");
    assertThat(errorsOf(base + "[Ops] }\n")).singleElement().asString()
        .startsWith("routes[0].require.directory: expected a mapping with keys groups");
  }

  @Test
  void theDirectoryNeedsScimEnabled() {
    assertThat(errorsOf(RequireConfigTest.TENANT + RequireConfigTest.ROUTE + "    require: { directory: true }\n"))
        .singleElement().asString().startsWith("routes[0].require.directory: needs scim.enabled: true");
  }

  @Test
  void aPublicRouteCannotRequireTheDirectory() {
    assertThat(errorsOf(RequireConfigTest.TENANT + SCIM + RequireConfigTest.ROUTE
        + "    public: true\n    require: { directory: true }\n"))
        .anyMatch(e -> e.startsWith("routes[0].require: a public route has no signed-in caller"));
  }
}
