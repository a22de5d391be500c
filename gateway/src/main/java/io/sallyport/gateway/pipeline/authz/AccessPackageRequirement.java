package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.entra.graph.GraphUnavailable;
import io.sallyport.gateway.entra.graph.PackageAssignments;
import io.sallyport.gateway.entra.graph.PackageAssignments.Delivered;
import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.authz.DirectoryRequirement.Outcome;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code require.access-package}: after every other check allowed the caller, a delivered,
 * unexpired assignment of the route's access package, from Entra entitlement management through
 * Graph ({@link PackageAssignments}: cached per user, refreshed ahead, rechecked once after a
 * deny). Only an allow is refined: a refusal or a step-up stays what it is, and costs no Graph
 * call. Graph missing, slow or failing denies with 503 {@value #UNAVAILABLE} (fail closed) unless
 * the operator's stale-if-error bound still covers the cached answer.
 */
public final class AccessPackageRequirement implements AccessPolicy {

  public static final String NOT_ASSIGNED = "access_package.not_assigned";
  public static final String UNAVAILABLE = "access_package.unavailable";

  private static final Logger LOG = LoggerFactory.getLogger(AccessPackageRequirement.class);

  private final AccessPolicy inner;
  private final Supplier<TenantGraph.Current> graph;
  private final Clock clock;

  /** @param graph  the live tenant's Graph client and facts; it gives null without one (routes then say unavailable) */
  public AccessPackageRequirement(AccessPolicy inner, Supplier<TenantGraph.Current> graph, Clock clock) {
    this.inner = inner;
    this.graph = graph;
    this.clock = clock;
  }

  @Override
  public Future<Decision> decide(Route route, HttpServerRequest request) {
    Future<Decision> d = inner.decide(route, request);
    String pkg = route.config().require().accessPackage();
    if (pkg == null) {
      return d;
    }
    if (d.succeeded()) { // the warm path: a cached token and a fresh cached answer, no future chain
      return judge(pkg, d.result(), d);
    }
    return d.compose(x -> judge(pkg, x, null));
  }

  /** The same judgement for a decision the other checks reached (explain, the my-access page). */
  public Future<Decision> refine(Route route, Decision d) {
    String pkg = route.config().require().accessPackage();
    return pkg == null ? Future.succeededFuture(d) : judge(pkg, d, null);
  }

  private Future<Decision> judge(String pkg, Decision d, Future<Decision> same) {
    Principal p = d.principal();
    if (!d.allowed() || p == null) {
      return same != null ? same : Future.succeededFuture(d);
    }
    TenantGraph.Current g = graph.get();
    if (g == null) {
      return Future.succeededFuture(merge(d, unavailable(pkg, new GraphUnavailable(GraphUnavailable.TOKEN,
          "no Graph client (the tenant has no client secret)"))));
    }
    if (p.oid() == null || !g.options().tenantId().equalsIgnoreCase(p.tenantId())) {
      return Future.succeededFuture(merge(d, notAssigned(pkg, "the caller is not a user of tenant "
          + g.options().tenantId() + ", where the access package is")));
    }
    PackageAssignments packages = g.packages();
    Delivered fresh = packages.fresh(p.oid());
    if (fresh != null && fresh.holds(pkg, clock.instant())) { // the warm path
      return same != null ? same : Future.succeededFuture(d);
    }
    Future<Delivered> known = fresh != null ? Future.succeededFuture(fresh) : packages.lookup(p.oid());
    return known
        .compose(x -> x.holds(pkg, clock.instant()) ? Future.succeededFuture(x) : packages.recheck(p.oid(), x))
        .transform(ar -> Future.succeededFuture(ar.failed() ? merge(d, unavailable(pkg, ar.cause()))
            : ar.result().holds(pkg, clock.instant()) ? d
            : merge(d, notAssigned(pkg, "there is no delivered, unexpired assignment of it for this user"))));
  }

  private static Decision merge(Decision d, Outcome o) {
    return DirectoryRequirement.merge(d, o);
  }

  static Outcome notAssigned(String pkg, String why) {
    return new Outcome(Reason.of(NOT_ASSIGNED + ":" + pkg, "This route requires the access package " + pkg
        + " (Entra ID entitlement management), and " + why + ". Request it in My Access, or ask its"
        + " manager to assign it."), 403);
  }

  static Outcome unavailable(String pkg, Throwable cause) {
    String kind = cause instanceof GraphUnavailable g ? g.kind() : "error";
    // per request, so debug: the Graph client logs each failed call once, metrics count them
    LOG.debug("access package {} unavailable ({}): {}", pkg, kind, cause.getMessage());
    return new Outcome(Reason.of(UNAVAILABLE, "Microsoft Graph could not say right now whether the caller holds"
        + " the access package " + pkg + " this route requires; try again shortly."), 503);
  }
}
