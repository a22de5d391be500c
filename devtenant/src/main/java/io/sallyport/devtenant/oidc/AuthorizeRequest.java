package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.TenantState;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A validated {@code /authorize} request (reference §1.4), checked in Entra's order: the client and
 * its exact redirect URI first (failures shown on a page), then everything else (failures sent to
 * the redirect URI). Only the code flow is offered; {@code response_mode} may be query (default),
 * fragment or form_post.
 */
record AuthorizeRequest(TenantRef tenant, AppRegistration client, String redirectUri, String responseMode,
    String state, String nonce, String scope, ScopeRequest scopes, String prompt, String loginHint,
    String codeChallenge, String codeChallengeMethod, ClaimsRequest claims, Long maxAge) {

  private static final Pattern VERIFIER_CHARS = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
  private static final List<String> PROMPTS = List.of("login", "none", "consent", "select_account", "create");

  static AuthorizeRequest parse(Function<String, String> p, TenantRef tenant, TenantState state) {
    String clientId = p.apply("client_id");
    if (clientId == null) {
      throw AuthorizeFailure.page(Replies.missing("client_id"));
    }
    AppRegistration client = state.apps.find(clientId).orElseThrow(() -> AuthorizeFailure.page(
        unknownClient(clientId, state)));
    String redirect = p.apply("redirect_uri");
    if (redirect == null) {
      throw AuthorizeFailure.page(Replies.missing("redirect_uri"));
    }
    if (!client.redirectUris().contains(redirect)) {
      throw AuthorizeFailure.page(new EntraError("invalid_request", 50011, "The redirect URI '" + redirect
          + "' specified in the request does not match the redirect URIs configured for the application '"
          + client.appId() + "'. Make sure the redirect URI sent in the request matches one added to your application"
          + " in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix"
          + " this."));
    }
    String st = p.apply("state");
    String mode = p.apply("response_mode");
    if (mode != null && !List.of("query", "fragment", "form_post").contains(mode)) {
      throw AuthorizeFailure.redirect(redirect, "query", st, invalid(90100, "response_mode parameter is empty or"
          + " not valid. Supported values are query, fragment and form_post."));
    }
    String responseMode = mode == null ? "query" : mode;
    String type = p.apply("response_type");
    if (type == null) {
      throw AuthorizeFailure.redirect(redirect, responseMode, st, Replies.missing("response_type"));
    }
    if (!type.equals("code")) {
      boolean idToken = type.contains("id_token");
      throw AuthorizeFailure.redirect(redirect, responseMode, st, new EntraError("unsupported_response_type",
          idToken ? 700054 : 700051, "response_type '" + type + "' is not enabled for the application."));
    }
    String scope = p.apply("scope");
    if (scope == null) {
      throw AuthorizeFailure.redirect(redirect, responseMode, st, Replies.missing("scope"));
    }
    ScopeRequest scopes;
    ClaimsRequest claims;
    try {
      scopes = ScopeRequest.parse(scope, state);
      scopes.delegated(client);
      claims = ClaimsRequest.parse(p.apply("claims"));
    } catch (EntraError e) {
      EntraError shown = e.code() == 65001
          ? new EntraError("consent_required", 65001, e.getMessage().substring("AADSTS65001: ".length())) : e;
      throw AuthorizeFailure.redirect(redirect, responseMode, st, shown);
    }
    String challenge = p.apply("code_challenge");
    String method = p.apply("code_challenge_method");
    if (method != null && challenge == null) {
      throw AuthorizeFailure.redirect(redirect, responseMode, st, Replies.missing("code_challenge"));
    }
    if (challenge != null) {
      method = method == null ? "plain" : method;
      if (!method.equals("S256") && !method.equals("plain")) {
        throw AuthorizeFailure.redirect(redirect, responseMode, st, invalid(501491, "Invalid code_challenge_method"
            + " '" + method + "'. Supported values are S256 and plain."));
      }
      if (!VERIFIER_CHARS.matcher(challenge).matches()) {
        throw AuthorizeFailure.redirect(redirect, responseMode, st, invalid(501491, "Invalid size of Code_Challenge"
            + " parameter. The code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~]."));
      }
    }
    String prompt = p.apply("prompt");
    if (prompt != null && !PROMPTS.contains(prompt)) {
      throw AuthorizeFailure.redirect(redirect, responseMode, st, invalid(90023, "Unsupported 'prompt' value."));
    }
    Long maxAge = null;
    if (p.apply("max_age") != null) {
      try {
        maxAge = Long.parseLong(p.apply("max_age"));
      } catch (NumberFormatException e) {
        maxAge = -1L;
      }
      if (maxAge < 0) {
        throw AuthorizeFailure.redirect(redirect, responseMode, st, invalid(90100, "max_age parameter is empty or"
            + " not valid."));
      }
    }
    return new AuthorizeRequest(tenant, client, redirect, responseMode, st, p.apply("nonce"), scope, scopes, prompt,
        p.apply("login_hint"), challenge, challenge == null ? null : method, claims, maxAge);
  }

  static EntraError unknownClient(String clientId, TenantState state) {
    return new EntraError("unauthorized_client", 700016, "Application with identifier '" + clientId + "' was not"
        + " found in the directory '" + state.info().displayName() + "'. This can happen if the application has not"
        + " been installed by the administrator of the tenant or consented to by any user in the tenant. You may have"
        + " sent your authentication request to the wrong tenant.");
  }

  private static EntraError invalid(long code, String text) {
    return new EntraError("invalid_request", code, text);
  }

  boolean promptIs(String value) {
    return value.equals(prompt);
  }
}
