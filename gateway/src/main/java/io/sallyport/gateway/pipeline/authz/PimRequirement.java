package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.config.RequirePim;
import io.sallyport.gateway.entra.graph.GraphUnavailable;
import io.sallyport.gateway.entra.graph.PimFacts;
import io.sallyport.gateway.entra.graph.PimStanding;
import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Decision.Answer;
import io.sallyport.gateway.pipeline.Decision.Verdict;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code require.pim}, after every other check allowed: the caller must hold the PIM role or group
 * assignment right now. Read from {@link PimFacts} on every request (memory when warm), judged against
 * the clock so an assignment stops counting at its end; a standing that denies is fetched again at
 * once (the user may have just activated). Graph unable to say within the check timeout denies with
 * 503 {@value #UNAVAILABLE} (fail closed), unless the operator's stale-if-error bound covers it.
 */
public final class PimRequirement implements AccessPolicy {

  public static final String NOT_ACTIVE = "pim.not_active";
  public static final String NOT_ELIGIBLE = "pim.not_eligible";
  public static final String UNAVAILABLE = "pim.unavailable";
  /** Where a person eligible for the route's role is offered activation. */
  public static final String ACTIVATE_PATH = "/.sallyport/activate";

  private static final Logger LOG = LoggerFactory.getLogger(PimRequirement.class);
  private static final Reason UNAVAILABLE_REASON = Reason.of(UNAVAILABLE, "Microsoft Graph could not say whether"
      + " your PIM assignment is active right now; try again shortly.");

  private final AccessPolicy inner;
  private final TenantGraph graph;
  private final Clock clock;

  public PimRequirement(AccessPolicy inner, TenantGraph graph, Clock clock) {
    this.inner = inner;
    this.graph = graph;
    this.clock = clock;
  }

  @Override
  public Future<Decision> decide(Route route, HttpServerRequest request) {
    Future<Decision> d = inner.decide(route, request);
    RequirePim need = route.isPublic() ? null : route.config().require().pim();
    if (need == null) {
      return d;
    }
    if (d.succeeded()) { // the usual case: no future chain unless PIM must be asked
      return judge(route, need, d.result(), d);
    }
    return d.compose(x -> judge(route, need, x, null));
  }

  /**
   * The same judgement for a decision the other checks reached (explain, the my-access page): the
   * decision itself when the route needs no PIM or PIM holds, else the deny a request would get.
   */
  public Future<Decision> refine(Route route, Decision d) {
    RequirePim need = route.isPublic() ? null : route.config().require().pim();
    return need == null ? Future.succeededFuture(d) : judge(route, need, d, null);
  }

  private Future<Decision> judge(Route route, RequirePim need, Decision d, Future<Decision> same) {
    Principal p = d.principal();
    if (!d.allowed() || p == null) { // a refusal or a step-up first: PIM cannot fix those
      return same != null ? same : Future.succeededFuture(d);
    }
    TenantGraph.Current g = graph == null ? null : graph.current();
    if (g == null || p.oid() == null || !g.options().tenantId().equals(p.tenantId())) {
      // PIM state lives in the gateway's own tenant; a caller from elsewhere holds nothing there
      return Future.succeededFuture(deny(d, notActive(route, need, false)));
    }
    PimFacts facts = g.pim();
    boolean groups = need.kind() == RequirePim.Kind.GROUP;
    PimStanding warm = groups ? facts.cachedGroups(p.oid()) : facts.cachedRoles(p.oid());
    if (warm != null && active(need, warm)) {
      return same != null ? same : Future.succeededFuture(d);
    }
    Future<PimStanding> standing = warm != null ? Future.succeededFuture(warm)
        : groups ? facts.groups(p.oid()) : facts.roles(p.oid());
    return standing
        .compose(s -> active(need, s) ? Future.succeededFuture(s) : facts.recheck(p.oid(), groups, s)
            .recover(t -> Future.succeededFuture(s))) // the answer we had was definite: keep it
        .transform(ar -> Future.succeededFuture(ar.failed() ? deny(d, unavailable(ar.cause()))
            : active(need, ar.result()) ? d : deny(d, notActive(route, need, eligible(need, ar.result())))));
  }

  private boolean active(RequirePim need, PimStanding s) {
    return s.activeFor(need.id(), qualifier(need), clock.instant()) != null;
  }

  private boolean eligible(RequirePim need, PimStanding s) {
    return !Boolean.FALSE.equals(s.eligibleFor(need.id(), qualifier(need), clock.instant()));
  }

  static String qualifier(RequirePim need) {
    return need.kind() == RequirePim.Kind.GROUP ? need.access() : need.scope();
  }

  /** The activation page for a route, as the deny page and problem+json link it. */
  public static String activateLink(String routeName) {
    return ACTIVATE_PATH + "?route=" + java.net.URLEncoder.encode(routeName, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Outcome notActive(Route route, RequirePim need, boolean eligible) {
    String what = need.kind() == RequirePim.Kind.GROUP
        ? "an active PIM " + need.access() + " assignment of group " + need.id()
        : "the directory role " + need.id() + " active" + (RequirePim.ROOT_SCOPE.equals(need.scope()) ? ""
            : " at scope " + need.scope());
    if (!eligible) {
      return new Outcome(Reason.of(NOT_ELIGIBLE + ":" + need.label(), "This route needs " + what
          + ", and you are not eligible for it; ask your administrator."), 403);
    }
    return new Outcome(Reason.of(NOT_ACTIVE + ":" + need.label(), "This route needs " + what
        + ". You are eligible: activate it at " + activateLink(route.name()) + ", then try again."), 403);
  }

  private static Outcome unavailable(Throwable cause) {
    String kind = cause instanceof GraphUnavailable g ? g.kind() : "error";
    // per request, so debug: the Graph client logs each failed call once, metrics count them
    LOG.debug("PIM state unavailable ({}): {}", kind, cause.getMessage());
    return new Outcome(UNAVAILABLE_REASON, 503);
  }

  private record Outcome(Reason reason, int status) {}

  private static Decision deny(Decision d, Outcome o) {
    return new Decision(Verdict.DENY, List.of(o.reason()), new Answer(o.status(), null), d.principal());
  }
}
