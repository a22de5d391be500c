package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code require.app-roles}: an app role assigned to the user or granted to the calling app ({@code roles}). */
final class RoleCheck implements Check {
  static final String CODE = "authz.role_missing";

  private final List<String> roles;
  private final Reason missing;

  RoleCheck(List<String> roles) {
    this.roles = List.copyOf(roles);
    this.missing = Reason.of(CODE, "The token has no app role (roles) " + AnyOf.describe(roles)
        + "; an admin assigns app roles in Entra ID.");
  }

  @Override
  public String name() {
    return "app-roles";
  }

  @Override
  public String requirement() {
    return "an app role (roles) " + AnyOf.describe(roles);
  }

  @Override
  public Optional<Reason> check(VerifiedToken token, Instant now) {
    return AnyOf.matches(roles, token.roles()) ? Optional.empty() : Optional.of(missing);
  }
}
