package io.sallyport.gateway.config;

import java.net.URI;
import java.time.Duration;

/**
 * One protected (or explicitly public) application behind the gateway.
 *
 * @param host           exact host, "*.example.com" for one label of wildcard, or null for any
 * @param pathPrefix     longest prefix wins; always starts with "/"
 * @param rewritePrefix  null to forward the path unchanged; otherwise replaces pathPrefix
 * @param isPublic       anonymous access; must be said explicitly
 * @param preserveHost   send the client's Host to the upstream instead of the upstream's own
 * @param maxBodySize    larger request bodies get 413; -1 for no limit
 * @param require        what a caller must show beyond a verified token; {@link RequireConfig#NONE}
 * @param assertionAudience  the {@code aud} of the identity assertion sent to this upstream; by default
 *                       the upstream's origin, {@code scheme://host:port}
 * @param forwardToken   on a protected route, pass the caller's {@code Authorization} header on to the
 *                       upstream; off by default: the token's audience is Sallyport, so an upstream that
 *                       held it could replay it against every other route as that user
 */
public record RouteConfig(
    String name,
    String host,
    String pathPrefix,
    URI upstream,
    String rewritePrefix,
    boolean isPublic,
    boolean preserveHost,
    long maxBodySize,
    Timeouts timeouts,
    UpstreamTls upstreamTls,
    int maxConnections,
    RequireConfig require,
    String assertionAudience,
    boolean forwardToken) {

  public RouteConfig {
    require = require == null ? RequireConfig.NONE : require;
    assertionAudience = assertionAudience == null && upstream != null ? origin(upstream) : assertionAudience;
  }

  /** A route that keeps the caller's token from the upstream. */
  public RouteConfig(String name, String host, String pathPrefix, URI upstream, String rewritePrefix, boolean isPublic,
                     boolean preserveHost, long maxBodySize, Timeouts timeouts, UpstreamTls upstreamTls,
                     int maxConnections, RequireConfig require, String assertionAudience) {
    this(name, host, pathPrefix, upstream, rewritePrefix, isPublic, preserveHost, maxBodySize, timeouts,
        upstreamTls, maxConnections, require, assertionAudience, false);
  }

  /** A route whose assertion audience is its upstream's origin. */
  public RouteConfig(String name, String host, String pathPrefix, URI upstream, String rewritePrefix, boolean isPublic,
                     boolean preserveHost, long maxBodySize, Timeouts timeouts, UpstreamTls upstreamTls,
                     int maxConnections, RequireConfig require) {
    this(name, host, pathPrefix, upstream, rewritePrefix, isPublic, preserveHost, maxBodySize, timeouts,
        upstreamTls, maxConnections, require, null);
  }

  /** {@code scheme://host:port}, the port always written, so an upstream can compare it exactly. */
  static String origin(URI u) {
    String scheme = u.getScheme() == null ? "http" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
    int port = u.getPort() > 0 ? u.getPort() : "https".equals(scheme) ? 443 : 80;
    String host = u.getHost() == null ? "" : u.getHost().toLowerCase(java.util.Locale.ROOT);
    return scheme + "://" + host + ":" + port;
  }

  /** A route without a {@code require} block. */
  public RouteConfig(String name, String host, String pathPrefix, URI upstream, String rewritePrefix, boolean isPublic,
                     boolean preserveHost, long maxBodySize, Timeouts timeouts, UpstreamTls upstreamTls,
                     int maxConnections) {
    this(name, host, pathPrefix, upstream, rewritePrefix, isPublic, preserveHost, maxBodySize, timeouts,
        upstreamTls, maxConnections, RequireConfig.NONE);
  }

  /**
   * @param connect  TCP (and TLS) connect to the upstream
   * @param idle     no bytes either way on an upstream exchange
   * @param request  from the end of the request (body included) until the response headers arrive
   */
  public record Timeouts(Duration connect, Duration idle, Duration request) {}

  /**
   * Trust for https upstreams.
   *
   * @param caFile          PEM bundle to trust instead of the JVM's default trust store; null for default
   * @param verifyHostname  check the upstream certificate's name (only an operator may turn it off)
   */
  public record UpstreamTls(java.nio.file.Path caFile, boolean verifyHostname) {}
}
