package io.sallyport.gateway.session;

import io.sallyport.gateway.config.TenantConfig;
import io.vertx.core.Vertx;
import io.sallyport.gateway.config.SessionsConfig;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@link OidcClient} for the live tenant: one for the whole gateway, kept across reloads that
 * leave {@code tenant:} and the sign-in scopes unchanged (so discovery is not repeated), rebuilt when it changes.
 */
public final class SignInClients {

  private final Vertx vertx;
  private final Clock clock;
  private final Supplier<SessionsConfig> sessions;
  private volatile OidcClient current;

  public SignInClients(Vertx vertx, Supplier<SessionsConfig> sessions, Clock clock) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.clock = clock;
  }

  public OidcClient current(TenantConfig tenant) {
    List<String> scopes = sessions.get().scopesFor(tenant.clientId());
    OidcClient c = current;
    if (c != null && (c.tenant() == tenant || c.tenant().equals(tenant)) && c.scopes().equals(scopes)) {
      return c;
    }
    synchronized (this) {
      if (current == null || !current.tenant().equals(tenant) || !current.scopes().equals(scopes)) {
        current = new OidcClient(vertx, tenant, scopes, clock);
      }
      return current;
    }
  }
}
