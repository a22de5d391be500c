package io.sallyport.gateway.pipeline.authn;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.config.TenantConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The WWW-Authenticate values, byte for byte as entra-protocol.md §3.1 shows them. */
class ChallengesTest {
  static final String TID = "5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6";
  final Challenges ch = new Challenges(new TenantConfig(TID, URI.create("https://login.microsoftonline.com/"),
      "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", null));
  final String uri = "authorization_uri=\"https://login.microsoftonline.com/" + TID + "/oauth2/v2.0/authorize\"";

  @Test
  void invalidAndMissingTokens() {
    assertThat(ch.invalidToken()).isEqualTo("Bearer realm=\"\", " + uri + ", error=\"invalid_token\"");
    assertThat(ch.missing()).isEqualTo("Bearer realm=\"\", " + uri);
    assertThat(ch.invalidRequest()).isEqualTo("Bearer realm=\"\", " + uri + ", error=\"invalid_request\"");
  }

  @Test
  void theClaimsChallengeCarriesTheMinifiedAcrsRequest() {
    String c = ch.insufficientClaims("c7");
    assertThat(c).startsWith("Bearer realm=\"\", " + uri + ", error=\"insufficient_claims\", claims=\"");
    String b64 = c.substring(c.indexOf("claims=\"") + 8, c.length() - 1);
    assertThat(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8))
        .isEqualTo("{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c7\"}}}");
    // the documented example value, encoded by Microsoft: same encoder, same bytes
    assertThat(Base64.getEncoder().encodeToString("{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"cp1\"}}}"
        .getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiY3AxIn19fQ==");
  }
}
