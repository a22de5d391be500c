package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.session.Sessions;
import io.sallyport.gateway.terms.OwnAcceptances;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The checks that ask Microsoft Graph, in the data plane's order (access package, terms of use,
 * PIM), each refining only a decision every other check allowed. One instance serves requests
 * ({@link #policy()}) and the tools that must agree with them: explain and the my-access page
 * judge a caller through {@link #each} and {@link #refine} without a request.
 */
public record GraphRequirements(AccessPackageRequirement packages, TermsRequirement terms, PimRequirement pim) {

  /** One check's judgement of a caller: the decision unchanged when it holds, else its deny. */
  public record Judged(String check, Decision decision) {}

  public static GraphRequirements around(AccessPolicy inner, TenantGraph graph, Supplier<Sessions> sessions,
                                         OwnAcceptances own, Clock clock) {
    AccessPackageRequirement packages = new AccessPackageRequirement(inner, graph::current, clock);
    TermsRequirement terms = new TermsRequirement(packages, graph::current, sessions, own, clock);
    return new GraphRequirements(packages, terms, new PimRequirement(terms, graph, clock));
  }

  /** The whole chain, outermost first: what requests go through. */
  public AccessPolicy policy() {
    return pim;
  }

  /** True when the route asks Graph anything. */
  public static boolean applies(Route route) {
    var r = route.config().require();
    return !route.isPublic() && (r.accessPackage() != null || r.termsOfUse() != null || r.pim() != null);
  }

  /**
   * Each check the route has, judged on its own against {@code allowed} (in chain order), so a
   * tool can show every verdict, not only the first that refuses. {@code bearer}: the caller's
   * access token when they have no session (for reading Graph on their behalf); may be null.
   */
  public Future<List<Judged>> each(Route route, Decision allowed, String bearer) {
    var r = route.config().require();
    List<Future<Judged>> all = new java.util.ArrayList<>();
    if (r.accessPackage() != null) {
      all.add(packages.refine(route, allowed).map(d -> new Judged("access-package", d)));
    }
    if (r.termsOfUse() != null) {
      all.add(terms.refine(route, allowed, bearer).map(d -> new Judged("terms-of-use", d)));
    }
    if (r.pim() != null) {
      all.add(pim.refine(route, allowed).map(d -> new Judged("pim", d)));
    }
    return Future.all(all).map(cf -> all.stream().map(Future::result).toList());
  }

  /** The chain's answer from separate judgements: the first refusal in chain order, else {@code allowed}. */
  public static Decision refine(Decision allowed, List<Judged> judged) {
    for (Judged j : judged) {
      if (!j.decision().allowed()) {
        return j.decision();
      }
    }
    return allowed;
  }
}
