package io.sallyport.gateway.config;

import java.util.List;

/**
 * {@code scim.entra}: the SCIM endpoint also accepts an Entra app-only access token (client
 * credentials) of the configured tenant, for one of these audiences, carrying the app role.
 *
 * @param audiences     accepted {@code aud}: the Sallyport app's client id and App ID URIs
 * @param requiredRole  the app role ({@code roles} claim) the calling app must have been granted
 */
public record ScimEntraConfig(List<String> audiences, String requiredRole) {
  public ScimEntraConfig {
    audiences = List.copyOf(audiences);
  }
}
