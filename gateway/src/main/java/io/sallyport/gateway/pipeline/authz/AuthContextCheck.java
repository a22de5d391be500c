package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Reason;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code require.auth-context}: the Conditional Access auth context was satisfied ({@code acrs}
 * has the id). The reason code names the id, so a client (and a dashboard) knows which one.
 */
final class AuthContextCheck implements Check {
  static final String CODE = "ca.auth_context_missing";

  private final String id;
  private final Reason missing;

  AuthContextCheck(String id) {
    this.id = id;
    this.missing = Reason.of(CODE + ":" + id, "This route requires the Conditional Access authentication context \""
        + id + "\", and the token does not carry it (acrs); sign in again asking for it.");
  }

  @Override
  public String name() {
    return "auth-context";
  }

  @Override
  public String requirement() {
    return "the Conditional Access authentication context \"" + id + "\" (acrs)";
  }

  @Override
  public Optional<Reason> check(VerifiedToken token, Instant now) {
    return token.acrs().contains(id) ? Optional.empty() : Optional.of(missing);
  }

  @Override
  public boolean stepUp() {
    return true;
  }
}
