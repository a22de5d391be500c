package io.sallyport.gateway.directory;

import io.sallyport.gateway.entra.oidc.TokenRejected;
import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.entra.oidc.VerifiedTokenCache;
import io.sallyport.scim.http.ScimAuth;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCIM's bearer check: the configured secret tokens first (constant time, {@link ScimTokens});
 * otherwise, when {@code scim.entra} is configured and the bearer looks like a JWT, an Entra
 * app-only access token that verifies and carries the required app role. A bad token is a 401;
 * keys that cannot be fetched fail the check (503 from the SCIM layer), so Entra's provisioning
 * service retries instead of being told its credentials are wrong.
 */
public final class ScimBearerAuth implements ScimAuth {

  private static final Logger LOG = LoggerFactory.getLogger(ScimBearerAuth.class);

  private final ScimTokens tokens;
  private final VerifiedTokenCache entra;
  private final String requiredRole;

  /** @param entra null when only static tokens are accepted */
  public ScimBearerAuth(ScimTokens tokens, VerifiedTokenCache entra, String requiredRole) {
    this.tokens = tokens;
    this.entra = entra;
    this.requiredRole = requiredRole;
  }

  @Override
  public Future<Boolean> allows(String bearerToken) {
    if (tokens.matches(bearerToken)) {
      return Future.succeededFuture(true);
    }
    if (entra == null || !looksLikeJwt(bearerToken)) {
      return Future.succeededFuture(false);
    }
    return entra.verify(bearerToken).transform(ar -> {
      if (ar.succeeded()) {
        return Future.succeededFuture(permitted(ar.result()));
      }
      if (ar.cause() instanceof TokenRejected r) {
        LOG.info("scim: Entra token refused: {} ({})", r.reason(), r.detail());
        return Future.succeededFuture(false);
      }
      return Future.failedFuture(ar.cause());
    });
  }

  /** Provisioning is the app's own act: a user's delegated token does not qualify even with the role. */
  private boolean permitted(VerifiedToken t) {
    boolean ok = t.appOnly() && t.roles().contains(requiredRole);
    if (!ok) {
      LOG.info("scim: Entra token of app {} (tenant {}) refused: {}", t.appId(), t.tenantId(),
          t.appOnly() ? "no app role " + requiredRole : "a delegated (user) token, expected app-only");
    }
    return ok;
  }

  private static boolean looksLikeJwt(String token) {
    return token != null && token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
  }

  @Override
  public String toString() {
    return "ScimBearerAuth[" + tokens + (entra == null ? "" : ", entra role " + requiredRole) + "]";
  }
}
