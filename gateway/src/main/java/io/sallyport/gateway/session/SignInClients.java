package io.sallyport.gateway.session;

import io.sallyport.gateway.config.TenantConfig;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The {@link OidcClient} for the live tenant: one for the whole gateway, kept across reloads that
 * leave {@code tenant:} unchanged (so discovery is not repeated), rebuilt when it changes.
 */
public final class SignInClients {

  private final Vertx vertx;
  private final Clock clock;
  private volatile OidcClient current;

  public SignInClients(Vertx vertx, Clock clock) {
    this.vertx = vertx;
    this.clock = clock;
  }

  public OidcClient current(TenantConfig tenant) {
    OidcClient c = current;
    if (c != null && (c.tenant() == tenant || c.tenant().equals(tenant))) {
      return c;
    }
    synchronized (this) {
      if (current == null || !current.tenant().equals(tenant)) {
        current = new OidcClient(vertx, tenant, clock);
      }
      return current;
    }
  }
}
