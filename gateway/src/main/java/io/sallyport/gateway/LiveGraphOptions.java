package io.sallyport.gateway;

import io.sallyport.gateway.config.GraphConfig;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.config.TenantConfig;
import io.sallyport.gateway.entra.graph.GraphOptions;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The Graph options of the live configuration, the same instance until a reload changes the
 * tenant or the graph section (TenantGraph keeps its client and caches while they are equal); null
 * without a tenant client secret. Part of the composition root: {@code entra} knows no config types.
 */
final class LiveGraphOptions implements Supplier<GraphOptions> {

  private final Supplier<SallyportConfig> live;
  private final AtomicReference<Object[]> last = new AtomicReference<>(new Object[3]);

  LiveGraphOptions(Supplier<SallyportConfig> live) {
    this.live = live;
  }

  @Override
  public GraphOptions get() {
    SallyportConfig c = live.get();
    Object[] l = last.get();
    if (l[0] == c.tenant() && l[1] == c.graph() && l[0] != null) {
      return (GraphOptions) l[2];
    }
    GraphOptions o = of(c.tenant(), c.graph());
    last.set(new Object[] {c.tenant(), c.graph(), o});
    return o;
  }

  static GraphOptions of(TenantConfig t, GraphConfig g) {
    if (t == null || t.clientSecret() == null) {
      return null;
    }
    return new GraphOptions(t.graphUrl(), t.authority(), t.id(), t.clientId(), t.clientSecret(), t.caPem(),
        g.callTimeout(), g.checkTimeout(), g.groupsTtl(), g.refreshAhead(), g.staleIfError(), g.maxRetries(),
        GraphOptions.DEFAULT_PAGE_SIZE, GraphOptions.DEFAULT_MAX_GROUP_IDS, g.pimRefresh());
  }
}
