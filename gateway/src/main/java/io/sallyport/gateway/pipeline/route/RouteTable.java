package io.sallyport.gateway.pipeline.route;

import io.sallyport.gateway.config.RouteConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Immutable host + longest-path-prefix lookup. A new table is built for every configuration
 * load and swapped in whole, so a request sees exactly one consistent set of routes.
 *
 * <p>Exact hosts win over a wildcard ({@code *.example.com}), which wins over routes with no
 * host; inside each, the longest matching prefix wins. A prefix matches on segment boundaries
 * only: {@code /api} matches {@code /api} and {@code /api/x}, never {@code /apix}.
 */
public final class RouteTable {

  private static final Comparator<Route> LONGEST_FIRST =
      Comparator.comparingInt((Route r) -> r.config().pathPrefix().length()).reversed();

  private final Map<String, Route[]> exact;
  private final Map<String, Route[]> wildcard;
  private final Route[] anyHost;
  private final List<Route> all;

  private RouteTable(Map<String, Route[]> exact, Map<String, Route[]> wildcard, Route[] anyHost,
                     List<Route> all) {
    this.exact = exact;
    this.wildcard = wildcard;
    this.anyHost = anyHost;
    this.all = all;
  }

  public static RouteTable compile(List<RouteConfig> configs) {
    Map<String, List<Route>> exact = new HashMap<>();
    Map<String, List<Route>> wildcard = new HashMap<>();
    List<Route> anyHost = new ArrayList<>();
    List<Route> all = new ArrayList<>();
    for (RouteConfig c : configs) {
      Route r = Route.compile(c);
      all.add(r);
      String host = c.host() == null ? null : c.host().toLowerCase(Locale.ROOT);
      if (host == null) {
        anyHost.add(r);
      } else if (host.startsWith("*.")) {
        wildcard.computeIfAbsent(host.substring(2), k -> new ArrayList<>()).add(r);
      } else {
        exact.computeIfAbsent(host, k -> new ArrayList<>()).add(r);
      }
    }
    return new RouteTable(sorted(exact), sorted(wildcard), sort(anyHost), List.copyOf(all));
  }

  public List<Route> routes() {
    return all;
  }

  /**
   * @param host            request host, lower case, without port (null when absent)
   * @param normalizedPath  the output of {@link PathNormalizer#normalize}
   * @return the route, or null when none matches
   */
  public Route match(String host, String normalizedPath) {
    if (host != null) {
      Route r = longest(exact.get(host), normalizedPath);
      if (r != null) {
        return r;
      }
      int dot = host.indexOf('.');
      if (dot > 0 && !wildcard.isEmpty()) {
        r = longest(wildcard.get(host.substring(dot + 1)), normalizedPath);
        if (r != null) {
          return r;
        }
      }
    }
    return longest(anyHost, normalizedPath);
  }

  private static Route longest(Route[] candidates, String path) {
    if (candidates == null) {
      return null;
    }
    for (Route r : candidates) {
      if (prefixMatches(r.config().pathPrefix(), path)) {
        return r;
      }
    }
    return null;
  }

  static boolean prefixMatches(String prefix, String path) {
    if (!path.startsWith(prefix)) {
      return false;
    }
    return path.length() == prefix.length() || prefix.endsWith("/") || path.charAt(prefix.length()) == '/';
  }

  private static Map<String, Route[]> sorted(Map<String, List<Route>> in) {
    Map<String, Route[]> out = new HashMap<>();
    in.forEach((k, v) -> out.put(k, sort(v)));
    return Map.copyOf(out);
  }

  private static Route[] sort(List<Route> routes) {
    return routes.stream().sorted(LONGEST_FIRST).toArray(Route[]::new);
  }
}
