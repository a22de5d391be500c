package io.sallyport.gateway.explain;

import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.Snapshot;
import io.sallyport.gateway.pipeline.authn.BearerPolicy;
import io.sallyport.gateway.pipeline.authz.DirectoryRequirement;
import io.sallyport.gateway.pipeline.authz.GraphRequirements;
import io.sallyport.gateway.pipeline.authz.RouteChecks;
import io.sallyport.gateway.pipeline.route.PathNormalizer;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs one route's decision for one identity the way the data plane would, and lays out every
 * step: authentication, each {@code require} check (pass, fail or not evaluated), the directory's
 * facts, the overall decision and what to do about each failure.
 */
public final class Explainer {

  private final Supplier<Snapshot> live;
  private final BearerPolicy policy;
  private final Supplier<Store> store;
  private final Clock clock;
  private final Sessions sessions;
  private final DirectoryRequirement directoryRequirement;
  private final GraphRequirements graphChecks;

  public Explainer(Supplier<Snapshot> live, BearerPolicy policy, Supplier<Store> store, Clock clock) {
    this(live, policy, store, clock, null, null);
  }

  /**
   * @param directory    the directory's say on decisions, as the data plane applies it; null for none
   * @param graphChecks  the data plane's Graph-backed checks (access package, terms of use, PIM); null for none
   */
  public Explainer(Supplier<Snapshot> live, BearerPolicy policy, Supplier<Store> store, Clock clock,
                   DirectoryRequirement directory, GraphRequirements graphChecks) {
    this.live = live;
    this.policy = policy;
    this.store = store;
    this.clock = clock;
    this.sessions = new Sessions(store);
    this.directoryRequirement = directory;
    this.graphChecks = graphChecks;
  }

  Future<JsonObject> explain(ExplainRequest r) {
    Route route;
    try {
      route = route(live.get(), r);
    } catch (ExplainProblem p) {
      return Future.failedFuture(p);
    }
    Future<Identity> identity = switch (r.mode()) {
      case TOKEN -> policy.verify(r.token()).transform(ar -> Future.succeededFuture(ar.succeeded()
          ? new Identity("token", true, "the access token, verified now exactly as a request's would be"
              + " (signature, issuer, audience, tenant, lifetime)", ar.result(), null, null)
          : new Identity("token", false, "the access token was refused when verified now", null, ar.cause(), null)));
      case USER -> sessions.newest(r.user());
      case CLAIMS -> Future.succeededFuture(new Identity("claims", false, "hypothetical claims as given: nothing"
          + " was verified (no signature, issuer, audience or lifetime check); the route's checks run on them",
          VerifiedToken.fromClaims(r.claims()), null, null));
    };
    String bearer = r.mode() == ExplainRequest.Mode.TOKEN ? r.token() : null;
    return identity.compose(id -> explain(route, id, bearer));
  }

  /**
   * One signed-in browser's view of a route, for the my-access page: the same steps and decision
   * as explain gives an operator for that user's newest session, but for this very session.
   *
   * @param claims     the claims of the access token the session holds (verified when it was obtained)
   * @param sessionId  the session's id, so that checks reading Graph on the user's behalf use its tokens
   */
  public Future<JsonObject> forSession(Route route, JsonObject claims, String sessionId) {
    return explain(route, new Identity("session", true, "this browser session's sign-in claims",
        VerifiedToken.fromClaims(claims), null, new JsonObject().put("id", sessionId)), null);
  }

  /** The claims of a session's access token, as {@link #forSession} wants them; null when unreadable. */
  public static JsonObject sessionClaims(String accessToken) {
    return Sessions.tokenClaims(accessToken);
  }

  private Future<JsonObject> explain(Route route, Identity id, String bearer) {
    return directory(id).compose(dir -> {
      Decision base = withSession(id.token() != null ? policy.decide(route, id.token())
          : policy.refused(route, id.refusal()), id);
      return directoryCheck(route, base).compose(check -> {
        Decision merged = check == null || check.outcome() == null ? base
            : DirectoryRequirement.merge(base, check.outcome());
        return graphChecks(route, id, merged, bearer).map(graph -> answer(route, id, dir, merged, check, graph));
      });
    });
  }

  /** A session's requests carry its id in the principal; checks that read Graph for the user need it. */
  private static Decision withSession(Decision d, Identity id) {
    Principal p = d.principal();
    if (p == null || id.session() == null || id.session().getString("id") == null) {
      return d;
    }
    return new Decision(d.verdict(), d.reasons(), d.answer(), new Principal(p.tenantId(), p.oid(), p.name(), p.upn(),
        p.appId(), p.groups(), id.session().getString("id")));
  }

  /** Each Graph-backed check's verdict; empty when the route has none (or the gateway has no Graph checks). */
  private Future<List<GraphRequirements.Judged>> graphChecks(Route route, Identity id, Decision merged,
                                                               String bearer) {
    if (graphChecks == null || !GraphRequirements.applies(route) || !merged.allowed()) {
      return Future.succeededFuture(List.of());
    }
    return graphChecks.each(route, merged, bearer);
  }

  /** The directory check's verdict for explain; null when the directory has no say on the route. */
  private Future<DirectoryCheck> directoryCheck(Route route, Decision base) {
    if (directoryRequirement == null || !directoryRequirement.applies(route)) {
      return Future.succeededFuture(null);
    }
    String requirement = DirectoryRequirement.requirement(route.config().require().directory());
    if (base.principal() == null) {
      return Future.succeededFuture(new DirectoryCheck(requirement, null));
    }
    return directoryRequirement.evaluate(route, base.principal()).map(o -> new DirectoryCheck(requirement, o));
  }

  /** @param outcome  null when not evaluated (nobody authenticated) */
  private record DirectoryCheck(String requirement, DirectoryRequirement.Outcome outcome) {}

  private static Route route(Snapshot snap, ExplainRequest r) {
    if (r.route() != null) {
      for (Route route : snap.routes().routes()) {
        if (route.name().equals(r.route())) {
          return route;
        }
      }
      throw ExplainProblem.notFound("explain.route_not_found", "no route named \"" + ExplainRequest.clip(r.route())
          + "\"; the routes are " + snap.routes().routes().stream().map(Route::name).toList());
    }
    String path = PathNormalizer.normalize(r.path());
    if (path == null) {
      throw ExplainProblem.malformed("the path \"" + ExplainRequest.clip(r.path()) + "\" is one the gateway refuses"
          + " (not starting with /, dot segments, backslashes, control characters or bad escapes)");
    }
    String host = r.host() == null ? null : r.host().toLowerCase(Locale.ROOT);
    Route route = snap.routes().match(host, path);
    if (route == null) {
      throw ExplainProblem.notFound("explain.route_not_found", "no route matches host \""
          + (host == null ? "(none)" : ExplainRequest.clip(host)) + "\" and path \"" + ExplainRequest.clip(path) + "\"");
    }
    return route;
  }

  private Future<JsonObject> directory(Identity id) {
    Store s = store.get();
    if (s == null) {
      return Future.succeededFuture(new JsonObject().put("checked", false).put("note", "the store is not open yet"));
    }
    VerifiedToken t = id.token();
    return new DirectoryFacts(s.directory()).describe(t == null ? null : t.upn(), t == null ? null : t.oid())
        .recover(e -> Future.succeededFuture(new JsonObject().put("checked", false)
            .put("note", "the directory could not be read: " + e.getMessage())));
  }

  private JsonObject answer(Route route, Identity id, JsonObject directory, Decision merged, DirectoryCheck dirCheck,
                            List<GraphRequirements.Judged> graph) {
    Decision decision = GraphRequirements.refine(merged, graph);
    boolean judged = !route.isPublic() && id.token() != null && !decision.primaryCode().equals("authn.unavailable");
    RouteChecks checks = policy.checks(route);
    Instant now = clock.instant();
    JsonArray steps = new JsonArray().add(authn(route, id, decision));
    for (RouteChecks.Verdict v : judged ? checks.explain(id.token(), now) : checks.unevaluated()) {
      JsonObject step = new JsonObject().put("check", v.name()).put("requirement", v.requirement());
      if (!judged) {
        step.put("verdict", "not_evaluated").put("detail", route.isPublic() ? "the route is public: no checks"
            : "not evaluated: the caller was not authenticated");
      } else if (v.passed()) {
        step.put("verdict", "pass").put("detail", "holds: " + v.requirement());
      } else {
        step.put("verdict", "fail").put("code", v.failure().code()).put("detail", v.failure().detail())
            .put("next", NextSteps.forCode(v.failure().code()));
      }
      steps.add(step);
    }
    if (dirCheck != null) {
      steps.add(directoryStep(route, dirCheck));
    }
    graphSteps(route, id, merged, graph).forEach(steps::add);
    JsonArray next = new JsonArray();
    if (!decision.allowed()) {
      for (Reason reason : decision.reasons()) {
        next.add(new JsonObject().put("code", reason.code()).put("action", NextSteps.forCode(reason.code())));
      }
    }
    return new JsonObject().put("route", RouteView.of(route)).put("identity", id.toJson()).put("checks", steps)
        .put("directory", directory).put("decision", decision(decision)).put("next", next)
        .put("explainedAt", now.toString());
  }

  /** Access package, terms of use and PIM, in the data plane's order, when the route requires them. */
  private static List<JsonObject> graphSteps(Route route, Identity id, Decision merged,
                                             List<GraphRequirements.Judged> graph) {
    var require = route.config().require();
    List<JsonObject> out = new java.util.ArrayList<>();
    if (route.isPublic()) {
      return out;
    }
    addGraphStep(out, "access-package", require.accessPackage(), merged, graph, null);
    if (require.termsOfUse() != null) {
      var t = require.termsOfUse();
      String requirement = "agreement " + t.agreement() + " accepted"
          + (t.via() == io.sallyport.gateway.config.RequireTerms.Via.PAGE ? " on Sallyport's terms page"
              : " (read from Graph on the user's behalf)");
      // hypothetical claims come with no token to read the user's acceptances with
      String cannot = "claims".equals(id.source()) && t.via() == io.sallyport.gateway.config.RequireTerms.Via.STEP_UP
          ? "not evaluated: reading acceptances needs the user's own token; explain a token or a session instead"
          : null;
      addGraphStep(out, "terms-of-use", requirement, merged, graph, cannot);
    }
    addGraphStep(out, "pim", require.pim() == null ? null : require.pim().label(), merged, graph, null);
    return out;
  }

  private static void addGraphStep(List<JsonObject> out, String check, String requirement, Decision merged,
                                   List<GraphRequirements.Judged> graph, String cannot) {
    if (requirement == null) {
      return;
    }
    JsonObject step = new JsonObject().put("check", check).put("requirement", requirement);
    GraphRequirements.Judged j = graph.stream().filter(x -> x.check().equals(check)).findFirst().orElse(null);
    if (cannot != null) {
      step.put("verdict", "not_evaluated").put("detail", cannot);
    } else if (j == null) {
      step.put("verdict", "not_evaluated").put("detail", merged.allowed() ? "not evaluated: no Graph client"
          : "not evaluated: an earlier check refused, and the gateway asks Graph only for callers it would allow");
    } else if (j.decision().allowed()) {
      step.put("verdict", "pass").put("detail", "holds: " + requirement);
    } else {
      Reason r = j.decision().reasons().get(0);
      step.put("verdict", "fail").put("code", r.code()).put("detail", r.detail()).put("next", NextSteps.forCode(r.code()));
    }
    out.add(step);
  }

  private static JsonObject directoryStep(Route route, DirectoryCheck c) {
    JsonObject step = new JsonObject().put("check", "directory").put("requirement", c.requirement());
    if (c.outcome() == null) {
      return step.put("verdict", "not_evaluated").put("detail", "not evaluated: the caller was not authenticated");
    }
    if (c.outcome().passed()) {
      return step.put("verdict", "pass").put("detail", "holds: " + c.requirement());
    }
    Reason r = c.outcome().failure();
    return step.put("verdict", "fail").put("code", r.code()).put("detail", r.detail())
        .put("next", NextSteps.forCode(r.code()));
  }

  private static JsonObject authn(Route route, Identity id, Decision decision) {
    JsonObject step = new JsonObject().put("check", "authn");
    if (route.isPublic()) {
      return step.put("verdict", "not_evaluated").put("detail", "the route is public: no sign-in is needed");
    }
    if (id.token() == null || decision.primaryCode().equals("authn.unavailable")) {
      Reason r = decision.reasons().get(0);
      return step.put("verdict", "fail").put("code", r.code()).put("detail", r.detail())
          .put("next", NextSteps.forCode(r.code()));
    }
    return switch (id.source()) {
      case "token" -> step.put("verdict", "pass").put("detail", "the access token is valid");
      case "session" -> step.put("verdict", "pass").put("detail", "the session's sign-in claims (verified at sign-in)");
      default -> step.put("verdict", "not_evaluated").put("detail", "hypothetical claims are not verified");
    };
  }

  private static JsonObject decision(Decision d) {
    JsonArray reasons = new JsonArray();
    d.reasons().forEach(r -> reasons.add(new JsonObject().put("code", r.code()).put("detail", r.detail())));
    return new JsonObject().put("verdict", d.verdict().label()).put("code", d.primaryCode())
        .put("status", d.allowed() ? 200 : d.status()).put("reasons", reasons);
  }
}
