package io.sallyport.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Browser sign-in and server-side sessions ({@code sessions:}). Sign-in is on whenever a tenant
 * with a client secret is configured; these are its knobs.
 *
 * @param idleTimeout            a session unused this long ends
 * @param absoluteTimeout        a session ends this long after sign-in, however active
 * @param refreshBefore          the session's access token is refreshed once it expires within this
 * @param scopes                 requested at sign-in; null for the default (openid, profile,
 *                               offline_access and {@code {client-id}/.default}: the access token must
 *                               be for Sallyport itself, so the route checks can read its claims)
 * @param redirectUri            the callback registered on the app; null to derive it from the
 *                               request ({@code {scheme}://{host}/.sallyport/callback})
 * @param postLogoutRedirectUri  where Entra sends the browser after sign-out; null for Sallyport's
 *                               own signed-out page on the same origin
 */
public record SessionsConfig(Duration idleTimeout, Duration absoluteTimeout, Duration refreshBefore,
                             List<String> scopes, URI redirectUri, URI postLogoutRedirectUri) {

  public static final String CALLBACK_PATH = "/.sallyport/callback";

  public SessionsConfig {
    scopes = scopes == null ? null : List.copyOf(scopes);
  }

  public static SessionsConfig defaults() {
    return new SessionsConfig(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofMinutes(5), null, null, null);
  }

  /** The scopes asked for at sign-in for this client. */
  public List<String> scopesFor(String clientId) {
    return scopes != null ? scopes : List.of("openid", "profile", "offline_access", clientId + "/.default");
  }
}
