package io.sallyport.gateway.pipeline.forward;

import io.sallyport.gateway.http.Problem;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.pipeline.Snapshot;
import io.sallyport.gateway.pipeline.authz.PimRequirement;
import io.sallyport.gateway.pipeline.route.PathNormalizer;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The public listener's request handler: hygiene, ROUTE, the access decision, then FORWARD (or
 * the WebSocket tunnel). One instance per event loop; everything here runs on that loop and
 * touches only in-memory state.
 */
public final class ProxyHandler implements Handler<HttpServerRequest> {

  /** A policy that failed instead of deciding: fail closed, and say it is not the caller's fault. */
  private static final Decision FAILED = new Decision(Decision.Verdict.DENY, java.util.List.of(
      io.sallyport.gateway.pipeline.Reason.of("authn.unavailable",
          "The access decision could not be made; try again shortly.")), new Decision.Answer(503, null), null);

  /** Never forward a signed-in caller without the identity the upstream relies on. */
  private static final Problem ASSERTION_UNAVAILABLE = new Problem(503, "assertion.unavailable",
      "Identity assertion unavailable", "The gateway's signing keys are not loaded yet; try again shortly.");

  private final Vertx vertx;
  private final Supplier<Snapshot> live;
  private final AccessPolicy policy;
  private final Supplier<String> ids;
  private final Clock clock;
  private final ExchangeListener listener;
  private final UpstreamClients clients;
  private final Forwarder forwarder;
  private final WebSocketTunnel tunnel;
  private final UpstreamIdentity identity;
  private long headersGeneration = -1;
  private ForwardedHeaders headers;

  public ProxyHandler(Vertx vertx, Supplier<Snapshot> live, AccessPolicy policy, Supplier<String> ids,
                      Clock clock, ExchangeListener listener, WebSocketTunnel.Counter webSockets,
                      io.sallyport.gateway.session.SessionSockets sessionSockets) {
    this(vertx, live, policy, ids, clock, listener, webSockets, sessionSockets, UpstreamIdentity.NONE);
  }

  /** @param identity  adds the caller's identity headers (the signed assertion) to allowed requests */
  public ProxyHandler(Vertx vertx, Supplier<Snapshot> live, AccessPolicy policy, Supplier<String> ids,
                      Clock clock, ExchangeListener listener, WebSocketTunnel.Counter webSockets,
                      io.sallyport.gateway.session.SessionSockets sessionSockets, UpstreamIdentity identity) {
    this.identity = identity;
    this.vertx = vertx;
    this.live = live;
    this.policy = policy;
    this.ids = ids;
    this.clock = clock;
    this.listener = listener;
    this.clients = new UpstreamClients(vertx);
    this.forwarder = new Forwarder(vertx, clients);
    this.tunnel = new WebSocketTunnel(clients, webSockets, sessionSockets);
  }

  @Override
  public void handle(HttpServerRequest req) {
    Snapshot snap = live.get();
    ForwardedHeaders fh = headersFor(snap);
    Exchange ex = new Exchange(fh.requestId(req, ids.get()), System.nanoTime(), clock.millis(), req.method().name(),
        req.path());
    ex.clientIp = fh.clientIp(req);
    ex.userAgent = req.headers().get("user-agent");
    HttpServerResponse resp = req.response();
    // Vert.x may call the end handler for a connection that closed mid-response too, so both
    // handlers check whether the response really ended
    resp.endHandler(v -> done(ex, resp));
    resp.closeHandler(v -> done(ex, resp));

    Problem bad = RequestHygiene.check(req);
    if (bad != null) {
      refuse(req, ex, bad, true);
      return;
    }
    String path = PathNormalizer.normalize(req.path());
    if (path == null) {
      refuse(req, ex, new Problem(400, "request.ambiguous_path", "Ambiguous path",
          "The path \"" + RequestHygiene.clip(req.path()) + "\" has dot segments, backslashes, control "
              + "characters or bad escapes; send the path in its plain form."), true);
      return;
    }
    Route route = snap.routes().match(hostOf(req), path);
    if (route == null) {
      refuse(req, ex, new Problem(404, "route.not_found", "No route",
          "No route matches host \"" + RequestHygiene.clip(String.valueOf(hostOf(req))) + "\" and path \""
              + RequestHygiene.clip(path) + "\"."), false);
      return;
    }
    ex.route = route;
    Future<Decision> deciding = policy.decide(route, req);
    if (deciding.isComplete()) {
      // decided from memory (public routes, a cached token): no pause, no extra callback
      proceed(req, ex, route, fh, path, deciding);
      return;
    }
    // nothing of the body may be read (or lost) while the decision is pending
    req.pause();
    io.vertx.core.Context here = vertx.getOrCreateContext();
    deciding.onComplete(ar -> {
      // a decision may complete on another loop (a key fetch or session load shared by several):
      // the exchange, its upstream pool and its response belong to this one
      if (io.vertx.core.Vertx.currentContext() == here) {
        proceed(req, ex, route, fh, path, deciding);
      } else {
        here.runOnContext(v -> proceed(req, ex, route, fh, path, deciding));
      }
    });
  }

  private void proceed(HttpServerRequest req, Exchange ex, Route route, ForwardedHeaders fh, String path,
                       Future<Decision> deciding) {
    HttpServerResponse resp = req.response();
    if (resp.closed() || resp.ended()) {
      return; // the client went away while the decision was pending
    }
    Decision decision = deciding.succeeded() ? deciding.result() : FAILED;
    ex.decision = decision;
    // a denied caller is named too: "alice was refused for mfa" is what an admin looks for
    if (decision.user() != null) {
      ex.user = decision.user();
    }
    if (!decision.allowed()) {
      deny(req, ex, decision);
      return;
    }
    long length = RequestHygiene.contentLength(req);
    long limit = route.config().maxBodySize();
    if (limit >= 0 && length > limit) {
      refuse(req, ex, new Problem(413, "request.body_too_large", "Request body too large",
          "The body is " + length + " bytes; route \"" + route.name() + "\" accepts at most " + limit + "."), false);
      req.resume();
      return;
    }
    // a protected route's token is for Sallyport: an upstream holding it could replay it on every route
    ForwardedHeaders.Upstream up = fh.build(req, ex.requestId, !route.isPublic() && !route.config().forwardToken());
    if (decision.principal() != null && !identity.addTo(route, decision, up.headers())) {
      refuse(req, ex, ASSERTION_UNAVAILABLE, false);
      req.resume();
      return;
    }
    HostAndPort authority = route.config().preserveHost() && req.authority() != null
        ? req.authority() : route.upstreamAuthority();
    String uri = route.upstreamUri(path, req.query());
    if (req.canUpgradeToWebSocket()) {
      tunnel.open(req, ex, route, up.headers(), authority, uri);
    } else {
      forwarder.forward(req, ex, route, up.headers(), authority, uri, length);
    }
  }

  private void deny(HttpServerRequest req, Exchange ex, Decision decision) {
    String detail = decision.reasons().isEmpty() ? "" : decision.reasons().get(0).detail();
    Decision.Answer answer = decision.answer();
    if (answer != null && answer.wwwAuthenticate() != null) {
      req.response().headers().set("www-authenticate", answer.wwwAuthenticate());
    }
    if (answer != null && answer.location() != null) {
      // a person sent to sign in or to step up: the location is a path on this gateway
      ex.outcome = decision.primaryCode();
      req.response().setStatusCode(302).putHeader("location", answer.location()).putHeader("cache-control", "no-store")
          .putHeader("x-request-id", ex.requestId).end();
      req.resume();
      return;
    }
    if (io.sallyport.gateway.pipeline.authn.Browsers.wantsHtml(req) && !hasBody(req)) {
      ex.outcome = decision.primaryCode();
      io.sallyport.gateway.http.DenyPage.of(decision, ex.routeName(), ex.requestId).send(req.response());
      req.resume();
      return;
    }
    // eligible for the route's PIM assignment: the problem carries where to activate it
    JsonObject extra = decision.primaryCode().startsWith(PimRequirement.NOT_ACTIVE)
        ? new JsonObject().put("activate", PimRequirement.activateLink(ex.routeName())) : null;
    refuse(req, ex, new Problem(decision.status(), decision.primaryCode(), "Access denied", detail, extra), false);
    // the request may have been paused for the decision; a refusal without a body to drain must
    // not leave the connection unread (the next keep-alive request would never be seen)
    req.resume();
  }

  /** Closes pools no route of the current configuration uses, after in-flight work drains. */
  public void retainPools(java.util.Set<Route.UpstreamKey> live, long graceMillis) {
    clients.retainOnly(live, graceMillis);
  }

  public void close() {
    clients.closeAll();
  }

  /**
   * @param close  true when the connection must end now (framing in doubt); otherwise an unread
   *               body is drained briefly first (see {@link Linger}) so the client gets the answer
   */
  private void refuse(HttpServerRequest req, Exchange ex, Problem p, boolean close) {
    ex.outcome = p.code();
    boolean unread = hasBody(req);
    // while lingering the connection must stay up, so no "Connection: close" (Vert.x would
    // close as soon as the response is written); Linger closes it afterwards
    if (close) {
      p.sendAndClose(req, ex.requestId);
    } else {
      io.vertx.core.Future<Void> answered = p.send(req.response(), ex.requestId, false);
      if (unread) {
        Linger.discardThenClose(vertx, req, answered);
      }
    }
  }

  private void done(Exchange ex, HttpServerResponse resp) {
    if (!resp.ended()) {
      if ("ok".equals(ex.outcome)) {
        ex.outcome = "connection_closed";
      }
      if (ex.onClientGone != null) {
        ex.onClientGone.run();
        ex.onClientGone = null;
      }
    }
    if (ex.finish()) {
      ex.status = resp.getStatusCode();
      ex.bytesOut = resp.bytesWritten();
      listener.completed(ex);
    }
  }

  private ForwardedHeaders headersFor(Snapshot snap) {
    if (snap.generation() != headersGeneration) {
      headers = new ForwardedHeaders(snap.proxy().trustedProxies(), snap.proxy().assertionHeader());
      headersGeneration = snap.generation();
    }
    return headers;
  }

  static String hostOf(HttpServerRequest req) {
    HostAndPort a = req.authority();
    if (a == null || a.host() == null || a.host().isEmpty()) {
      return null;
    }
    String h = a.host().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  static boolean hasBody(HttpServerRequest req) {
    return !req.isEnded() && (req.headers().contains("transfer-encoding")
        || RequestHygiene.contentLength(req) > 0 || req.version() == io.vertx.core.http.HttpVersion.HTTP_2);
  }
}
