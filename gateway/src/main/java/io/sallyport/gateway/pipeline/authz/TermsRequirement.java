package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.config.RequireTerms;
import io.sallyport.gateway.entra.graph.Agreement;
import io.sallyport.gateway.entra.graph.GraphUnavailable;
import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.entra.graph.TermsFacts;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Decision.Answer;
import io.sallyport.gateway.pipeline.Decision.Verdict;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.authn.Browsers;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.session.LiveSession;
import io.sallyport.gateway.session.Sessions;
import io.sallyport.gateway.terms.OwnAcceptances;
import io.sallyport.gateway.terms.TermsPage;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code require.terms-of-use}, after every other check allowed the caller. {@code via: step-up}:
 * the user's acceptances from Graph on their behalf ({@link TermsFacts}); not accepted → a browser
 * is sent to sign in again with the auth context the tenant binds to the agreement (Entra shows the
 * terms), a program gets 403. {@code via: page}: Sallyport's own acceptance ({@link OwnAcceptances});
 * not accepted → a browser is sent to {@link TermsPage}. Either way the agreement's re-acceptance
 * rules are honoured. Graph or the store unable to say within the check timeout → 503
 * {@value #UNAVAILABLE} (fail closed).
 */
public final class TermsRequirement implements AccessPolicy {

  public static final String NOT_ACCEPTED = "tou.not_accepted";
  public static final String EXPIRED = "tou.expired";
  public static final String UNAVAILABLE = "tou.unavailable";

  private static final Logger LOG = LoggerFactory.getLogger(TermsRequirement.class);
  /** As SessionPolicy: a step-up this recent that did not bring the acceptance is not asked again (no loop). */
  private static final Duration LOOP_GUARD = Duration.ofMinutes(2);

  private final AccessPolicy inner;
  private final Supplier<TenantGraph.Current> graph;
  private final Supplier<Sessions> sessions;
  private final OwnAcceptances own;
  private final Clock clock;

  public TermsRequirement(AccessPolicy inner, Supplier<TenantGraph.Current> graph, Supplier<Sessions> sessions,
                          OwnAcceptances own, Clock clock) {
    this.inner = inner;
    this.graph = graph;
    this.sessions = sessions;
    this.own = own;
    this.clock = clock;
  }

  /** Accepted until {@code until}, or the reason it is not. */
  private record Standing(Instant until, String code) {
    static final Standing NEVER = new Standing(null, NOT_ACCEPTED);

    boolean holds(Instant now) {
      return until != null && until.isAfter(now);
    }
  }

  @Override
  public Future<Decision> decide(Route route, HttpServerRequest request) {
    Future<Decision> d = inner.decide(route, request);
    RequireTerms terms = route.config().require().termsOfUse();
    if (terms == null) {
      return d;
    }
    if (d.succeeded() && warm(terms, d.result(), request)) { // cached facts that hold: no future chain
      return d;
    }
    return d.compose(x -> judge(route, terms, request, bearer(request), x));
  }

  /**
   * The same judgement for a decision the other checks reached (explain, the my-access page), with
   * no request: a refusal is the deny a program would get, never a redirect. {@code bearer} is the
   * caller's access token for reading Graph on their behalf when they have no session; may be null.
   */
  public Future<Decision> refine(Route route, Decision d, String bearer) {
    RequireTerms terms = route.config().require().termsOfUse();
    return terms == null ? Future.succeededFuture(d) : judge(route, terms, null, bearer, d);
  }

  /**
   * True when cached, fresh facts say the allowed caller has accepted (step-up: Graph's acceptance).
   * An answer due for its refresh starts one in the background with this request's token.
   */
  private boolean warm(RequireTerms terms, Decision d, HttpServerRequest req) {
    Principal p = d.principal();
    TenantGraph.Current g = terms.via() == RequireTerms.Via.STEP_UP && d.allowed() && p != null && p.oid() != null
        ? graph.get() : null;
    if (g == null || !g.options().tenantId().equalsIgnoreCase(p.tenantId())) {
      return false;
    }
    Agreement agreement = g.terms().peekAgreement(terms.agreement());
    TermsFacts.Acceptances all = agreement == null ? null : g.terms().peek(p.oid());
    if (all != null && g.terms().due(all)) {
      g.terms().refreshAhead(p.oid(), () -> assertion(p, req));
    }
    Instant until = all == null ? null : TermsFacts.until(all.byAgreement().get(terms.agreement()), agreement);
    return until != null && until.isAfter(clock.instant());
  }

  private Future<Decision> judge(Route route, RequireTerms terms, HttpServerRequest req, String bearer, Decision d) {
    Principal p = d.principal();
    if (!d.allowed() || p == null) {
      return Future.succeededFuture(d);
    }
    TenantGraph.Current g = graph.get();
    if (g == null) {
      return Future.succeededFuture(unavailable(d, terms, new GraphUnavailable(GraphUnavailable.TOKEN,
          "no Graph client (the tenant has no client secret)")));
    }
    if (p.oid() == null || !g.options().tenantId().equalsIgnoreCase(p.tenantId())) {
      return Future.succeededFuture(refuse(d, route, terms, req, Standing.NEVER, null));
    }
    Future<LiveSession> session = p.sessionId() == null || sessions.get() == null
        ? Future.succeededFuture(null) : sessions.get().find(p.sessionId());
    Future<Standing> standing = session.compose(s -> standing(g, terms, p, bearer, s, false).compose(st -> {
      if (st.holds(clock.instant()) || terms.via() != RequireTerms.Via.STEP_UP) {
        return Future.succeededFuture(st);
      }
      // not accepted by a cached answer: Graph once more (the user may have just accepted at Entra)
      return standing(g, terms, p, bearer, s, true);
    }));
    // each Graph call is bounded inside TermsFacts; this bounds the whole (a recheck is a second call,
    // the session and the store are lookups too): no request waits longer than the check timeout
    long limit = g.options().checkTimeout().toMillis();
    return standing.timeout(limit, TimeUnit.MILLISECONDS)
        .compose(st -> session.map(s -> st.holds(clock.instant()) ? d : refuse(d, route, terms, req, st, s)))
        .recover(t -> Future.succeededFuture(unavailable(d, terms, t)));
  }

  private Future<Standing> standing(TenantGraph.Current g, RequireTerms terms, Principal p, String bearer,
                                    LiveSession s, boolean recheck) {
    Future<Agreement> agreement = g.terms().agreement(terms.agreement());
    if (terms.via() == RequireTerms.Via.PAGE) {
      return own.latest(p.oid(), terms.agreement()).compose(at -> at.isEmpty() ? Future.succeededFuture(Standing.NEVER)
          : agreement.map(a -> new Standing(pageUntil(terms, a, at.get()), EXPIRED)));
    }
    Supplier<String> assertion = () -> s != null ? s.accessToken() : bearer;
    return g.terms().acceptances(p.oid(), assertion, recheck, s == null ? null : s.createdAt()).compose(all -> {
      TermsFacts.Acceptance a = all.byAgreement().get(terms.agreement());
      if (a == null || !"accepted".equals(a.state())) {
        return Future.succeededFuture(Standing.NEVER);
      }
      return agreement.map(ag -> new Standing(TermsFacts.until(a, ag), EXPIRED));
    });
  }

  /**
   * Until when an acceptance on Sallyport's own page counts: the agreement's re-acceptance and
   * expiry rules, shortened by the route's {@code reaccept-every}.
   */
  public static Instant pageUntil(RequireTerms terms, Agreement agreement, Instant acceptedAt) {
    Instant until = agreement.validUntil(acceptedAt);
    if (terms.reacceptEvery() != null && acceptedAt.plus(terms.reacceptEvery()).isBefore(until)) {
      until = acceptedAt.plus(terms.reacceptEvery());
    }
    return until;
  }

  private Decision refuse(Decision d, Route route, RequireTerms terms, HttpServerRequest req, Standing st,
                          LiveSession s) {
    String code = st.code() + ":" + terms.agreement();
    Reason reason = Reason.of(code, (EXPIRED.equals(st.code()) ? "The acceptance of the terms of use "
        + terms.agreement() + " this route requires has expired; they must be accepted again."
        : "This route requires accepting the terms of use " + terms.agreement() + ".")
        + (terms.via() == RequireTerms.Via.PAGE ? " Open " + TermsPage.PATH + "?agreement=" + terms.agreement()
        + " in a browser signed in to this gateway." : " Sign in again in a browser: the sign-in shows them."));
    if (s != null && req != null && Browsers.navigation(req)) {
      if (terms.via() == RequireTerms.Via.PAGE) {
        return new Decision(Verdict.CHALLENGE, List.of(reason), Answer.redirect(TermsPage.location(terms.agreement(),
            back(req))), d.principal());
      }
      boolean askedAlready = ("acr=" + terms.authContext() + ";max_age=").equals(s.asked())
          && s.createdAt().isAfter(clock.instant().minus(LOOP_GUARD));
      if (!askedAlready) {
        return new Decision(Verdict.CHALLENGE, List.of(reason),
            Answer.redirect(Browsers.signIn(req, req.path(), terms.authContext(), -1)), d.principal());
      }
    }
    return new Decision(Verdict.DENY, List.of(reason), new Answer(403, null), d.principal());
  }

  /** The user's token for Sallyport: their session's, else the bearer token of the request. */
  private Future<String> assertion(Principal p, HttpServerRequest req) {
    Sessions all = sessions.get();
    if (p.sessionId() != null && all != null) {
      return all.find(p.sessionId()).map(s -> s == null ? null : s.accessToken());
    }
    return Future.succeededFuture(bearer(req));
  }

  private static String back(HttpServerRequest req) {
    return req.query() == null ? req.path() : req.path() + "?" + req.query();
  }

  private static String bearer(HttpServerRequest req) {
    String h = req == null ? null : req.getHeader("authorization");
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
  }

  private static Decision unavailable(Decision d, RequireTerms terms, Throwable cause) {
    String kind = cause instanceof GraphUnavailable g ? g.kind() : "error";
    // per request, so debug: the Graph client and the store log their own failures
    LOG.debug("terms of use {} unavailable ({}): {}", terms.agreement(), kind, cause.getMessage());
    return new Decision(Verdict.DENY, List.of(Reason.of(UNAVAILABLE, "Whether the terms of use " + terms.agreement()
        + " were accepted cannot be read right now; try again shortly.")), new Answer(503, null), d.principal());
  }
}
