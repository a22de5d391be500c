package io.sallyport.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code scim:}: every key, its default, and every error with its path; tokens never echoed. */
class ScimConfigTest {
  static final String TOKEN_A = "A".repeat(20) + "b-c_d.e~f+g/h1234";
  static final String TOKEN_B = "tokenB-0123456789abcdefghijklmnopqrstuv";
  static final String HASH_OF_B = ScimSection.sha256(TOKEN_B);
  private static final Map<String, String> ENV = Map.of("SCIM_TOKEN", TOKEN_A, "SHORT", "short-token");
  private static final String ROUTES = "routes:\n  - name: app\n    match: { path-prefix: / }\n"
      + "    upstream: http://127.0.0.1:9\n";

  @TempDir
  static Path dir;

  @BeforeAll
  static void files() throws IOException {
    Files.writeString(dir.resolve("scim-token"), TOKEN_B + "\n");
    Files.writeString(dir.resolve("empty-token"), "\n");
  }

  static SallyportConfig parse(String scim) {
    return ConfigLoader.parse(ROUTES + scim, dir.resolve("sallyport.yaml"), ENV);
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
  void absentMeansDisabledWithDefaults() {
    ScimConfig c = parse("").scim();
    assertThat(c).isEqualTo(ScimConfig.disabled());
    assertThat(c.enabled()).isFalse();
    assertThat(c.basePath()).isEqualTo("/scim/v2");
    assertThat(c.maxBodySize()).isEqualTo(1 << 20);
    assertThat(c.maxPageSize()).isEqualTo(1000);
    assertThat(c.tokenDigests()).isEmpty();
  }

  @Test
  void everyKeyAndEveryTokenForm() {
    ScimConfig c = parse("""
        scim:
          enabled: true
          base-path: /directory/scim
          tokens:
            - "${SCIM_TOKEN}"
            - file:scim-token
            - sha256:%s
            - %s
          max-body-size: 256KiB
          max-page-size: 200
        """.formatted("AB".repeat(32), "literal-token-of-at-least-32-characters")).scim();
    assertThat(c.enabled()).isTrue();
    assertThat(c.basePath()).isEqualTo("/directory/scim");
    assertThat(c.tokenDigests()).containsExactly(ScimSection.sha256(TOKEN_A), HASH_OF_B, "ab".repeat(32),
        ScimSection.sha256("literal-token-of-at-least-32-characters"));
    assertThat(c.maxBodySize()).isEqualTo(256 * 1024);
    assertThat(c.maxPageSize()).isEqualTo(200);
  }

  @Test
  void secretsNeverAppearInToStringOrErrors() {
    ScimConfig c = parse("scim: { enabled: true, tokens: [\"${SCIM_TOKEN}\", file:scim-token] }").scim();
    assertThat(c.toString()).contains("tokens=2").doesNotContain(TOKEN_A, TOKEN_B, c.tokenDigests().get(0));
    List<String> errors = errorsOf("scim: { enabled: true, tokens: [\"${SHORT}\", \"has space"
        + " in it and is long enough to pass\", \"${SCIM_TOKEN}\", \"${SCIM_TOKEN}\"] }");
    assertThat(String.join("\n", errors)).doesNotContain("short-token", "has space", TOKEN_A);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        arguments("scim: { enabld: true }", "scim.enabld: unknown key; did you mean \"enabled\"?"),
        arguments("scim: [1]", "scim: expected a mapping with keys enabled, base-path, tokens, max-body-size,"
            + " max-page-size, entra, got a list"),
        arguments("scim: { enabled: yes }", "scim.enabled: expected true or false, got \"yes\""),
        arguments("scim: { enabled: true }", "scim.tokens: required when enabled is true; expected a list of"
            + " at least one token"),
        arguments("scim: { enabled: true, tokens: [] }", "scim.tokens: expected a list of at least one token"),
        arguments("scim: { enabled: true, tokens: abc }", "scim.tokens: expected a list of at least one token"),
        arguments("scim: { tokens: [ { a: b } ] }", "scim.tokens[0]: expected a secret (${ENV}, file:path, or"
            + " a literal of at least 32 characters) or sha256:<64 hex digits>, got a mapping"),
        arguments("scim: { tokens: [\"${SHORT}\"] }", "scim.tokens[0]: token is shorter than 32 characters"),
        arguments("scim: { tokens: [short] }", "scim.tokens[0]: token is shorter than 32 characters"),
        arguments("scim: { tokens: [\"\"] }", "scim.tokens[0]: empty token"),
        arguments("scim: { tokens: [\"${MISSING}\"] }", "scim.tokens[0]: environment variable MISSING is not set"),
        arguments("scim: { tokens: [\"file:nope\"] }", "scim.tokens[0]: secret file"),
        arguments("scim: { tokens: [\"file:empty-token\"] }", "scim.tokens[0]: secret file"),
        arguments("scim: { tokens: [\"sha256:abc\"] }", "scim.tokens[0]: a hash must be sha256: followed by"
            + " exactly 64 hex digits (got 3 characters after the prefix)"),
        arguments("scim: { tokens: [\"sha256:" + "g".repeat(64) + "\"] }", "scim.tokens[0]: a hash must be"),
        arguments("scim: { tokens: [\"" + "é".repeat(40) + "\"] }", "scim.tokens[0]: token has characters a"
            + " bearer token cannot carry"),
        arguments("scim: { tokens: [file:scim-token, \"sha256:" + HASH_OF_B + "\"] }",
            "scim.tokens[1]: same token as scim.tokens[0]; expected each token once"),
        arguments("scim: { base-path: scim }", "scim.base-path: expected a path like /scim/v2"),
        arguments("scim: { base-path: /scim/v2/ }", "scim.base-path: expected a path like /scim/v2"),
        arguments("scim: { base-path: / }", "scim.base-path: expected a path like /scim/v2"),
        arguments("scim: { base-path: /scim/../v2 }", "scim.base-path: expected a path like /scim/v2"),
        arguments("scim: { base-path: \"/scim v2\" }", "scim.base-path: expected a path like /scim/v2"),
        arguments("scim: { base-path: \"/scim?x\" }", "scim.base-path: expected a path like /scim/v2"),
        arguments("scim: { max-body-size: 10 }", "scim.max-body-size: expected a size like 100, 64KiB, 1MiB or"
            + " 10MB, 1KiB..64MiB, got \"10\""),
        arguments("scim: { max-body-size: unlimited }", "scim.max-body-size: expected a size"),
        arguments("scim: { max-body-size: 65MiB }", "scim.max-body-size: expected a size"),
        arguments("scim: { max-page-size: 0 }", "scim.max-page-size: expected an integer 1..10000, got \"0\""),
        arguments("scim: { max-page-size: 10001 }", "scim.max-page-size: expected an integer 1..10000"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void eachErrorNamesItsPath(String yaml, String expected) {
    assertThat(errorsOf(yaml)).anySatisfy(e -> assertThat(e).startsWith(expected));
  }

  @Test
  void aRouteUnderTheBasePathIsAnErrorNamingTheRoute() {
    String yaml = """
        scim: { enabled: true, tokens: ["${SCIM_TOKEN}"] }
        """;
    String routes = "routes:\n"
        + "  - { name: root, match: { path-prefix: / }, upstream: http://127.0.0.1:9 }\n"
        + "  - { name: scim-parent, match: { path-prefix: /scim }, upstream: http://127.0.0.1:9 }\n"
        + "  - { name: sibling, match: { path-prefix: /scim/v2x }, upstream: http://127.0.0.1:9 }\n"
        + "  - { name: same, match: { host: a.example, path-prefix: /scim/v2 }, upstream: http://127.0.0.1:9 }\n"
        + "  - { name: under, match: { path-prefix: /scim/v2/Users/ }, upstream: http://127.0.0.1:9 }\n";
    List<String> errors;
    try {
      ConfigLoader.parse(routes + yaml, dir.resolve("x.yaml"), ENV);
      throw new AssertionError("expected errors");
    } catch (ConfigException e) {
      errors = e.errors().stream().map(ConfigError::toString).toList();
    }
    assertThat(errors).containsExactly(
        "scim.base-path: \"/scim/v2\" shadows routes[3] (\"same\", path-prefix \"/scim/v2\"): SCIM answers every"
            + " request under the base path on every host, so the route would never be reached; expected a"
            + " base path no route's path-prefix lies under",
        "scim.base-path: \"/scim/v2\" shadows routes[4] (\"under\", path-prefix \"/scim/v2/Users/\"): SCIM"
            + " answers every request under the base path on every host, so the route would never be reached;"
            + " expected a base path no route's path-prefix lies under");
    // disabled: nothing is shadowed
    assertThat(ConfigLoader.parse(routes + "scim: { tokens: [\"${SCIM_TOKEN}\"] }", dir.resolve("x.yaml"), ENV)
        .scim().enabled()).isFalse();
  }

  @Test
  void disabledStillValidatesTokensButDoesNotRequireThem() {
    assertThat(parse("scim: { enabled: false }").scim().enabled()).isFalse();
    assertThat(errorsOf("scim: { enabled: false, tokens: [short] }")).hasSize(1);
  }
}
