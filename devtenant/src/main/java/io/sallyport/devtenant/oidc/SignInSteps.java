package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.state.Acceptance;
import io.sallyport.devtenant.state.Agreement;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.AuthFacts;
import io.sallyport.devtenant.token.TokenIssuer;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens once the user is known: Conditional Access decides whether an MFA step and which
 * terms-of-use screens come next; when nothing is left the code is issued with the sign-in's facts
 * ({@code amr} pwd or pwd+mfa, the requested auth contexts now satisfied as {@code acrs}) and the
 * browser goes back to the client.
 */
final class SignInSteps {

  private final Context ctx;
  private final GrantStore store;
  private final ConditionalAccess ca;
  private final DemoMfa mfa;
  private final AuthorizeReply reply;

  SignInSteps(Context ctx, GrantStore store, DemoMfa mfa, AuthorizeReply reply) {
    this.ctx = ctx;
    this.store = store;
    this.ca = new ConditionalAccess(ctx.state());
    this.mfa = mfa;
    this.reply = reply;
  }

  String action(SignInTransaction tx, String step) {
    return ctx.baseUrl() + "/" + tx.request().tenant().segment() + "/login" + step;
  }

  /** Runs the next step the transaction needs, or finishes it. */
  void proceed(RoutingContext rc, SignInTransaction tx) {
    AuthorizeRequest req = tx.request();
    Instant now = ctx.clock().instant();
    User user = ctx.state().users.find(tx.userId()).orElse(null);
    GrantStore.Session session = store.sessions.get(tx.sessionId()).orElse(null);
    if (user == null || session == null) {
      store.transactions.remove(tx.id());
      throw AuthorizeFailure.page(expired());
    }
    if (!user.accountEnabled()) {
      store.transactions.remove(tx.id());
      throw AuthorizeFailure.page(disabled());
    }
    var needs = ca.evaluate(user, req.client().appId(), req.scopes().audience().appId(), req.claims().acrs(),
        req.claims().policyIds());
    if (needs.blocked()) {
      throw AuthorizeFailure.redirect(req, blocked());
    }
    if (needs.mfa() && session.mfaAt() == null) {
      if (req.promptIs("none")) {
        throw AuthorizeFailure.redirect(req, new EntraError("interaction_required", 50076, "Due to a configuration"
            + " change made by your administrator, or because you moved to a new location, you must use multi-factor"
            + " authentication to access '" + req.scopes().audience().appId() + "'."));
      }
      if (!user.mfaRegistered()) {
        throw AuthorizeFailure.page(new EntraError("interaction_required", 50079, "Due to a configuration change"
            + " made by your administrator, or because you moved to a new location, you must enroll in multi-factor"
            + " authentication to access '" + req.scopes().audience().appId() + "'. devtenant cannot enroll users:"
            + " set mfa: true on the user in the scenario."));
      }
      reply.page(rc, Pages.mfa(action(tx, "/mfa"), tx, user.upn(), mfa.currentCode(user.id()), null));
      return;
    }
    List<String> pending = needs.pendingTerms(ctx.state(), user.id(), now);
    if (!pending.isEmpty()) {
      if (req.promptIs("none")) {
        throw AuthorizeFailure.redirect(req, new EntraError("interaction_required", 50158, "External security"
            + " challenge not satisfied: the user must accept the terms of use '" + pending.get(0) + "'."));
      }
      Agreement agreement = ctx.state().agreements.find(pending.get(0)).orElseThrow(() ->
          AuthorizeFailure.redirect(req, new EntraError("server_error", 90000, "Conditional Access requires terms of"
              + " use '" + pending.get(0) + "', which does not exist in this tenant.")));
      reply.page(rc, Pages.terms(action(tx, "/terms"), tx, agreement, null));
      return;
    }
    finish(rc, tx, user, session);
  }

  void mfaAnswer(RoutingContext rc, SignInTransaction tx) {
    User user = ctx.state().users.find(tx.userId()).orElseThrow(() -> AuthorizeFailure.page(expired()));
    if (mfa.verify(user.id(), Replies.param(rc, "otc"))) {
      store.sessions.get(tx.sessionId()).ifPresent(s -> store.sessions.put(s.id(), s.withMfa(ctx.clock().instant())));
      proceed(rc, tx);
      return;
    }
    SignInTransaction failed = store.transactions.put(tx.id(), tx.failed());
    if (failed.failures() >= SignInTransaction.MAX_FAILURES) {
      store.transactions.remove(tx.id());
      throw AuthorizeFailure.page(wrongCode());
    }
    reply.page(rc, Pages.mfa(action(tx, "/mfa"), failed, user.upn(), mfa.currentCode(user.id()),
        wrongCode().getMessage()));
  }

  void termsAnswer(RoutingContext rc, SignInTransaction tx) {
    String agreementId = Replies.param(rc, "agreementId");
    Agreement agreement = agreementId == null ? null : ctx.state().agreements.find(agreementId).orElse(null);
    if (agreement == null || tx.userId() == null) {
      throw AuthorizeFailure.page(expired());
    }
    Instant now = ctx.clock().instant();
    boolean accept = "accept".equals(Replies.param(rc, "action"));
    // Recorded either way, as Entra's terms-of-use report shows declines too.
    ctx.state().acceptances.put(new Acceptance(Acceptance.idFor(agreement.id(), tx.userId()), agreement.id(),
        tx.userId(), agreement.fileId(), now, accept ? agreement.expiryFor(now) : null,
        accept ? "accepted" : "declined"));
    if (!accept) {
      store.transactions.remove(tx.id());
      throw AuthorizeFailure.redirect(tx.request(), new EntraError("access_denied", 53003, "Access has been blocked"
          + " by Conditional Access policies. The user declined the terms of use '" + agreement.displayName()
          + "', which the access policy requires."));
    }
    proceed(rc, tx);
  }

  private void finish(RoutingContext rc, SignInTransaction tx, User user, GrantStore.Session session) {
    AuthorizeRequest req = tx.request();
    List<String> amr = new ArrayList<>(List.of("pwd"));
    if (session.mfaAt() != null) {
      amr.add("mfa");
    }
    // Every requested auth context is satisfied here (its policies passed, or none targets it: §3.3).
    AuthFacts facts = new AuthFacts(amr, req.claims().acrs(), session.authTime(), session.id(), req.nonce(),
        req.claims().capabilities());
    String code = "1.A" + TokenIssuer.random(48);
    store.codes.put(code, new GrantStore.Code(code, req.client().appId(), req.redirectUri(), user.id(), req.scope(),
        req.codeChallenge(), req.codeChallengeMethod(), facts, ctx.clock().instant().plus(GrantStore.CODE_LIFETIME),
        false));
    store.transactions.remove(tx.id());
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    if (req.state() != null) {
      params.put("state", req.state());
    }
    params.put("session_state", session.id());
    reply.redirect(rc, req.redirectUri(), req.responseMode(), params);
  }

  static EntraError expired() {
    return new EntraError("invalid_request", 90015, "Your sign-in session has expired or is not valid. Go back to"
        + " the application and sign in again.");
  }

  static EntraError disabled() {
    return new EntraError("invalid_grant", 50057, "The user account is disabled.");
  }

  static final String BLOCKED = "Access has been blocked by Conditional Access policies. The access policy does"
      + " not allow token issuance.";

  static EntraError blocked() {
    return new EntraError("access_denied", 53003, BLOCKED);
  }

  private static EntraError wrongCode() {
    return new EntraError("invalid_grant", 50074, "Strong Authentication is required and the user did not pass the"
        + " MFA challenge: you didn't enter the expected verification code.");
  }
}
