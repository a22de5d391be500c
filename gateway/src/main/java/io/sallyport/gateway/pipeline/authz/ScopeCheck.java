package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code require.scopes}: the delegated permission the client was granted ({@code scp}). */
final class ScopeCheck implements Check {
  static final String CODE = "authz.scope_missing";

  private final List<String> scopes;
  private final Reason missing;

  ScopeCheck(List<String> scopes) {
    this.scopes = List.copyOf(scopes);
    this.missing = Reason.of(CODE, "The token has no scope (scp) " + AnyOf.describe(scopes)
        + "; ask for it when acquiring the token.");
  }

  @Override
  public String name() {
    return "scopes";
  }

  @Override
  public String requirement() {
    return "a delegated permission (scp) " + AnyOf.describe(scopes);
  }

  @Override
  public Optional<Reason> check(VerifiedToken token, Instant now) {
    return AnyOf.matches(scopes, token.scopes()) ? Optional.empty() : Optional.of(missing);
  }
}
