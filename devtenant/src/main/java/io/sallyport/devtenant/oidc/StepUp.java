package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.AuthFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Conditional Access at the token endpoint, where nobody can be asked anything: a grant gets the
 * auth contexts it asks for (and a resource its app policies) only if how the user already signed in
 * satisfies them (MFA done, terms accepted). Otherwise the documented interaction errors, with a
 * {@code claims} challenge to take back to /authorize: {@code invalid_grant} AADSTS50076 with
 * suberror {@code basic_action} for refresh, code and password grants (msal4j turns that into
 * MsalInteractionRequiredException), {@code interaction_required} AADSTS50079 for on-behalf-of
 * (the middle tier passes the claims up to its client).
 */
final class StepUp {

  enum Mode { SILENT, ON_BEHALF_OF }

  private final Context ctx;
  private final ConditionalAccess ca;

  StepUp(Context ctx) {
    this.ctx = ctx;
    this.ca = new ConditionalAccess(ctx.state());
  }

  /** The facts the new token carries: the requested auth contexts added once satisfied. */
  AuthFacts check(TokenCall call, User user, ScopeRequest scopes, ClaimsRequest claims, AuthFacts facts, Mode mode) {
    String resource = scopes.audience().appId();
    var needs = ca.evaluate(user, call.client().app().appId(), resource, claims.acrs(), claims.policyIds());
    if (needs.blocked()) {
      throw new EntraError("invalid_grant", 53003, SignInSteps.BLOCKED);
    }
    if (!needs.metBy(facts.mfa(), ctx.state(), user.id(), ctx.clock().instant())) {
      List<String> missingAcrs = claims.acrs().stream().filter(a -> !facts.acrs().contains(a)).toList();
      String challenge = ClaimsRequest.challenge(missingAcrs, missingAcrs.isEmpty() ? needs.appPolicyIds() : List.of());
      boolean mfaMissing = needs.mfa() && !facts.mfa();
      if (mode == Mode.ON_BEHALF_OF) {
        throw new EntraError("interaction_required", 50079, "Due to a configuration change made by your administrator,"
            + " or because you moved to a new location, you must enroll in multi-factor authentication to access '"
            + resource + "'.", null, challenge, 400);
      }
      String text = mfaMissing
          ? "Due to a configuration change made by your administrator, or because you moved to a new location, you"
              + " must use multi-factor authentication to access '" + resource + "'."
          : "External security challenge not satisfied: the terms of use required to access '" + resource
              + "' have not been accepted.";
      throw new EntraError("invalid_grant", mfaMissing ? 50076 : 50158, text, "basic_action", challenge, 400);
    }
    Set<String> acrs = new LinkedHashSet<>(facts.acrs());
    acrs.addAll(claims.acrs());
    Set<String> caps = new LinkedHashSet<>(facts.clientCapabilities());
    caps.addAll(claims.capabilities());
    return facts.withAcrs(new ArrayList<>(acrs)).withCapabilities(new ArrayList<>(caps));
  }
}
