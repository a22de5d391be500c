package io.sallyport.gateway.pipeline.authn;

import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.entra.oidc.TokenRejected;
import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.entra.oidc.VerifiedTokenCache;
import io.sallyport.gateway.entra.oidc.VerifierUnavailable;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Decision.Answer;
import io.sallyport.gateway.pipeline.Decision.Verdict;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.authz.OverageGroups;
import io.sallyport.gateway.pipeline.authz.RouteChecks;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * APIs protected by Entra bearer tokens. Public routes, and every route while no tenant is
 * configured, behave as {@link AccessPolicy#publicRoutesOnly()}. Otherwise a non-public route takes
 * {@code Authorization: Bearer <access token>}, verified once per token through the tenant's
 * cache, then the route's {@code require} checks. Any failure of the verifier itself denies with
 * 503 {@code authn.unavailable}: fail closed, without blaming the caller.
 */
public final class BearerPolicy implements AccessPolicy {

  static final String MISSING = "authn.missing";
  static final String IN_QUERY = "authn.token_in_query";
  static final String ALLOWED = "authz.allowed";

  private static final Reason ALLOWED_REASON = Reason.of(ALLOWED, "The bearer token and the route's requirements hold.");

  private static final Decision UNAVAILABLE = new Decision(Verdict.DENY, List.of(Reason.of(VerifierUnavailable.REASON,
      "Access tokens cannot be verified right now (the tenant's signing keys are out of reach); try again shortly.")),
      new Answer(503, null), null);

  private final TenantVerifiers verifiers;
  private final OverageGroups overage;
  private final Clock clock;
  // one set of checks per distinct require block (records compare by value), not one per request
  private final Map<RequireConfig, RouteChecks> checks = new ConcurrentHashMap<>();

  public BearerPolicy(TenantVerifiers verifiers, Clock clock) {
    this(verifiers, OverageGroups.none(), clock);
  }

  /** @param overage  resolves the groups of overage tokens through Graph before the checks */
  public BearerPolicy(TenantVerifiers verifiers, OverageGroups overage, Clock clock) {
    this.verifiers = verifiers;
    this.overage = overage;
    this.clock = clock;
  }

  @Override
  public Future<Decision> decide(Route route, HttpServerRequest req) {
    TenantVerifiers.Current tenant = route.isPublic() ? null : verifiers.current();
    if (tenant == null) {
      return AccessPolicy.publicRoutesOnly().decide(route, req);
    }
    Challenges ch = tenant.challenges();
    if (BearerToken.inQuery(req)) {
      return refuse(IN_QUERY, "An access token in the query string is refused (it would end up in logs and"
          + " Referer headers); send it in the Authorization header.", ch.invalidRequest());
    }
    if (BearerToken.ambiguous(req)) {
      return refuse(TokenRejected.MALFORMED, "The request has more than one Authorization header; send one.",
          ch.invalidRequest());
    }
    String header = req.headers().get("authorization");
    RouteChecks routeChecks = checks.computeIfAbsent(route.config().require(), RouteChecks::of);
    VerifiedTokenCache cache = tenant.cache();
    VerifiedToken seen = header == null ? null : cache.cachedByHeader(header);
    if (seen != null) { // the hot path: this header was verified on this thread, no copy of the token
      return withGroups(route, routeChecks, seen, ch);
    }
    String token = BearerToken.of(header);
    if (token == null) {
      return refuse(MISSING, "This route needs an Entra ID access token in the header"
          + " \"Authorization: Bearer <token>\".", ch.missing());
    }
    long generation = cache.generation();
    Future<VerifiedToken> verified = cache.verify(token);
    if (verified.succeeded()) { // a cached token: decide now, no future chain to build and run
      cache.rememberHeader(header, verified.result(), generation);
      return withGroups(route, routeChecks, verified.result(), ch);
    }
    return verified.transform(ar -> ar.succeeded()
        ? withGroups(route, routeChecks, ar.result(), ch) : Future.succeededFuture(rejected(ar.cause(), ch)));
  }

  /**
   * An overage token (no {@code groups}, only {@code _claim_names}) on a route that requires groups
   * gets its membership from Graph first, within the check timeout; if Graph cannot say, 503
   * {@code groups.unavailable}. Every other token goes to the checks as it is, with no wait.
   */
  private Future<Decision> withGroups(Route route, RouteChecks routeChecks, VerifiedToken token, Challenges ch) {
    if (!overage.applies(token, route.config().require())) {
      return Future.succeededFuture(authorize(route, routeChecks, token, ch));
    }
    return overage.resolve(token).transform(ar -> Future.succeededFuture(ar.succeeded()
        ? authorize(route, routeChecks, ar.result(), ch)
        : new Decision(Verdict.DENY, List.of(OverageGroups.unavailable(ar.cause())), new Answer(503, null),
            principal(token, route))));
  }

  /** The route's checks, as the hot path runs them (explain lists each one's verdict). */
  public RouteChecks checks(Route route) {
    return checks.computeIfAbsent(route.config().require(), RouteChecks::of);
  }

  /**
   * Verifies an access token exactly as a request's would be (same cache, same rules). Fails with
   * {@link TokenRejected}, {@link VerifierUnavailable}, or {@link IllegalStateException} when no
   * tenant is configured.
   */
  public Future<VerifiedToken> verify(String token) {
    TenantVerifiers.Current tenant = verifiers.current();
    if (tenant == null) {
      return Future.failedFuture(new IllegalStateException("no tenant is configured"));
    }
    return tenant.cache().verify(token);
  }

  /**
   * The decision a request with this (verified, or explain's hypothetical) token would get on the
   * route: the same code, verdict and status as {@link #decide(Route, HttpServerRequest)}.
   */
  public Decision decide(Route route, VerifiedToken token) {
    TenantVerifiers.Current tenant = route.isPublic() ? null : verifiers.current();
    if (tenant == null) {
      return AccessPolicy.publicRoutesOnly().decide(route, null).result();
    }
    return authorize(route, checks(route), token, tenant.challenges());
  }

  /** The decision for a token {@link #verify} refused (or could not decide on). */
  public Decision refused(Route route, Throwable cause) {
    TenantVerifiers.Current tenant = route.isPublic() ? null : verifiers.current();
    if (tenant == null) {
      return AccessPolicy.publicRoutesOnly().decide(route, null).result();
    }
    return rejected(cause, tenant.challenges());
  }

  private Decision authorize(Route route, RouteChecks routeChecks, VerifiedToken token, Challenges ch) {
    Principal user = principal(token, route);
    RouteChecks.Outcome outcome = routeChecks.evaluate(token, clock.instant());
    if (outcome.passed()) {
      return new Decision(Verdict.ALLOW, List.of(ALLOWED_REASON), null, user);
    }
    String context = route.config().require().authContext();
    if (outcome.stepUp() && context != null && capable(token)) {
      // the client declared it handles claims challenges (cp1): ask for the auth context, whose
      // Conditional Access policy is where MFA and sign-in frequency are enforced
      return new Decision(Verdict.CHALLENGE, outcome.failures(), new Answer(401, ch.insufficientClaims(context)), user);
    }
    // Entra has no claims request for amr or a maximum age, and a client without cp1 cannot handle a
    // challenge: a plain 403 that says what is missing (as Microsoft's sample API does)
    return new Decision(Verdict.DENY, outcome.failures(), new Answer(403, null), user);
  }

  private static Decision rejected(Throwable cause, Challenges ch) {
    if (cause instanceof TokenRejected r) {
      return new Decision(Verdict.DENY, List.of(Reason.of(r.reason(), "The access token was refused: " + r.detail()
          + ".")), new Answer(401, ch.invalidToken()), null);
    }
    // the verifier cannot decide (the tenant's keys cannot be fetched; the key source logs why):
    // the caller is told to retry, and nothing about the gateway's own connections
    return UNAVAILABLE;
  }

  private static Future<Decision> refuse(String code, String detail, String challenge) {
    return Future.succeededFuture(new Decision(Verdict.DENY, List.of(Reason.of(code, detail)),
        new Answer(401, challenge), null));
  }

  /** CAE-capable clients list {@code cp1} in {@code xms_cc}; values compare case-insensitively. */
  private static boolean capable(VerifiedToken token) {
    for (String c : token.xmsCc()) {
      if (c.toLowerCase(Locale.ROOT).equals("cp1")) {
        return true;
      }
    }
    return false;
  }

  /** The caller as the assertion and the logs see it; groups only those the route asks for. */
  private static Principal principal(VerifiedToken token, Route route) {
    List<String> wanted = route.config().require().groups();
    List<String> held = List.of();
    if (!wanted.isEmpty()) { // a loop, not a stream: this runs on every request
      List<String> h = new ArrayList<>(wanted.size());
      for (String g : token.groups()) {
        if (wanted.contains(g)) {
          h.add(g);
        }
      }
      held = h;
    }
    return new Principal(token.tenantId(), token.oid(), token.name(), token.upn(), token.appId(), held, null);
  }
}
