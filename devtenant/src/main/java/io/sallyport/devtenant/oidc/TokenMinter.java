package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.Audience;
import io.sallyport.devtenant.token.AuthFacts;
import io.sallyport.devtenant.token.TokenIssuer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds token responses in Entra's shape (reference §1.5, §10.4): {@code token_type},
 * {@code scope}, numeric {@code expires_in} and {@code ext_expires_in}, {@code access_token}, a
 * rotated {@code refresh_token} only with offline_access, an {@code id_token} only with openid,
 * {@code client_info} only when asked for.
 */
final class TokenMinter {

  private final Context ctx;
  private final GrantStore store;

  TokenMinter(Context ctx, GrantStore store) {
    this.ctx = ctx;
    this.store = store;
  }

  /** A delegated (user) token response. */
  JsonObject user(TokenCall call, User user, ScopeRequest scopes, List<String> permissions, AuthFacts facts,
      boolean refresh, boolean idToken) {
    Instant now = ctx.clock().instant();
    TokenIssuer issuer = ctx.issuer();
    Audience audience = scopes.audience();
    Duration lifetime = issuer.lifetime(audience, facts);
    JsonObject claims = issuer.accessClaims(call.client().app(), user, audience, permissions, facts,
        call.client().acr(), now, lifetime);
    JsonObject body = new JsonObject().put("token_type", "Bearer")
        .put("scope", scopes.responseScope(permissions)).put("expires_in", lifetime.toSeconds())
        .put("ext_expires_in", lifetime.toSeconds())
        .put("access_token", issuer.sign(claims, audience.version() == 1, audience.isGraph()));
    AuthFacts kept = facts.withNonce(null);
    if (refresh) {
      String rt = "1.A" + TokenIssuer.random(96);
      store.refreshTokens.put(rt, new GrantStore.Refresh(rt, call.client().app().appId(), user.id(), kept, now,
          now.plus(GrantStore.REFRESH_LIFETIME), false));
      body.put("refresh_token", rt);
    }
    if (idToken) {
      body.put("id_token", issuer.sign(issuer.idClaims(call.client().app(), user, facts, now), false, false));
    }
    if (call.wantsClientInfo()) {
      body.put("client_info", issuer.clientInfo(user));
    }
    return body;
  }

  /** An app-only token response: no scope, refresh token, ID token or client_info, as documented. */
  JsonObject app(TokenCall call, Audience audience, List<String> roles) {
    Instant now = ctx.clock().instant();
    TokenIssuer issuer = ctx.issuer();
    Duration lifetime = issuer.lifetime(audience, null);
    JsonObject claims = issuer.accessClaims(call.client().app(), null, audience, roles, null, call.client().acr(),
        now, lifetime);
    return new JsonObject().put("token_type", "Bearer").put("expires_in", lifetime.toSeconds())
        .put("ext_expires_in", lifetime.toSeconds())
        .put("access_token", issuer.sign(claims, audience.version() == 1, audience.isGraph()));
  }
}
