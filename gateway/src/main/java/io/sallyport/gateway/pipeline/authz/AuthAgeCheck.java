package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code require.max-auth-age}: the user signed in recently enough ({@code auth_time}). A token
 * without {@code auth_time} fails: its sign-in could be of any age.
 */
final class AuthAgeCheck implements Check {
  static final String CODE = "ca.auth_too_old";

  private final Duration maxAge;
  private final Reason tooOld;
  private final Reason unknown;

  AuthAgeCheck(Duration maxAge) {
    this.maxAge = maxAge;
    this.tooOld = Reason.of(CODE, "This route requires a sign-in within the last " + human(maxAge)
        + ", and the token's sign-in is older; sign in again.");
    this.unknown = Reason.of(CODE, "This route requires a sign-in within the last " + human(maxAge)
        + ", and the token does not say when its sign-in was (no auth_time).");
  }

  @Override
  public String name() {
    return "max-auth-age";
  }

  @Override
  public String requirement() {
    return "a sign-in within the last " + human(maxAge) + " (auth_time)";
  }

  @Override
  public Optional<Reason> check(VerifiedToken token, Instant now) {
    Instant at = token.authTime();
    if (at == null) {
      return Optional.of(unknown);
    }
    return at.plus(maxAge).isBefore(now) ? Optional.of(tooOld) : Optional.empty();
  }

  @Override
  public boolean stepUp() {
    return true;
  }

  private static String human(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
