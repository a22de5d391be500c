package io.sallyport.gateway.activation;

import io.sallyport.gateway.config.RequirePim;
import io.sallyport.gateway.entra.graph.GraphUnavailable;
import io.sallyport.gateway.entra.graph.OboTokens;
import io.sallyport.gateway.entra.graph.PimActivation;
import io.sallyport.gateway.entra.graph.PimFacts;
import io.sallyport.gateway.entra.graph.PimStanding;
import io.sallyport.gateway.entra.graph.RolePolicies;
import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.listener.PublicListenerVerticle;
import io.sallyport.gateway.pipeline.Snapshot;
import io.sallyport.gateway.pipeline.authn.Browsers;
import io.sallyport.gateway.pipeline.authz.PimRequirement;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.session.LiveSession;
import io.sallyport.gateway.session.Sessions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /.sallyport/activate}: GET shows the activation form to a signed-in person eligible for the
 * route's PIM requirement; POST (same-origin, with the session's CSRF token) makes the
 * {@code selfActivate} on their behalf, then either waits until the assignment shows as active and
 * sends them to the route, or explains what is next: step up (auth context or MFA), wait for an
 * approver, or fix the form. Audited as {@code pim.activation.requested|completed|failed}.
 */
public final class ActivationEndpoints implements PublicListenerVerticle.Surface {

  static final String PATH = PimRequirement.ACTIVATE_PATH;
  /** How long a person waits for Graph to list the new assignment before being told to reload. */
  static final int POLLS = 8;
  /** A standing old enough that {@link PimFacts#recheck} asks Graph at once. */
  private static final PimStanding BEFORE = new PimStanding(java.util.List.of(), java.util.List.of(),
      java.time.Instant.EPOCH);

  private final io.vertx.core.Vertx vertx;
  private final Supplier<Snapshot> live;
  private final Supplier<Sessions> sessions;
  private final TenantGraph graph;
  private final ActivationAudit audit;
  private final Function<HttpServerRequest, String> requestIds;
  private final Clock clock;
  private final RolePolicies policies = new RolePolicies();

  public ActivationEndpoints(io.vertx.core.Vertx vertx, Supplier<Snapshot> live, Supplier<Sessions> sessions,
                             TenantGraph graph, ActivationAudit audit, Function<HttpServerRequest, String> requestIds,
                             Clock clock) {
    this.vertx = vertx;
    this.live = live;
    this.sessions = sessions;
    this.graph = graph;
    this.audit = audit;
    this.requestIds = requestIds;
    this.clock = clock;
  }

  @Override
  public boolean claims(HttpServerRequest request) {
    String p = request.path();
    return p != null && p.startsWith(PATH) && (p.length() == PATH.length() || p.charAt(PATH.length()) == '/');
  }

  @Override
  public void handle(HttpServerRequest req) {
    String rid = requestIds.apply(req);
    boolean post = req.method() == HttpMethod.POST;
    if (!post && req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD || !PATH.equals(req.path())) {
      req.response().putHeader("allow", "GET, POST");
      ActivationPages.message(PATH.equals(req.path()) ? 405 : 404, "Not found", "There is no such page.", rid)
          .send(req.response());
      return;
    }
    Sessions all = sessions.get();
    TenantGraph.Current g = graph == null ? null : graph.current();
    if (all == null || g == null) {
      ActivationPages.message(503, "Activation unavailable", "PIM activation is not available right now.", rid)
          .send(req.response());
      return;
    }
    if (post) {
      req.pause();
    }
    Future<LiveSession> found = all.ofRequest(req);
    found.onComplete(ar -> {
      if (ar.failed()) {
        req.resume();
        ActivationPages.message(503, "Activation unavailable", "Sessions cannot be read right now.", rid)
            .send(req.response());
        return;
      }
      LiveSession s = ar.result();
      if (post) {
        ActivationForm.read(req).onComplete(far -> {
          if (far.failed()) {
            ActivationPages.message(400, "Activation not accepted", far.cause().getMessage(), rid)
                .send(req.response());
          } else {
            submit(req, g, s, far.result(), rid);
          }
        });
        req.resume();
      } else {
        show(req, g, s, rid);
      }
    });
  }

  private void show(HttpServerRequest req, TenantGraph.Current g, LiveSession s, String rid) {
    Route route = route(req.getParam("route"));
    if (route == null) {
      ActivationPages.message(404, "No such route", "No route of this gateway by that name needs a PIM assignment.",
          rid).send(req.response());
      return;
    }
    if (s == null || s.accessExpiresAt().isBefore(clock.instant())) {
      redirect(req, Browsers.signIn(req, PATH, null, -1));
      return;
    }
    String acr = req.getParam("acr");
    String stepped = acr != null && ActivationForm.ACR.matcher(acr).matches() ? acr : null;
    RequirePim need = route.config().require().pim();
    standing(g.pim(), s.oid(), need).onComplete(ar -> {
      if (ar.failed()) {
        ActivationPages.message(503, "Try again shortly", "Microsoft Graph could not say what you hold right now.",
            rid).send(req.response());
      } else if (active(ar.result(), need)) {
        ActivationPages.activeAlready(route.name(), route.config().pathPrefix(), rid).send(req.response());
      } else if (Boolean.FALSE.equals(ar.result().eligibleFor(need.id(), qualifier(need), clock.instant()))) {
        ActivationPages.message(403, "Not eligible", "You are not eligible for the " + ActivationPages.what(need)
            + " that route \"" + route.name() + "\" needs; ask your administrator.", rid).send(req.response());
      } else {
        rules(g, need).onComplete(rr -> ActivationPages.form(route.name(), need, s.csrf(), stepped, null, rr.result(),
            rid).send(req.response()));
      }
    });
  }

  /**
   * The role's PIM settings for the form, within the check timeout; null when Graph cannot say (the
   * form then shows its own bounds, and Graph still judges the request). The app needs
   * RoleManagementPolicy.Read.Directory (roles) or RoleManagementPolicy.Read.AzureADGroup (groups).
   */
  private Future<RolePolicies.Rules> rules(TenantGraph.Current g, RequirePim need) {
    boolean group = need.kind() == RequirePim.Kind.GROUP;
    return policies.of(g.client(), g.options().tenantId(), group, need.id(), group ? need.access() : null)
        .timeout(g.options().checkTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .otherwise((RolePolicies.Rules) null);
  }

  private void submit(HttpServerRequest req, TenantGraph.Current g, LiveSession s, io.vertx.core.MultiMap raw,
                      String rid) {
    String origin = req.headers().get("origin");
    if (origin != null && !origin.equals((req.isSSL() ? "https" : "http") + "://" + req.authority())) {
      ActivationPages.message(403, "Activation refused", "The form came from another site and was refused.", rid)
          .send(req.response());
      return;
    }
    if (s == null || !same(s.csrf(), raw.get("csrf"))) {
      ActivationPages.message(403, "Activation refused", "The form was not the one Sallyport gave you (or your"
          + " session ended); open the activation page again.", rid).send(req.response());
      return;
    }
    Route route = route(raw.get("route"));
    if (route == null) {
      ActivationPages.message(404, "No such route", "No route of this gateway by that name needs a PIM assignment.",
          rid).send(req.response());
      return;
    }
    RequirePim need = route.config().require().pim();
    rules(g, need).onComplete(rr -> {
      RolePolicies.Rules rules = rr.result();
      ActivationForm form;
      try {
        form = ActivationForm.of(raw);
        ActivationForm.within(form, rules);
      } catch (ActivationForm.Invalid e) {
        ActivationPages.form(route.name(), need, s.csrf(), raw.get("acr"), e.getMessage(), rules, rid)
            .send(req.response());
        return;
      }
      activate(req, g, s, route, need, form, rules, rid);
    });
  }

  private void activate(HttpServerRequest req, TenantGraph.Current g, LiveSession s, Route route, RequirePim need,
                        ActivationForm form, RolePolicies.Rules rules, String rid) {
    boolean group = need.kind() == RequirePim.Kind.GROUP;
    PimActivation.Request r = new PimActivation.Request(group, s.oid(), need.id(), qualifier(need),
        form.justification(), form.duration(), form.ticketNumber(), form.ticketSystem());
    audit.requested(s, route.name(), r, rid);
    new PimActivation(g.client(), g.obo())
        .activate(r, s.accessToken(), s.accessExpiresAt(), form.acr() == null ? null : PimActivation.acrsClaims(form.acr()))
        .onComplete(ar -> {
          if (ar.failed()) {
            failed(req, s, route, need, ar.cause(), rid);
          } else {
            answered(req, g, s, route, need, form, ar.result(), rules, rid);
          }
        });
  }

  private void answered(HttpServerRequest req, TenantGraph.Current g, LiveSession s, Route route, RequirePim need,
                        ActivationForm form, PimActivation.Outcome o, RolePolicies.Rules rules, String rid) {
    String name = route.name();
    if (o instanceof PimActivation.Accepted a) {
      waitActive(g.pim(), s.oid(), need, null, POLLS).onComplete(ar -> {
        if (ar.succeeded() && ar.result()) {
          audit.outcome(s, name, "pim.activation.completed", a.requestId(), a.status(), rid);
          redirect(req, route.config().pathPrefix());
        } else {
          audit.outcome(s, name, "pim.activation.completed", a.requestId(), a.status() + ":not_yet_listed", rid);
          ActivationPages.message(202, "Activation accepted", "Microsoft Entra accepted the activation, but it is"
              + " not active yet. Reload the page you wanted in a minute.", rid).send(req.response());
        }
      });
    } else if (o instanceof PimActivation.Pending p) {
      audit.outcome(s, name, "pim.activation.pending", p.requestId(), "PendingApproval", rid);
      ActivationPages.pending(name, p.requestId(), rid).send(req.response());
    } else if (o instanceof PimActivation.NeedsAuthContext n) {
      audit.outcome(s, name, "pim.activation.failed", null, "auth_context_required:" + n.acr(), rid);
      redirect(req, stepUp(name, n.acr()));
    } else if (o instanceof PimActivation.RulesFailed f && f.rules().contains("MfaRule")) {
      audit.outcome(s, name, "pim.activation.failed", null, "mfa_required", rid);
      ActivationPages.signInAgain("Activating this role needs a sign-in with multi-factor authentication.",
          Browsers.signIn(req, PATH + "?route=" + enc(name), null, 0), rid).send(req.response());
    } else if (o instanceof PimActivation.RulesFailed f) {
      audit.outcome(s, name, "pim.activation.failed", null, "rules:" + String.join(",", f.rules()), rid);
      ActivationPages.form(name, need, s.csrf(), form.acr(), "Microsoft Entra refused the activation: "
          + f.message() + hint(f), rules, rid).send(req.response());
    } else if (o instanceof PimActivation.Refused f) {
      audit.outcome(s, name, "pim.activation.failed", null, f.code(), rid);
      ActivationPages.message(f.status() >= 500 ? 503 : 403, "Activation refused", "Microsoft Entra refused the"
          + " activation: " + f.code() + " " + f.message(), rid).send(req.response());
    }
  }

  private void failed(HttpServerRequest req, LiveSession s, Route route, RequirePim need, Throwable t, String rid) {
    if (t instanceof OboTokens.InteractionRequired i) {
      String acr = i.claims() == null ? null : PimActivation.acrOfClaims(i.claims());
      audit.outcome(s, route.name(), "pim.activation.failed", null, "interaction_required", rid);
      redirect(req, acr != null ? stepUp(route.name(), acr)
          : Browsers.signIn(req, PATH + "?route=" + enc(route.name()), null, 0));
      return;
    }
    String kind = t instanceof GraphUnavailable g ? g.kind() : "error";
    audit.outcome(s, route.name(), "pim.activation.failed", null, "unavailable:" + kind, rid);
    ActivationPages.message(503, "Try again shortly", "Microsoft Entra could not be reached to activate your"
        + " assignment (" + kind + "); nothing was activated.", rid).send(req.response());
  }

  private static String hint(PimActivation.RulesFailed f) {
    return f.rules().contains("ExpirationRule") ? " The duration is longer than the role's policy allows: choose"
        + " fewer hours." : "";
  }

  private Future<Boolean> waitActive(PimFacts facts, String oid, RequirePim need, PimStanding last, int left) {
    boolean group = need.kind() == RequirePim.Kind.GROUP;
    // the first look always asks Graph: whatever the cache holds predates the activation
    Future<PimStanding> next = facts.recheck(oid, group, last != null ? last : BEFORE);
    return next.compose(s -> active(s, need) || left <= 0 ? Future.succeededFuture(active(s, need))
        : later(1000).compose(v -> waitActive(facts, oid, need, s, left - 1)));
  }


  private Future<Void> later(long millis) {
    io.vertx.core.Promise<Void> p = io.vertx.core.Promise.promise();
    vertx.setTimer(millis, id -> p.complete());
    return p.future();
  }

  private Future<PimStanding> standing(PimFacts facts, String oid, RequirePim need) {
    return need.kind() == RequirePim.Kind.GROUP ? facts.groups(oid) : facts.roles(oid);
  }

  private boolean active(PimStanding s, RequirePim need) {
    return s.activeFor(need.id(), qualifier(need), clock.instant()) != null;
  }

  private static String qualifier(RequirePim need) {
    return need.kind() == RequirePim.Kind.GROUP ? need.access() : need.scope();
  }

  private Route route(String name) {
    if (name == null) {
      return null;
    }
    for (Route r : live.get().routes().routes()) {
      if (r.name().equals(name) && !r.isPublic() && r.config().require().pim() != null) {
        return r;
      }
    }
    return null;
  }

  private static String stepUp(String route, String acr) {
    String back = PATH + "?route=" + enc(route) + "&acr=" + acr;
    return Browsers.SIGN_IN_PATH + "?rd=" + enc(back) + "&acr=" + acr;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static boolean same(String expected, String given) {
    return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }

  private static void redirect(HttpServerRequest req, String location) {
    req.response().setStatusCode(303).putHeader("location", location).putHeader("cache-control", "no-store")
        .putHeader("referrer-policy", "no-referrer").end();
  }
}
