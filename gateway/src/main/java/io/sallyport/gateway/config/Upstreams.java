package io.sallyport.gateway.config;

import io.sallyport.gateway.config.RouteConfig.UpstreamTls;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/** A route's {@code upstream} URL and its {@code upstream-tls} block. */
final class Upstreams {
  private Upstreams() {}

  /**
   * The upstream URI; a path part is kept because the proxy prepends it to every forwarded path.
   * Null when absent or invalid (reported).
   */
  static URI parse(Section s) {
    String v = s.text("upstream", "an absolute http(s) URL such as http://10.0.0.5:3000");
    if (v == null) {
      return null;
    }
    URI u;
    try {
      u = new URI(v);
    } catch (URISyntaxException e) {
      u = null;
    }
    String scheme = u == null || u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (u == null || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      s.errors.add(s.path("upstream"), "not an absolute http(s) URL: " + Scalars.quote(v));
      return null;
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      s.errors.add(s.path("upstream"), "must not have a query or fragment: " + Scalars.quote(v)
          + "; expected scheme, host, optional port and optional path");
      return null;
    }
    if (u.getRawUserInfo() != null) {
      // credentials in a URL end up in logs and admin pages; the quoted value is left out on purpose
      s.errors.add(s.path("upstream"), "must not contain user info (user:password@); expected scheme, host, "
          + "optional port and optional path");
      return null;
    }
    return u;
  }

  static UpstreamTls tls(Section route, URI upstream) {
    Section t = route.section("upstream-tls", "ca-file", "verify-hostname");
    if (!t.present()) {
      return null;
    }
    if (upstream != null && !"https".equalsIgnoreCase(upstream.getScheme())) {
      route.errors.add(route.path("upstream-tls"), "only allowed for an https upstream, but upstream is "
          + Scalars.quote(upstream.toString()));
    }
    Path ca = t.existingFile("ca-file", "a readable PEM CA bundle");
    return new UpstreamTls(ca, t.bool("verify-hostname", true));
  }
}
