package io.sallyport.gateway.pipeline.route;

import io.sallyport.gateway.config.RouteConfig;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.net.URI;

/**
 * A route compiled for the hot path: the upstream split into the parts the forwarder needs,
 * computed once per configuration load instead of once per request.
 *
 * @param upstreamBasePath  the upstream URL's path without a trailing slash ("" for none)
 * @param clientKey         requests whose keys are equal share one upstream connection pool
 */
public record Route(RouteConfig config, SocketAddress server, boolean upstreamTls,
                    String upstreamBasePath, HostAndPort upstreamAuthority, UpstreamKey clientKey) {

  static Route compile(RouteConfig c) {
    URI u = c.upstream();
    boolean tls = "https".equalsIgnoreCase(u.getScheme());
    int port = u.getPort() > 0 ? u.getPort() : (tls ? 443 : 80);
    String base = u.getRawPath() == null ? "" : u.getRawPath();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String host = u.getHost();
    boolean defaultPort = u.getPort() <= 0 || port == (tls ? 443 : 80);
    HostAndPort authority = HostAndPort.create(host, defaultPort ? -1 : port);
    UpstreamKey key = new UpstreamKey(host, port, tls, c.upstreamTls(), c.timeouts().connect().toMillis(),
        c.maxConnections());
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return new Route(c, SocketAddress.inetSocketAddress(port, bare), tls, base, authority, key);
  }

  public String name() {
    return config.name();
  }

  public boolean isPublic() {
    return config.isPublic();
  }

  /**
   * The path and query to send upstream for a normalized request path that this route matched.
   */
  public String upstreamUri(String normalizedPath, String query) {
    String prefix = config.pathPrefix();
    String rest = normalizedPath;
    if (config.rewritePrefix() != null) {
      rest = join(config.rewritePrefix(), normalizedPath.substring(Math.min(prefix.length(), normalizedPath.length())));
    }
    String path = upstreamBasePath.isEmpty() ? rest : join(upstreamBasePath, rest);
    if (path.isEmpty()) {
      path = "/";
    }
    return query == null ? path : path + "?" + query;
  }

  private static String join(String a, String b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.endsWith("/") && b.startsWith("/")) {
      return a + b.substring(1);
    }
    if (!a.endsWith("/") && !b.startsWith("/")) {
      return a + "/" + b;
    }
    return a + b;
  }

  /** What identifies one upstream connection pool. */
  public record UpstreamKey(String host, int port, boolean tls, RouteConfig.UpstreamTls trust,
                            long connectTimeoutMillis, int maxConnections) {}
}
