package io.sallyport.gateway.pipeline.authn;

import io.sallyport.gateway.config.TenantConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code WWW-Authenticate} values Entra-aware clients understand (entra-protocol.md §3.1): the
 * tenant's authorize endpoint as {@code authorization_uri}, and for Conditional Access the
 * {@code insufficient_claims} challenge whose {@code claims} MSAL passes straight back to Entra.
 */
final class Challenges {

  private final String prefix;

  Challenges(TenantConfig tenant) {
    String a = tenant.authority().toString();
    String authority = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
    this.prefix = "Bearer realm=\"\", authorization_uri=\"" + authority + "/" + tenant.id() + "/oauth2/v2.0/authorize\"";
  }

  /** No credentials at all: RFC 6750 §3.1 says no error code then. */
  String missing() {
    return prefix;
  }

  String invalidRequest() {
    return prefix + ", error=\"invalid_request\"";
  }

  String invalidToken() {
    return prefix + ", error=\"invalid_token\"";
  }

  /** Ask for a token that satisfied the auth context: exactly the form of Microsoft's documentation and sample. */
  String insufficientClaims(String authContext) {
    String json = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"" + authContext + "\"}}}";
    return prefix + ", error=\"insufficient_claims\", claims=\""
        + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "\"";
  }
}
