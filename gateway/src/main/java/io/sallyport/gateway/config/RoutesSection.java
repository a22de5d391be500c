package io.sallyport.gateway.config;

import io.sallyport.gateway.config.RouteConfig.Timeouts;
import io.sallyport.gateway.config.RouteConfig.UpstreamTls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code routes:}: which requests go to which upstream. Reloaded live. */
final class RoutesSection {
  static final long MAX_BODY_SIZE = 100L << 20;
  static final int MAX_CONNECTIONS = 512;
  static final Timeouts TIMEOUTS =
      new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(60));

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final String NAME_EXPECTED = "a name matching ^[a-z0-9][a-z0-9-]{0,62}$";
  private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
  private static final Pattern HOST = Pattern.compile("(\\*\\.)?" + LABEL + "(\\." + LABEL + ")*");
  private static final String HOST_EXPECTED =
      "a host name like \"app.example.com\" or \"*.example.com\" (no scheme, no port)";
  private static final Pattern PATH = Pattern.compile("/[^?#\\s]*");
  private static final String PATH_EXPECTED = "a path starting with \"/\" without \"?\", \"#\" or whitespace";

  private static final String AUDIENCE_EXPECTED =
      "a non-empty string of printable characters (at most 512), e.g. https://billing.internal.example";

  private RoutesSection() {}

  static List<RouteConfig> read(Section root, boolean tenantPresent) {
    List<RouteConfig> routes = new ArrayList<>();
    Node n = root.node("routes");
    String expected = "a list of at least one route";
    if (n == null || n.isNull()) {
      root.errors.add("routes", "required; expected " + expected);
      return routes;
    }
    if (!(n.value() instanceof List<?> list) || list.isEmpty()) {
      if (!n.isInvalid()) {
        root.bad("routes", expected, n.value() instanceof List<?> ? "an empty list" : n.describe());
      }
      return routes;
    }
    Map<String, Integer> names = new HashMap<>();
    Map<List<String>, Integer> matches = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Node item = (Node) list.get(i);
      Section s = new Section(item.path(), item, root.errors, root.baseDir, List.of("name", "match",
          "upstream", "rewrite-prefix", "public", "preserve-host", "forward-token", "max-body-size", "max-connections",
          "timeouts", "upstream-tls", "require", "assertion-audience"));
      if (!s.present()) {
        root.errors.add(item.path(), "expected a route (a mapping with name, match, upstream), got nothing");
        continue;
      }
      RouteConfig r = RouteReader.read(s, tenantPresent);
      if (r.name() != null) {
        Integer first = names.putIfAbsent(r.name(), i);
        if (first != null) {
          root.errors.add(s.path("name"), "duplicate name " + Scalars.quote(r.name())
              + "; already used by routes[" + first + "]");
        }
      }
      Integer same = matches.putIfAbsent(java.util.Arrays.asList(r.host(), r.pathPrefix()), i);
      if (same != null) {
        root.errors.add(s.path("match"), "same host and path-prefix as routes[" + same + "] (host "
            + (r.host() == null ? "any" : Scalars.quote(r.host())) + ", path-prefix "
            + Scalars.quote(r.pathPrefix()) + "); expected each (host, path-prefix) pair once");
      }
      routes.add(r);
    }
    return routes;
  }

  /** Reads one route; separate so the list logic above stays readable. */
  static final class RouteReader {
    private RouteReader() {}

    static RouteConfig read(Section s, boolean tenantPresent) {
      s.required("name", NAME_EXPECTED);
      String name = s.text("name", NAME_EXPECTED);
      if (name != null && !NAME.matcher(name).matches()) {
        s.badValue("name", NAME_EXPECTED, name);
        name = null;
      }
      Section match = s.section("match", "host", "path-prefix");
      String host = host(match);
      String prefix = path(match, "path-prefix", "/");
      s.required("upstream", "an absolute http(s) URL such as http://10.0.0.5:3000");
      java.net.URI upstream = Upstreams.parse(s);
      String rewrite = path(s, "rewrite-prefix", null);
      boolean isPublic = s.bool("public", false);
      boolean preserveHost = s.bool("preserve-host", false);
      boolean forwardToken = s.bool("forward-token", false);
      long maxBody = s.size("max-body-size", MAX_BODY_SIZE, 0, Long.MAX_VALUE, null, true);
      int maxConn = s.integer("max-connections", MAX_CONNECTIONS, 1, 10_000, "an integer 1..10000");
      Section t = s.section("timeouts", "connect", "idle", "request");
      Timeouts timeouts = new Timeouts(t.duration("connect", TIMEOUTS.connect(), false),
          t.duration("idle", TIMEOUTS.idle(), false), t.duration("request", TIMEOUTS.request(), false));
      UpstreamTls tls = Upstreams.tls(s, upstream);
      RequireConfig require = RequireSection.read(s, isPublic, tenantPresent);
      String audience = s.text("assertion-audience", AUDIENCE_EXPECTED);
      if (audience != null && !AssertionSection.printable(audience, 512)) {
        s.badValue("assertion-audience", AUDIENCE_EXPECTED, audience);
        audience = null;
      }
      return new RouteConfig(name, host, prefix, upstream, rewrite, isPublic, preserveHost, maxBody,
          timeouts, tls, maxConn, require, audience, forwardToken && !isPublic);
    }

    private static String host(Section match) {
      String h = match.text("host", HOST_EXPECTED);
      if (h == null) {
        return null;
      }
      // Host headers are case-insensitive; matching compares lower case
      String lower = h.toLowerCase(Locale.ROOT);
      if (!HOST.matcher(lower).matches()) {
        match.badValue("host", HOST_EXPECTED, h);
        return null;
      }
      return lower;
    }

    private static String path(Section s, String key, String def) {
      String p = s.text(key, PATH_EXPECTED);
      if (p == null) {
        return def;
      }
      if (!PATH.matcher(p).matches()) {
        s.badValue(key, PATH_EXPECTED, p);
        return def;
      }
      return p;
    }
  }
}
