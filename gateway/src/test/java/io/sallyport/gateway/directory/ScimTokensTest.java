package io.sallyport.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.config.ScimConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer tokens for SCIM: any configured token passes, anything else does not, none is shown. */
class ScimTokensTest {
  static final String CURRENT = "current-token-0123456789abcdefghijklmnop";
  static final String NEXT = "next-token-0123456789abcdefghijklmnopqrstu";
  // sha256 of NEXT, as an operator would paste it: `printf %s "$TOKEN" | sha256sum`
  static final String NEXT_HASH = "sha256:" + sha256Hex(NEXT).toUpperCase(java.util.Locale.ROOT);

  static ScimTokens configured() {
    ScimConfig c = ConfigLoader.parse("""
        routes: [ { name: app, upstream: "http://127.0.0.1:9" } ]
        scim: { enabled: true, tokens: [ "%s", "%s" ] }
        """.formatted(CURRENT, NEXT_HASH), null, Map.of()).scim();
    return ScimTokens.of(c.tokenDigests());
  }

  @Test
  void bothTokensOfARotationAreAccepted() {
    ScimTokens tokens = configured();
    assertThat(tokens.size()).isEqualTo(2);
    assertThat(tokens.matches(CURRENT)).isTrue();
    assertThat(tokens.matches(NEXT)).isTrue();
    assertThat(tokens.allows(CURRENT).result()).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"current-token-0123456789abcdefghijklmno", "current-token-0123456789abcdefghijklmnopq",
      "CURRENT-TOKEN-0123456789ABCDEFGHIJKLMNOP", " current-token-0123456789abcdefghijklmnop", "Bearer x"})
  void anythingElseIsRefused(String presented) {
    ScimTokens tokens = configured();
    assertThat(tokens.matches(presented)).isFalse();
    assertThat(tokens.allows(presented).result()).isFalse();
  }

  @Test
  void theHashItselfIsNotAToken() {
    assertThat(configured().matches(NEXT_HASH)).isFalse();
    assertThat(configured().matches(NEXT_HASH.substring("sha256:".length()))).isFalse();
  }

  @Test
  void noTokensAcceptNothing() {
    assertThat(ScimTokens.of(List.of()).matches(CURRENT)).isFalse();
  }

  @Test
  void toStringCountsButNeverShows() {
    ScimTokens tokens = configured();
    assertThat(tokens.toString()).isEqualTo("ScimTokens[2 token(s)]").doesNotContain(CURRENT, NEXT_HASH);
  }

  @Test
  void aDigestOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> ScimTokens.of(List.of("abcd"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a 32-byte SHA-256");
  }

  static String sha256Hex(String s) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
