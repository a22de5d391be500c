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
 * @param audit     the decision audit; {@link AuditConfig#defaults()} when the section is absent
 * @param sessions  browser sign-in and session lifetimes; {@link SessionsConfig#defaults()} when absent
 * @param graph     the Microsoft Graph client's bounds; {@link GraphConfig#defaults()} when absent
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
    AuditConfig audit,
    SessionsConfig sessions,
    GraphConfig graph,
    AssertionConfig assertion) {

  public SallyportConfig {
    routes = List.copyOf(routes);
    scim = scim == null ? ScimConfig.disabled() : scim;
    audit = audit == null ? AuditConfig.defaults() : audit;
    sessions = sessions == null ? SessionsConfig.defaults() : sessions;
    graph = graph == null ? GraphConfig.defaults() : graph;
    assertion = assertion == null ? AssertionConfig.defaults() : assertion;
  }

  /** A configuration with the defaults for every section from {@code audit:} on. */
  public SallyportConfig(Path source, ListenersConfig listeners, ProxyConfig proxy, AccessLogConfig accessLog,
                         TenantConfig tenant, StoreConfig store, List<RouteConfig> routes, ScimConfig scim) {
    this(source, listeners, proxy, accessLog, tenant, store, routes, scim, AuditConfig.defaults(), null, null, null);
  }

  /** A configuration without a {@code scim:} section (SCIM off). */
  public SallyportConfig(Path source, ListenersConfig listeners, ProxyConfig proxy, AccessLogConfig accessLog,
                         TenantConfig tenant, StoreConfig store, List<RouteConfig> routes) {
    this(source, listeners, proxy, accessLog, tenant, store, routes, ScimConfig.disabled());
  }
}
