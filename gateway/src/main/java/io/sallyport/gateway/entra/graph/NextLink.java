package io.sallyport.gateway.entra.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code @odata.nextLink} is an absolute URL the client must follow verbatim; it also receives the
 * app's bearer token. So it is followed only on the configured Graph origin (scheme, host, port)
 * and under its base path: a link elsewhere is a failure, never a request.
 */
final class NextLink {

  private NextLink() {}

  /** The link, when it stays on {@code graphUrl}'s origin and path; null otherwise. */
  static URI onOrigin(URI graphUrl, String link) {
    if (link == null || link.isEmpty()) {
      return null;
    }
    URI u;
    try {
      u = new URI(link);
    } catch (URISyntaxException e) {
      return null;
    }
    if (!u.isAbsolute() || u.getRawUserInfo() != null || u.getHost() == null || u.getRawFragment() != null) {
      return null;
    }
    String scheme = lower(u.getScheme());
    if (!scheme.equals(lower(graphUrl.getScheme())) || !lower(u.getHost()).equals(lower(graphUrl.getHost()))
        || port(u, scheme) != port(graphUrl, scheme)) {
      return null;
    }
    String base = graphUrl.getRawPath() == null ? "" : graphUrl.getRawPath();
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    // "/graph" must not let "/graphx/..." through, and dot segments must not climb out of it
    if (!base.isEmpty() && !(path + "/").startsWith(base + "/") || path.contains("/../") || path.endsWith("/..")) {
      return null;
    }
    return u;
  }

  private static int port(URI u, String scheme) {
    return u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
