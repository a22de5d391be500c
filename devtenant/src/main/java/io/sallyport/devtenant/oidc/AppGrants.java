package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.Audience;
import io.sallyport.devtenant.token.AuthFacts;
import io.sallyport.devtenant.token.TokenVerifier.InvalidTokenException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The grants a confidential app makes on its own credentials: client credentials (one
 * {@code {resource}/.default} scope; Graph roles are the app's granted Graph application
 * permissions) and on-behalf-of (the user's token for this app exchanged for one to a downstream
 * API, keeping how the user signed in).
 */
final class AppGrants {

  private final Context ctx;
  private final TokenMinter minter;
  private final UserGrants users;
  private final StepUp stepUp;

  AppGrants(Context ctx, TokenMinter minter, UserGrants users) {
    this.ctx = ctx;
    this.minter = minter;
    this.users = users;
    this.stepUp = new StepUp(ctx);
  }

  JsonObject clientCredentials(TokenCall call) {
    requireCredentials(call);
    String raw = call.required("scope");
    String prefix = null;
    for (String s : raw.trim().split("\\s+")) {
      if (ScopeRequest.OIDC.contains(s.toLowerCase(java.util.Locale.ROOT))) {
        continue; // MSAL adds openid profile offline_access to every request; Entra ignores them here
      }
      if (!s.endsWith("/.default")) {
        throw new EntraError("invalid_scope", 1002012, "The provided value for scope " + s + " is not valid. Client"
            + " credential flows must have a scope value with /.default suffixed to the resource identifier"
            + " (application ID URI).");
      }
      String p = s.substring(0, s.length() - "/.default".length());
      if (prefix != null && !ScopeRequest.resolve(prefix, ctx.state()).appId()
          .equals(ScopeRequest.resolve(p, ctx.state()).appId())) {
        throw new EntraError("invalid_scope", 700022, "The provided value for the input parameter scope is not valid"
            + " because it contains more than one resource. Scope " + raw + " is not valid.");
      }
      prefix = p;
    }
    if (prefix == null) {
      throw Replies.missing("scope");
    }
    Audience audience = ScopeRequest.resolve(prefix, ctx.state());
    // A custom API's application roles are never granted to apps in a scenario, so they carry none.
    List<String> roles = audience.isGraph() ? List.copyOf(new TreeSet<>(call.client().app().graphPermissions()))
        : List.of();
    return minter.app(call, audience, roles);
  }

  JsonObject onBehalfOf(TokenCall call) {
    requireCredentials(call);
    if (!"on_behalf_of".equals(call.required("requested_token_use"))) {
      throw new EntraError("invalid_request", 90100, "requested_token_use parameter is empty or not valid. Expected"
          + " 'on_behalf_of'.");
    }
    Jwt assertion;
    try {
      assertion = ctx.verifier().verify(call.required("assertion"));
    } catch (InvalidTokenException e) {
      boolean time = e.getMessage().contains("expired");
      throw new EntraError("invalid_grant", time ? 500133 : 50013, (time ? "Assertion is not within its valid time"
          + " range." : "Assertion failed signature validation.") + " [Reason - " + e.getMessage() + "]");
    }
    AppRegistration client = call.client().app();
    String aud = assertion.string("aud");
    if (aud == null || !(aud.equals(client.appId()) || client.identifierUris().contains(aud)
        || client.identifierUris().contains(aud.replaceAll("/$", "")))) {
      throw new EntraError("invalid_grant", 50013, "Assertion audience does not match the Client app presenting the"
          + " assertion. The audience in the assertion was '" + aud + "' and the expected audience is '"
          + client.appId() + "' or one of the Application Id URIs of this application.");
    }
    if (assertion.string("scp") == null) {
      throw new EntraError("unauthorized_client", 7000114, "Application '" + client.appId() + "' is not allowed to"
          + " make application on-behalf-of calls.");
    }
    User user = users.activeUser(assertion.string("oid"), new AuthFacts(List.of(), List.of(),
        Instant.ofEpochSecond(Math.max(0, assertion.epoch("iat"))), null, null, List.of()));
    ScopeRequest scopes = ScopeRequest.parse(call.required("scope"), ctx.state());
    List<String> perms = scopes.delegated(client);
    AuthFacts facts = stepUp.check(call, user, scopes, call.claims(), factsOf(assertion), StepUp.Mode.ON_BEHALF_OF);
    return minter.user(call, user, scopes, perms, facts, scopes.has("offline_access"), false);
  }

  /** How the user signed in, as the incoming token says: amr, acrs, auth_time, sid, xms_cc. */
  private static AuthFacts factsOf(Jwt t) {
    long authTime = t.epoch("auth_time");
    return new AuthFacts(strings(t, "amr"), strings(t, "acrs"), authTime < 0 ? null : Instant.ofEpochSecond(authTime),
        t.string("sid"), null, strings(t, "xms_cc"));
  }

  private static List<String> strings(Jwt t, String claim) {
    List<String> out = new ArrayList<>();
    if (t.claims().getValue(claim) instanceof JsonArray a) {
      a.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  private static void requireCredentials(TokenCall call) {
    if (!call.client().authenticated()) {
      throw new EntraError("invalid_client", 7000218, "The request body must contain the following parameter:"
          + " 'client_assertion' or 'client_secret'.");
    }
  }
}
