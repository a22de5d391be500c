package io.sallyport.gateway.myaccess;

import io.sallyport.gateway.config.RequireTerms;
import io.sallyport.gateway.entra.graph.Agreement;
import io.sallyport.gateway.entra.graph.PackageAssignments;
import io.sallyport.gateway.entra.graph.PimStanding;
import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.entra.graph.TermsFacts;
import io.sallyport.gateway.explain.Explainer;
import io.sallyport.gateway.pipeline.Snapshot;
import io.sallyport.gateway.pipeline.authz.PimRequirement;
import io.sallyport.gateway.pipeline.authz.TermsRequirement;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.session.LiveSession;
import io.sallyport.gateway.terms.OwnAcceptances;
import io.sallyport.gateway.terms.TermsPage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Gathers {@link MyAccess} for a session: the Graph facts through the same per-user caches the
 * checks use (so a warm page costs no Graph call), and each route's verdict through
 * {@link Explainer#forSession}. Every source is bounded by the Graph check timeout; one that fails
 * leaves its section unknown and says why, the rest of the page still shows.
 */
final class MyAccessFacts {
  /** A page lists at most this many routes: beyond it the page is no longer readable, and each costs a check. */
  static final int MAX_ROUTES = 200;

  private final Supplier<Snapshot> live;
  private final Supplier<TenantGraph.Current> graph;
  private final OwnAcceptances own;
  private final Explainer explainer;
  private final Clock clock;

  MyAccessFacts(Supplier<Snapshot> live, Supplier<TenantGraph.Current> graph, OwnAcceptances own, Explainer explainer,
                Clock clock) {
    this.live = live;
    this.graph = graph;
    this.own = own;
    this.explainer = explainer;
    this.clock = clock;
  }

  Future<MyAccess> gather(LiveSession s) {
    JsonObject claims = Explainer.sessionClaims(s.accessToken());
    if (claims == null) {
      return Future.failedFuture(new IllegalStateException("the session holds no readable access token"));
    }
    Map<String, String> notes = new java.util.concurrent.ConcurrentHashMap<>();
    TenantGraph.Current g = graph.get();
    boolean ours = g != null && s.oid() != null && g.options().tenantId().equalsIgnoreCase(s.tenantId());
    if (!ours) {
      String why = g == null ? "Microsoft Graph is not configured for this gateway (no tenant client secret)"
          : "your account is not in the gateway's tenant, where PIM and access packages are kept";
      notes.put("pim", why);
      notes.put("accessPackages", why);
    }
    Future<PimStanding> roles = ours ? known(g.pim().roles(s.oid()), notes, "pim") : Future.succeededFuture(null);
    Future<PimStanding> groups = ours ? known(g.pim().groups(s.oid()), notes, "pim") : Future.succeededFuture(null);
    Future<Map<String, Instant>> packages = ours ? known(g.packages().lookup(s.oid())
        .map(PackageAssignments.Delivered::ends), notes, "accessPackages") : Future.succeededFuture(null);
    Snapshot snap = live.get();
    Future<List<MyAccess.Terms>> terms = terms(snap, s, g);
    List<Route> routes = snap.routes().routes().stream().filter(r -> !r.isPublic()).limit(MAX_ROUTES).toList();
    List<Future<MyAccess.RouteAccess>> verdicts = new ArrayList<>();
    for (Route r : routes) {
      verdicts.add(explainer.forSession(r, claims, s.id()).map(e -> access(r, e))
          .otherwise(t -> new MyAccess.RouteAccess(r.name(), r.config().pathPrefix(), false, "explain.unavailable",
              "whether you can reach this route cannot be worked out right now; try again shortly", null, null)));
    }
    return Future.join(List.of(roles, groups, packages, terms, Future.all(verdicts))).transform(ignored -> {
      List<MyAccess.RouteAccess> list = verdicts.stream().map(Future::result).toList();
      return Future.succeededFuture(new MyAccess(s.name(), s.upn(), s.oid(), s.absoluteExpiresAt(), roles.result(),
          groups.result(), packages.result() == null ? null : new TreeMap<>(packages.result()),
          terms.succeeded() ? terms.result() : List.of(), list, Map.copyOf(notes), clock.instant()));
    });
  }

  /** The fact, or null with a note when its source failed (fail closed shows as "cannot say", not "none"). */
  private static <T> Future<T> known(Future<T> f, Map<String, String> notes, String section) {
    return f.recover(t -> {
      notes.put(section, "Microsoft Graph could not be read right now (" + t.getMessage() + "); try again shortly");
      return Future.succeededFuture(null);
    });
  }

  /** Every agreement a route requires, with this user's acceptance as that route's check reads it. */
  private Future<List<MyAccess.Terms>> terms(Snapshot snap, LiveSession s, TenantGraph.Current g) {
    Map<String, RequireTerms> wanted = new LinkedHashMap<>();
    snap.config().routes().forEach(r -> {
      RequireTerms t = r.require().termsOfUse();
      if (t != null && !r.isPublic()) {
        wanted.putIfAbsent(t.agreement() + "|" + t.via(), t);
      }
    });
    List<Future<MyAccess.Terms>> all = new ArrayList<>();
    for (RequireTerms t : wanted.values()) {
      all.add(oneTerms(t, s, g).otherwise(e -> new MyAccess.Terms(t.agreement(), via(t), null, null,
          "cannot be read right now (" + e.getMessage() + ")")));
    }
    return Future.all(all).map(cf -> all.stream().map(Future::result).toList());
  }

  private Future<MyAccess.Terms> oneTerms(RequireTerms t, LiveSession s, TenantGraph.Current g) {
    if (g == null) {
      return Future.failedFuture("Microsoft Graph is not configured");
    }
    Future<Agreement> agreement = g.terms().agreement(t.agreement());
    if (t.via() == RequireTerms.Via.PAGE) {
      return own.latest(s.oid(), t.agreement()).compose(at -> at.isEmpty()
          ? Future.succeededFuture(new MyAccess.Terms(t.agreement(), via(t), null, null, null))
          : agreement.map(a -> new MyAccess.Terms(t.agreement(), via(t), at.get(),
              TermsRequirement.pageUntil(t, a, at.get()), null)));
    }
    return g.terms().acceptances(s.oid(), s::accessToken, false, s.createdAt()).compose(all -> {
      TermsFacts.Acceptance a = all.byAgreement().get(t.agreement());
      if (a == null || !"accepted".equals(a.state())) {
        return Future.succeededFuture(new MyAccess.Terms(t.agreement(), via(t), null, null, null));
      }
      return agreement.map(ag -> new MyAccess.Terms(t.agreement(), via(t), a.recorded(), TermsFacts.until(a, ag), null));
    });
  }

  private static String via(RequireTerms t) {
    return t.via() == RequireTerms.Via.PAGE ? "page" : "step-up";
  }

  /** A route's verdict from explain's answer, with the way through for the first refusal. */
  static MyAccess.RouteAccess access(Route r, JsonObject e) {
    JsonObject decision = e.getJsonObject("decision");
    boolean allowed = "allow".equals(decision.getString("verdict"));
    JsonArray reasons = decision.getJsonArray("reasons");
    JsonObject first = reasons == null || reasons.isEmpty() ? new JsonObject() : reasons.getJsonObject(0);
    String code = first.getString("code", decision.getString("code"));
    String path = r.config().host() == null ? r.config().pathPrefix() : null;
    if (allowed) {
      return new MyAccess.RouteAccess(r.name(), path, true, code, "you can reach it now", null, null);
    }
    JsonArray next = e.getJsonArray("next");
    String action = next == null || next.isEmpty() ? null : next.getJsonObject(0).getString("action");
    return new MyAccess.RouteAccess(r.name(), path, false, code, first.getString("detail"), way(r, code, path), action);
  }

  /** Where a user goes to get through, by reason: null when only an admin can help. */
  static String way(Route r, String code, String path) {
    String base = code == null ? "" : code.indexOf(':') > 0 ? code.substring(0, code.indexOf(':')) : code;
    return switch (base) {
      case "pim.not_active" -> PimRequirement.activateLink(r.name());
      case "tou.not_accepted", "tou.expired" -> {
        RequireTerms t = r.config().require().termsOfUse();
        yield t != null && t.via() == RequireTerms.Via.PAGE ? TermsPage.location(t.agreement(), path == null ? "/" : path)
            : path; // via step-up: opening the route sends the browser through Entra's sign-in, which shows them
      }
      // opening the route asks for the stronger or fresher sign-in by itself
      case "ca.mfa_missing", "ca.auth_context_missing", "ca.auth_too_old" -> path;
      default -> null;
    };
  }
}
