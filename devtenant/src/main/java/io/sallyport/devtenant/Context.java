package io.sallyport.devtenant;

import io.sallyport.devtenant.clock.ScenarioClock;
import io.sallyport.devtenant.crypto.KeyRing;
import io.sallyport.devtenant.crypto.TlsIdentity;
import io.sallyport.devtenant.scenario.Scenario;
import io.sallyport.devtenant.state.TenantState;
import io.sallyport.devtenant.token.TokenIssuer;
import io.sallyport.devtenant.token.TokenVerifier;
import io.vertx.core.Vertx;

/**
 * What every devtenant surface shares, built once by {@link DevTenant}: the tenant's state and
 * clock, its keys, the token issuer and verifier, and the public base URL (https://host:port).
 */
public record Context(Vertx vertx, Scenario scenario, TenantState state, ScenarioClock clock, KeyRing keys,
    TokenIssuer issuer, TokenVerifier verifier, TlsIdentity tls, String baseUrl) {

  public String tenantId() {
    return state.info().id();
  }

  /** Graph's v1.0 root on devtenant, the base URL the Graph SDK is pointed at. */
  public String graphBaseUrl() {
    return baseUrl + "/v1.0";
  }
}
