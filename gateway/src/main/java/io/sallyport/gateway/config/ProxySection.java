package io.sallyport.gateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code proxy:} and {@code access-log:}: data-plane settings shared by every route. */
final class ProxySection {
  static final String ASSERTION_HEADER = "X-Sallyport-Assertion";
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
  static final Duration RELOAD_INTERVAL = Duration.ofSeconds(2);

  // RFC 9110 token characters
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  // a proxy strips or rewrites these per hop, and Content-Length frames the body: the assertion
  // would be lost or break the exchange
  private static final Set<String> FORBIDDEN = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
      "content-length");

  private ProxySection() {}

  static ProxyConfig read(Section root) {
    Section s = root.section("proxy", "trusted-proxies", "assertion-header", "shutdown-grace", "reload-interval");
    return new ProxyConfig(trustedProxies(s), assertionHeader(s),
        s.duration("shutdown-grace", SHUTDOWN_GRACE, true),
        s.duration("reload-interval", RELOAD_INTERVAL, true));
  }

  private static List<Cidr> trustedProxies(Section s) {
    List<Cidr> out = new ArrayList<>();
    Node n = s.node("trusted-proxies");
    if (n == null || n.isNull() || n.isInvalid()) {
      return out;
    }
    String expected = "a list of IPv4/IPv6 addresses or CIDRs, like [10.0.0.0/8, \"::1\"]";
    if (!(n.value() instanceof List<?> list)) {
      s.bad("trusted-proxies", expected, n.describe());
      return out;
    }
    for (Object o : list) {
      Node item = (Node) o;
      if (item.isInvalid()) {
        continue;
      }
      if (!(item.value() instanceof String text)) {
        s.errors.add(item.path(), "expected an IPv4/IPv6 address or CIDR, got " + item.describe());
        continue;
      }
      try {
        out.add(Cidr.parse(text));
      } catch (IllegalArgumentException e) {
        s.errors.add(item.path(), e.getMessage());
      }
    }
    return out;
  }

  private static String assertionHeader(Section s) {
    String h = s.string("assertion-header", ASSERTION_HEADER, "a header name");
    if (!TOKEN.matcher(h).matches()) {
      s.badValue("assertion-header", "a header name (letters, digits and -)", h);
      return ASSERTION_HEADER;
    }
    if (FORBIDDEN.contains(h.toLowerCase(Locale.ROOT))) {
      s.badValue("assertion-header", "a header that is not hop-by-hop, Host or Content-Length", h);
      return ASSERTION_HEADER;
    }
    return h;
  }

  /** {@code access-log:} is a scalar: "off", "stdout", or a file path. */
  static AccessLogConfig accessLog(Section root) {
    String t = root.string("access-log", "stdout", "\"off\", \"stdout\" or a file path");
    if (t.equals("off") || t.equals("stdout")) {
      return new AccessLogConfig(t);
    }
    if (t.isBlank()) {
      root.badValue("access-log", "\"off\", \"stdout\" or a file path", t);
      return new AccessLogConfig("stdout");
    }
    // relative to the config file, like every other path, so the working directory does not matter
    return new AccessLogConfig(root.baseDir.resolve(t).normalize().toString());
  }
}
