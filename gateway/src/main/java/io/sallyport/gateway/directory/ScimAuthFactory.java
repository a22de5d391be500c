package io.sallyport.gateway.directory;

import io.sallyport.gateway.config.ScimConfig;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.config.ScimEntraConfig;
import io.sallyport.gateway.config.TenantConfig;
import io.sallyport.gateway.entra.oidc.EntraTokenVerifier;
import io.sallyport.gateway.entra.oidc.VerifiedTokenCache;
import io.sallyport.gateway.entra.oidc.VerifierOptions;
import io.sallyport.scim.http.ScimAuth;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds SCIM's bearer check for the live configuration. The Entra verifier (its key cache, its
 * verified-token cache) is shared by every listener instance and kept across reloads that do not
 * change the tenant or {@code scim.entra}: rebuilding it would refetch keys and re-verify tokens.
 */
public final class ScimAuthFactory implements Function<ScimConfig, ScimAuth> {

  private record Built(TenantConfig tenant, ScimEntraConfig entra, VerifiedTokenCache cache) {}

  private final Vertx vertx;
  private final Supplier<SallyportConfig> config;
  private final Clock clock;
  private Built built; // guarded by this

  public ScimAuthFactory(Vertx vertx, Supplier<SallyportConfig> config, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public ScimAuth apply(ScimConfig scim) {
    ScimTokens tokens = ScimTokens.of(scim.tokenDigests());
    ScimEntraConfig entra = scim.entra();
    TenantConfig tenant = config.get().tenant();
    if (entra == null || tenant == null) {
      return new ScimBearerAuth(tokens, null, null);
    }
    return new ScimBearerAuth(tokens, cache(tenant, entra), entra.requiredRole());
  }

  /** Builds the verifier for the current configuration now, at start-up. */
  public void prime() {
    apply(config.get().scim());
  }

  private synchronized VerifiedTokenCache cache(TenantConfig tenant, ScimEntraConfig entra) {
    if (built == null || !built.tenant().equals(tenant) || !Objects.equals(built.entra(), entra)) {
      VerifierOptions options = VerifierOptions.of(tenant.authority(), tenant.id(), entra.audiences());
      EntraTokenVerifier verifier = EntraTokenVerifier.create(vertx, options, ca(tenant), clock);
      built = new Built(tenant, entra, new VerifiedTokenCache(verifier, clock, VerifiedTokenCache.DEFAULT_MAX_ENTRIES));
    }
    return built.cache();
  }

  /** The CA certificates as read with the configuration: nothing touches the file system here. */
  private static Buffer ca(TenantConfig tenant) {
    return tenant.caPem() == null ? null : Buffer.buffer(tenant.caPem());
  }
}
