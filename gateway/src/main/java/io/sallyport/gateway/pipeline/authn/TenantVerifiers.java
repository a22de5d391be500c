package io.sallyport.gateway.pipeline.authn;

import io.sallyport.gateway.config.TenantConfig;
import io.sallyport.gateway.entra.oidc.EntraTokenVerifier;
import io.sallyport.gateway.entra.oidc.VerifiedTokenCache;
import io.sallyport.gateway.entra.oidc.VerifierOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The verified-token cache for the live tenant: one for every listener instance, and kept across
 * reloads that leave {@code tenant:} as it was (a rebuild would refetch the keys and verify every
 * token again). Rebuilt when the tenant changes; gone when the tenant is removed.
 */
public final class TenantVerifiers {

  /** The tenant a cache was built for, with what refusals need of it. */
  public record Current(TenantConfig tenant, VerifiedTokenCache cache, Challenges challenges) {}

  private final Vertx vertx;
  private final Supplier<TenantConfig> tenant;
  private final Clock clock;
  private volatile Current current;

  public TenantVerifiers(Vertx vertx, Supplier<TenantConfig> tenant, Clock clock) {
    this.vertx = vertx;
    this.tenant = tenant;
    this.clock = clock;
  }

  /** Builds the verifier for the configuration now, at start-up, instead of on the first request. */
  public void prime() {
    current();
  }

  /** Null when no tenant is configured. */
  public Current current() {
    TenantConfig t = tenant.get();
    if (t == null) {
      return null;
    }
    Current c = current;
    // the same record instance on every request until a reload: one reference comparison
    if (c != null && c.tenant() == t) {
      return c;
    }
    return rebuild(t);
  }

  private synchronized Current rebuild(TenantConfig t) {
    Current c = current;
    if (c != null && c.tenant().equals(t)) {
      current = new Current(t, c.cache(), c.challenges()); // reloaded unchanged: keep keys and tokens
    } else {
      VerifierOptions options = VerifierOptions.of(t.authority(), t.id(), t.audiences());
      Buffer ca = t.caPem() == null ? null : Buffer.buffer(t.caPem()); // read with the config, off the loop
      EntraTokenVerifier verifier = EntraTokenVerifier.create(vertx, options, ca, clock);
      current = new Current(t, new VerifiedTokenCache(verifier, clock, VerifiedTokenCache.DEFAULT_MAX_ENTRIES),
          new Challenges(t));
    }
    return current;
  }
}
