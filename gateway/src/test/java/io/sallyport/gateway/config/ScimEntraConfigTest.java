package io.sallyport.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scim.entra} and {@code tenant.ca-file}: values, and every error with its path. */
class ScimEntraConfigTest {
  static final String GUID = "5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6";
  static final String TENANT = "tenant: { id: " + GUID + ", authority: https://login.microsoftonline.com,"
      + " client-id: 9A8B7C6D-5E4F-4A3B-9C2D-1E0F9A8B7C6D, ca-file: ca.pem }\n";
  static final String ROUTES = "routes:\n  - { name: app, match: { path-prefix: / }, upstream: http://127.0.0.1:9 }\n";

  @TempDir
  static Path dir;

  @BeforeAll
  static void files() throws IOException {
    Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
  }

  static SallyportConfig parse(String yaml) {
    return ConfigLoader.parse(ROUTES + yaml, dir.resolve("sallyport.yaml"), Map.of());
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
  void entraTokensAlongsideOrInsteadOfStaticOnes() {
    SallyportConfig c = parse(TENANT + "scim: { enabled: true, entra: { audiences: [api://sallyport,"
        + " 9A8B7C6D-5E4F-4A3B-9C2D-1E0F9A8B7C6D], required-role: Scim.Provision } }\n");
    assertThat(c.scim().entra()).isEqualTo(new ScimEntraConfig(
        List.of("api://sallyport", "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"), "Scim.Provision"));
    assertThat(c.scim().tokenDigests()).isEmpty();
    assertThat(c.tenant().caFile()).isEqualTo(dir.resolve("ca.pem"));
    assertThat(parse(TENANT).tenant().caFile()).isEqualTo(dir.resolve("ca.pem"));
    assertThat(parse("scim: { enabled: true, tokens: [\"" + "t".repeat(40) + "\"] }\n").scim().entra()).isNull();
  }

  @Test
  void errorsNameThePathAndTheExpectation() {
    assertThat(errorsOf("scim: { enabled: true, entra: { audiences: [api://sallyport], required-role: R } }\n"))
        .singleElement().asString().startsWith("scim.entra: needs the tenant: section");
    assertThat(errorsOf(TENANT + "scim: { entra: { audiences: [], required-role: \"has space\" } }\n"))
        .containsExactlyInAnyOrder(
            "scim.entra.required-role: expected an app role value such as Scim.Provision (no spaces), got \"has space\"",
            "scim.entra.audiences: expected a non-empty list of the Sallyport app's client id (a GUID) or an App ID"
                + " URI such as api://sallyport, got an empty list");
    assertThat(errorsOf(TENANT + "scim: { entra: { audiences: [sallyport] } }\n")).containsExactlyInAnyOrder(
        "scim.entra.required-role: required; expected an app role value such as Scim.Provision (no spaces)",
        "scim.entra.audiences[0]: expected the Sallyport app's client id (a GUID) or an App ID URI such as"
            + " api://sallyport, got \"sallyport\"");
    assertThat(errorsOf(TENANT.replace("ca.pem", "missing.pem"))).singleElement().asString()
        .startsWith("tenant.ca-file: file does not exist");
  }
}
