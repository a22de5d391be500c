package io.sallyport.gateway.pipeline.authn;

import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.entra.oidc.TokenRejected;
import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Decision.Answer;
import io.sallyport.gateway.pipeline.Decision.Verdict;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.authz.OverageGroups;
import io.sallyport.gateway.pipeline.authz.RouteChecks;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.session.LiveSession;
import io.sallyport.gateway.session.OidcClient;
import io.sallyport.gateway.session.SignInClients;
import io.sallyport.gateway.session.Sessions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests that come with a session cookie. The session holds an access token for Sallyport, which
 * goes through the same verifier and the same route checks as a bearer token; what differs is the
 * answer to a person: a redirect to sign in (or to step up) instead of a 401.
 */
final class SessionPolicy {

  static final String SIGN_IN = "authn.sign_in_required";
  static final String ENDED = "authn.session_ended";
  static final String STEP_UP = "authn.step_up_required";
  /** A step-up just happened and still did not give what the route needs: no redirect loop. */
  static final Duration LOOP_GUARD = Duration.ofMinutes(2);

  private static final Reason ALLOWED = Reason.of(BearerPolicy.ALLOWED, "The session and the route's requirements hold.");

  private final java.util.function.Supplier<Sessions> store;
  private final SignInClients clients;
  private final Clock clock;
  private final OverageGroups overage;
  private final Map<RequireConfig, RouteChecks> checks = new ConcurrentHashMap<>();

  SessionPolicy(java.util.function.Supplier<Sessions> sessions, SignInClients clients, OverageGroups overage,
                Clock clock) {
    this.overage = overage;
    this.store = sessions;
    this.clients = clients;
    this.clock = clock;
  }

  Future<Decision> decide(Route route, HttpServerRequest req, String path, String sessionId,
                          TenantVerifiers.Current tenant) {
    Sessions sessions = store.get();
    if (sessions == null) {
      return unavailable(); // the store is still opening
    }
    Future<LiveSession> found = sessions.find(sessionId);
    if (found.isComplete()) {
      return found.succeeded() ? withSession(sessions, route, req, path, found.result(), tenant) : unavailable();
    }
    return found.transform(ar -> ar.succeeded() ? withSession(sessions, route, req, path, ar.result(), tenant) : unavailable());
  }

  private Future<Decision> withSession(Sessions sessions, Route route, HttpServerRequest req, String path, LiveSession s,
                                       TenantVerifiers.Current tenant) {
    if (s == null || !s.tenantId().equals(tenant.tenant().id())) {
      return Future.succeededFuture(signIn(req, path, ENDED, "Your session has ended; sign in again."));
    }
    if (sessions.needsRefresh(s)) {
      Future<LiveSession> renewed = sessions.refresh(s, clients.current(tenant.tenant()),
          t -> tenant.cache().verify(t).map(VerifiedToken::expiresAt));
      if (!clock.instant().isBefore(s.accessExpiresAt())) {
        // the token is no good any more: this request waits for the new one
        return renewed.transform(ar -> ar.succeeded() ? authorize(sessions, route, req, path, ar.result(), tenant)
            : Future.succeededFuture(ar.cause() instanceof OidcClient.GrantRefused
                ? signIn(req, path, ENDED, "Your session has ended (Entra ID did not renew it); sign in again.")
                : unavailableDecision()));
      }
      // still valid for a while: renew in the background, answer now
    }
    return authorize(sessions, route, req, path, s, tenant);
  }

  private Future<Decision> authorize(Sessions sessions, Route route, HttpServerRequest req, String path, LiveSession s,
                                     TenantVerifiers.Current tenant) {
    return tenant.cache().verify(s.accessToken()).transform(ar -> {
      if (ar.failed()) {
        return Future.succeededFuture(ar.cause() instanceof TokenRejected
            ? signIn(req, path, ENDED, "Your session's token is no longer accepted; sign in again.")
            : unavailableDecision());
      }
      VerifiedToken token = ar.result();
      if (!overage.applies(token, route.config().require())) {
        return Future.succeededFuture(check(sessions, route, req, path, s, token));
      }
      // too many groups for the token: Graph says which, within the check timeout, or 503
      return overage.resolve(token).transform(gr -> Future.succeededFuture(gr.succeeded()
          ? check(sessions, route, req, path, s, gr.result())
          : new Decision(Verdict.DENY, List.of(OverageGroups.unavailable(gr.cause())), new Answer(503, null),
              principal(token, route, s.id()))));
    });
  }

  private Decision check(Sessions sessions, Route route, HttpServerRequest req, String path, LiveSession s, VerifiedToken token) {
    Principal who = principal(token, route, s.id());
    RouteChecks.Outcome outcome = checks.computeIfAbsent(route.config().require(), RouteChecks::of)
        .evaluate(token, clock.instant());
    if (outcome.passed()) {
      sessions.seen(s);
      return new Decision(Verdict.ALLOW, List.of(ALLOWED), null, who);
    }
    RequireConfig r = route.config().require();
    boolean steppable = outcome.stepUp() && (r.authContext() != null || r.maxAuthAge() != null);
    long maxAge = r.maxAuthAge() == null ? -1 : r.maxAuthAge().toSeconds();
    // the sign-in behind this session already asked Entra for exactly this and it still does not hold
    // (a Conditional Access policy that does not deliver the context): asking again would loop
    boolean askedAlready = ask(r.authContext(), maxAge).equals(s.asked())
        && s.createdAt().isAfter(clock.instant().minus(LOOP_GUARD));
    if (steppable && !askedAlready && Browsers.navigation(req)) {
      return new Decision(Verdict.CHALLENGE, outcome.failures(),
          Answer.redirect(Browsers.signIn(req, path, r.authContext(), maxAge)), who);
    }
    return new Decision(Verdict.DENY, outcome.failures(), new Answer(403, null), who);
  }

  /** The same value {@code PendingSignIn.asked} stores for what a step-up redirect asks. */
  static String ask(String authContext, long maxAge) {
    return "acr=" + (authContext == null ? "" : authContext) + ";max_age=" + (maxAge < 0 ? "" : Long.toString(maxAge));
  }

  /** A person is sent to sign in; a program is told it needs to. */
  static Decision signIn(HttpServerRequest req, String path, String code, String detail) {
    Answer answer = Browsers.navigation(req) ? Answer.redirect(Browsers.signIn(req, path, null, -1))
        : new Answer(401, null);
    return new Decision(Verdict.CHALLENGE, List.of(Reason.of(code, detail)), answer, null);
  }

  static Principal principal(VerifiedToken token, Route route, String sessionId) {
    List<String> wanted = route.config().require().groups();
    List<String> held = wanted.isEmpty() ? List.of() : token.groups().stream().filter(wanted::contains).toList();
    return new Principal(token.tenantId(), token.oid(), token.name(), token.upn(), token.appId(), held, sessionId);
  }

  private static Future<Decision> unavailable() {
    return Future.succeededFuture(unavailableDecision());
  }

  private static Decision unavailableDecision() {
    return new Decision(Verdict.DENY, List.of(Reason.of("authn.unavailable",
        "Your session cannot be checked right now; try again shortly.")), new Answer(503, null), null);
  }
}
