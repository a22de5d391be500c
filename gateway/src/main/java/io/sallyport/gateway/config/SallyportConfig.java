package io.sallyport.gateway.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration file, immutable. Built only by {@link ConfigLoader}, which validates
 * every field and reports every error at once; code that receives one can trust it.
 *
 * @param source    the file it was read from (for reload and messages), or null when built in code
 * @param tenant    the Entra tenant; null until identity is configured (every non-public route
 *                  is then denied: fail closed)
 * @param scim      the SCIM endpoint; {@link ScimConfig#disabled()} when the section is absent
 * @param assertion the identity assertion sent upstream; {@link AssertionConfig#defaults()} when absent
 */
public record SallyportConfig(
    Path source,
    ListenersConfig listeners,
    ProxyConfig proxy,
    AccessLogConfig accessLog,
    TenantConfig tenant,
    StoreConfig store,
    List<RouteConfig> routes,
    ScimConfig scim,
    AssertionConfig assertion) {

  public SallyportConfig {
    routes = List.copyOf(routes);
    scim = scim == null ? ScimConfig.disabled() : scim;
    assertion = assertion == null ? AssertionConfig.defaults() : assertion;
  }

  /** A configuration without an {@code assertion:} section (the defaults). */
  public SallyportConfig(Path source, ListenersConfig listeners, ProxyConfig proxy, AccessLogConfig accessLog,
                         TenantConfig tenant, StoreConfig store, List<RouteConfig> routes, ScimConfig scim) {
    this(source, listeners, proxy, accessLog, tenant, store, routes, scim, null);
  }

  /** A configuration without a {@code scim:} section (SCIM off). */
  public SallyportConfig(Path source, ListenersConfig listeners, ProxyConfig proxy, AccessLogConfig accessLog,
                         TenantConfig tenant, StoreConfig store, List<RouteConfig> routes) {
    this(source, listeners, proxy, accessLog, tenant, store, routes, ScimConfig.disabled());
  }
}
