package io.sallyport.gateway.session;

import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;

/**
 * The two cookies of browser sign-in: the session ({@code sallyport}) and the sign-in in progress
 * ({@code sallyport-signin}). Both hold only a random id; everything else stays on the server.
 * Under TLS they take the {@code __Host-} prefix (the browser then refuses them unless Secure, for
 * Path=/ and without Domain: no sibling subdomain can plant or shadow them). They are always
 * {@code Secure} (browsers accept that over http only on localhost, which is what the demo is),
 * {@code HttpOnly} (no script reads them) and {@code SameSite=Lax} (sent on the top-level
 * navigation back from Entra, never on a cross-site POST or subrequest).
 */
public final class SessionCookie {

  public static final String SESSION = "sallyport";
  public static final String SIGN_IN = "sallyport-signin";

  private SessionCookie() {}

  public static String name(String base, boolean tls) {
    return tls ? "__Host-" + base : base;
  }

  /**
   * The cookie's value, or null when absent. Two cookies of one name (one planted by a sibling host,
   * or tossed by a script on an http origin) are refused: which one the browser meant is unknowable.
   */
  public static String value(HttpServerRequest req, String name) {
    String found = null;
    for (String header : req.headers().getAll("cookie")) {
      int i = 0;
      int n = header.length();
      while (i < n) {
        int end = header.indexOf(';', i);
        if (end < 0) {
          end = n;
        }
        int eq = header.indexOf('=', i);
        if (eq > 0 && eq < end && header.substring(i, eq).trim().equals(name)) {
          if (found != null) {
            return null;
          }
          found = header.substring(eq + 1, end).trim();
        }
        i = end + 1;
      }
    }
    return found;
  }

  public static String set(String name, String value, Duration maxAge) {
    return name + "=" + value + "; Path=/; Max-Age=" + Math.max(0, maxAge.toSeconds())
        + "; Secure; HttpOnly; SameSite=Lax";
  }

  public static String clear(String name) {
    return name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
  }
}
