package io.sallyport.gateway.config;

import java.time.Duration;

/** {@code graph:}: timeouts and cache bounds of the Microsoft Graph client. */
final class GraphSection {

  private GraphSection() {}

  static GraphConfig read(Section root, TenantConfig tenant) {
    Section s = root.section("graph", "call-timeout", "check-timeout", "groups-ttl", "refresh-ahead",
        "stale-if-error", "max-retries", "pim-refresh");
    if (!s.present()) {
      return GraphConfig.defaults();
    }
    if (tenant == null || tenant.clientSecret() == null) {
      // Graph is called with the app's own token: without the secret nothing here would ever be used
      root.errors.add(root.path("graph"), "needs tenant.client-secret (Sallyport calls Microsoft Graph with"
          + " an app-only token); add it, or remove the graph section");
    }
    Duration call = s.duration("call-timeout", GraphConfig.CALL_TIMEOUT, false);
    Duration check = s.duration("check-timeout", GraphConfig.CHECK_TIMEOUT, false);
    Duration ttl = s.duration("groups-ttl", GraphConfig.GROUPS_TTL, false);
    Duration ahead = s.duration("refresh-ahead", GraphConfig.REFRESH_AHEAD, true);
    Duration stale = s.duration("stale-if-error", Duration.ZERO, true);
    Duration pim = s.duration("pim-refresh", GraphConfig.PIM_REFRESH, false);
    if (pim.compareTo(java.time.Duration.ofHours(1)) > 0) {
      // the bound within which an ended assignment stops granting access: longer would make PIM moot
      s.bad("pim-refresh", "a duration of at most 1h", Scalars.quote(format(pim)));
      pim = GraphConfig.PIM_REFRESH;
    }
    int retries = s.integer("max-retries", GraphConfig.MAX_RETRIES, 0, 10, "a number of retries from 0 to 10");
    if (s.has("refresh-ahead") && ahead.compareTo(ttl) >= 0) {
      s.bad("refresh-ahead", "a duration shorter than groups-ttl (" + Scalars.quote(format(ttl)) + ")",
          Scalars.quote(format(ahead)));
      ahead = Duration.ZERO;
    } else if (!s.has("refresh-ahead") && ahead.compareTo(ttl) >= 0) {
      ahead = ttl.dividedBy(5); // a short ttl without an explicit refresh-ahead: refresh in its last fifth
    }
    return new GraphConfig(call, check, ttl, ahead, stale, retries, pim);
  }

  private static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
