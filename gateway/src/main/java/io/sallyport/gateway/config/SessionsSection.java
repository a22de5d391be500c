package io.sallyport.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code sessions:}: browser sign-in and session lifetimes. Reloaded live. */
final class SessionsSection {
  private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"); // RFC 6749 scope-token
  private static final String URI_EXPECTED = "an absolute http(s) URL without a fragment";

  private SessionsSection() {}

  static SessionsConfig read(Section root) {
    Section s = root.section("sessions", "idle-timeout", "absolute-timeout", "refresh-before", "scopes",
        "redirect-uri", "post-logout-redirect-uri");
    SessionsConfig d = SessionsConfig.defaults();
    if (!s.present()) {
      return d;
    }
    Duration idle = s.duration("idle-timeout", d.idleTimeout(), false);
    Duration absolute = s.duration("absolute-timeout", d.absoluteTimeout(), false);
    Duration refresh = s.duration("refresh-before", d.refreshBefore(), true);
    if (idle.compareTo(absolute) > 0) {
      s.errors.add(s.path("idle-timeout"), "is longer than absolute-timeout (" + absolute + "); expected at most"
          + " the absolute timeout");
    }
    List<String> scopes = s.has("scopes") ? scopes(s) : null;
    URI redirect = uri(s, "redirect-uri");
    if (redirect != null && !redirect.getRawPath().equals(SessionsConfig.CALLBACK_PATH)) {
      s.badValue("redirect-uri", "a URL whose path is " + SessionsConfig.CALLBACK_PATH
          + " (where Sallyport takes the answer)", redirect.toString());
    }
    return new SessionsConfig(idle, absolute, refresh, scopes, redirect, uri(s, "post-logout-redirect-uri"));
  }

  private static List<String> scopes(Section s) {
    List<String> out = RequireSection.list(s, "scopes", "a scope such as openid or api://sallyport/access_as_user",
        SCOPE, false);
    if (!out.contains("openid")) {
      s.errors.add(s.path("scopes"), "must include openid; expected the OpenID Connect scope and the API's scope");
      return new ArrayList<>(out);
    }
    return out;
  }

  private static URI uri(Section s, String key) {
    String v = s.text(key, URI_EXPECTED);
    if (v == null) {
      return null;
    }
    try {
      URI u = new URI(v);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && u.getHost() != null && u.getRawFragment() == null) {
        return u;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    s.badValue(key, URI_EXPECTED, v);
    return null;
  }
}
