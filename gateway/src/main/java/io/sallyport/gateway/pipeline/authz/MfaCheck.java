package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Reason;
import java.time.Instant;
import java.util.Optional;

/** {@code require.mfa}: the sign-in behind the token used multi-factor authentication ({@code amr} has {@code mfa}). */
final class MfaCheck implements Check {
  static final String CODE = "ca.mfa_missing";
  private static final Reason MISSING = Reason.of(CODE,
      "This route requires multi-factor authentication, and the token's sign-in did not use it (amr has no mfa).");

  @Override
  public String name() {
    return "mfa";
  }

  @Override
  public String requirement() {
    return "a sign-in with multi-factor authentication (amr has mfa)";
  }

  @Override
  public Optional<Reason> check(VerifiedToken token, Instant now) {
    return token.amr().contains("mfa") ? Optional.empty() : Optional.of(MISSING);
  }

  @Override
  public boolean stepUp() {
    return true;
  }
}
