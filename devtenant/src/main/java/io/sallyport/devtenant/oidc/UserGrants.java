package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.AuthFacts;
import io.sallyport.devtenant.token.TokenIssuer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The grants that carry a user: authorization code (+PKCE), refresh token (multi-resource,
 * rotated) and password (ROPC). Each checks the user is still enabled and not revoked since they
 * signed in, and runs {@link StepUp} for what the request asks.
 */
final class UserGrants {

  private final Context ctx;
  private final GrantStore store;
  private final TokenMinter minter;
  private final StepUp stepUp;

  UserGrants(Context ctx, GrantStore store, TokenMinter minter) {
    this.ctx = ctx;
    this.store = store;
    this.minter = minter;
    this.stepUp = new StepUp(ctx);
  }

  JsonObject authorizationCode(TokenCall call) {
    String value = call.required("code");
    GrantStore.Code code = store.codes.get(value).orElseThrow(UserGrants::expiredGrant);
    if (code.redeemed()) {
      throw new EntraError("invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry"
          + " with a new valid code or use an existing refresh token.");
    }
    if (!code.clientId().equals(call.client().app().appId())) {
      throw new EntraError("invalid_grant", 70000, "The provided value for the 'code' parameter is not valid. The"
          + " code was issued to a different client.");
    }
    // One attempt per code: a failed PKCE check must not leave the code open to guessing.
    store.codes.put(value, code.markRedeemed());
    String redirect = call.required("redirect_uri");
    if (!redirect.equals(code.redirectUri())) {
      throw new EntraError("invalid_grant", 70000, "The provided value for the 'redirect_uri' is not valid. The"
          + " value must exactly match the redirect URI used to obtain the authorization code.");
    }
    if (code.challenge() != null && !pkceMatches(code, call.param("code_verifier"))) {
      throw new EntraError("invalid_grant", 501481, "The Code_Verifier doesn't match the code_challenge supplied"
          + " in the authorization request.");
    }
    User user = activeUser(code.userId(), code.facts());
    ScopeRequest granted = ScopeRequest.parse(code.scope(), ctx.state());
    ScopeRequest scopes = call.param("scope") == null ? granted : ScopeRequest.parse(call.param("scope"), ctx.state());
    AuthFacts facts = stepUp.check(call, user, scopes, call.claims(), code.facts(), StepUp.Mode.SILENT);
    return minter.user(call, user, scopes, scopes.delegated(call.client().app()), facts,
        granted.has("offline_access"), granted.has("openid"));
  }

  JsonObject refreshToken(TokenCall call) {
    String value = call.required("refresh_token");
    GrantStore.Refresh rt = store.refreshTokens.get(value).orElseThrow(UserGrants::expiredGrant);
    if (rt.redeemed()) {
      throw new EntraError("invalid_grant", 70008, "The refresh token has been redeemed already and a newer one"
          + " issued in its place; send the newest refresh token or a new interactive authorization request.");
    }
    if (!rt.clientId().equals(call.client().app().appId())) {
      throw new EntraError("invalid_grant", 70000, "The provided value for the 'refresh_token' parameter is not"
          + " valid. The refresh token was issued to a different client.");
    }
    User user = activeUser(rt.userId(), rt.facts());
    ScopeRequest scopes = ScopeRequest.parse(call.required("scope"), ctx.state());
    List<String> perms = scopes.delegated(call.client().app());
    AuthFacts facts = stepUp.check(call, user, scopes, call.claims(), rt.facts(), StepUp.Mode.SILENT);
    store.refreshTokens.put(value, rt.markRedeemed());
    return minter.user(call, user, scopes, perms, facts, true, scopes.has("openid"));
  }

  JsonObject password(TokenCall call) {
    if (call.tenant().isCommon()) {
      throw new EntraError("invalid_request", 9001023, "The grant type isn't supported over the /common or"
          + " /consumers endpoints. Please use the /organizations or tenant-specific endpoint.");
    }
    String username = call.required("username");
    String password = call.required("password");
    ScopeRequest scopes = ScopeRequest.parse(call.required("scope"), ctx.state());
    User user = ctx.state().userByIdOrUpn(username).filter(u -> u.upn().equalsIgnoreCase(username))
        .orElseThrow(() -> new EntraError("invalid_grant", 50034, "The user account {EmailHidden} does not exist in"
            + " the " + ctx.tenantId() + " directory. To sign into this application, the account must be added to"
            + " the directory."));
    if (!MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
        user.password().getBytes(StandardCharsets.UTF_8))) {
      throw new EntraError("invalid_grant", 50126, "Error validating credentials due to invalid username or password.");
    }
    if (!user.accountEnabled()) {
      throw SignInSteps.disabled();
    }
    List<String> perms = scopes.delegated(call.client().app());
    Instant now = ctx.clock().instant();
    AuthFacts facts = new AuthFacts(List.of("pwd"), List.of(), now, TokenIssuer.random(24), null, List.of());
    facts = stepUp.check(call, user, scopes, call.claims(), facts, StepUp.Mode.SILENT);
    return minter.user(call, user, scopes, perms, facts, scopes.has("offline_access"), scopes.has("openid"));
  }

  /** The grant's user, if still enabled and not revoked since the sign-in the grant came from. */
  User activeUser(String userId, AuthFacts facts) {
    User user = ctx.state().users.find(userId).orElseThrow(UserGrants::expiredGrant);
    if (!user.accountEnabled()) {
      throw SignInSteps.disabled();
    }
    Instant signedIn = facts.authTime() == null ? Instant.EPOCH : facts.authTime();
    if (user.revokes(signedIn)) {
      throw new EntraError("invalid_grant", 50173, "The provided grant has expired due to it being revoked, a fresh"
          + " auth token is needed. The user might have changed or reset their password. The grant was issued on '"
          + signedIn + "' and the TokensValidFrom date (before which tokens are not valid) for this user is '"
          + user.revokedAt() + "'.");
    }
    return user;
  }

  private static boolean pkceMatches(GrantStore.Code code, String verifier) {
    if (verifier == null) {
      return false;
    }
    String expected = verifier;
    if ("S256".equals(code.challengeMethod())) {
      try {
        expected = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
            .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        code.challenge().getBytes(StandardCharsets.US_ASCII));
  }

  static EntraError expiredGrant() {
    return new EntraError("invalid_grant", 70008, "The provided authorization code or refresh token has expired due"
        + " to inactivity. Send a new interactive authorization request for this user and resource.");
  }
}
