package io.sallyport.gateway.terms;

import io.sallyport.gateway.config.RequireTerms;
import io.sallyport.gateway.config.RouteConfig;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.http.Page;
import io.sallyport.gateway.listener.PublicListenerVerticle;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.pipeline.SurfaceExchanges;
import io.sallyport.gateway.pipeline.authn.Browsers;
import io.sallyport.gateway.session.LiveSession;
import io.sallyport.gateway.session.ReturnTo;
import io.sallyport.gateway.session.Sessions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value #PATH}: Sallyport's own terms of use page for routes with {@code require.terms-of-use}
 * {@code via: page}. GET shows the terms (the configured text, else the agreement's file from
 * Graph) to a signed-in browser with an Accept form; the POST must carry the session's CSRF token
 * and, when the browser sends one, this gateway's Origin. Accepting records {@code tou.accepted} in
 * the audit log ({@link OwnAcceptances}) and sends the browser back where it was going (a
 * same-origin path only). Only agreements a route requires this way can be accepted here.
 */
public final class TermsPage implements PublicListenerVerticle.Surface {

  public static final String PATH = "/.sallyport/terms";
  private static final Logger LOG = LoggerFactory.getLogger(TermsPage.class);

  private final Supplier<SallyportConfig> config;
  private final Supplier<Sessions> sessions;
  private final Supplier<TenantGraph.Current> graph;
  private final OwnAcceptances own;
  private final Function<HttpServerRequest, String> requestIds;
  private final Clock clock;
  private final ExchangeListener listener;

  public TermsPage(Supplier<SallyportConfig> config, Supplier<Sessions> sessions, Supplier<TenantGraph.Current> graph,
                   OwnAcceptances own, Function<HttpServerRequest, String> requestIds, Clock clock,
                   ExchangeListener listener) {
    this.config = config;
    this.sessions = sessions;
    this.graph = graph;
    this.own = own;
    this.requestIds = requestIds;
    this.clock = clock;
    this.listener = listener;
  }

  /** Where a browser that has not accepted is sent; {@code back} is where it was going. */
  public static String location(String agreement, String back) {
    return PATH + "?agreement=" + agreement + "&rd=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
  }

  @Override
  public boolean claims(HttpServerRequest req) {
    return PATH.equals(req.path());
  }

  @Override
  public void handle(HttpServerRequest req) {
    Exchange ex = SurfaceExchanges.begin(req, requestIds.apply(req), "sallyport.terms", clock, listener);
    String rid = ex.requestId;
    boolean read = req.method() == HttpMethod.GET || req.method() == HttpMethod.HEAD;
    if (!read && req.method() != HttpMethod.POST) {
      req.response().putHeader("allow", "GET, POST");
      new Page(405, "Not allowed", List.of("Use the Accept button on the terms page."), null, rid).send(req.response());
      return;
    }
    Sessions ss = sessions.get();
    if (ss == null) {
      new Page(503, "Starting", List.of("Sallyport is starting; try again in a few seconds."), null, rid)
          .send(req.response());
      return;
    }
    req.pause();
    Future<LiveSession> found = ss.ofRequest(req);
    found.onComplete(ar -> {
      LiveSession s = ar.succeeded() ? ar.result() : null;
      if (ar.failed()) {
        req.resume();
        new Page(503, "Terms unavailable", List.of("Sessions cannot be read right now; try again shortly."), null,
            rid).send(req.response());
      } else if (s == null) {
        req.resume();
        String back = req.query() == null ? PATH : PATH + "?" + req.query();
        redirect(req, Browsers.SIGN_IN_PATH + "?rd=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
      } else if (read) {
        req.resume();
        show(req, s, req.getParam("agreement"), req.getParam("rd"), rid);
      } else {
        FormBody.read(req).onComplete(far -> {
          if (far.failed()) {
            new Page(400, "Acceptance not taken", List.of(far.cause().getMessage()), null, rid).send(req.response());
          } else {
            accept(req, s, far.result(), rid);
          }
        });
        req.resume();
      }
    });
  }

  private void show(HttpServerRequest req, LiveSession s, String agreement, String rd, String rid) {
    RequireTerms terms = terms(agreement);
    if (terms == null) {
      new Page(404, "No such terms", List.of("No route of this gateway asks for these terms of use here."), null,
          rid).send(req.response());
      return;
    }
    Future<String> text = terms.text() != null ? Future.succeededFuture(terms.text()) : file(terms.agreement());
    text.onComplete(ar -> {
      if (ar.failed()) {
        LOG.debug("terms file {} unavailable: {}", terms.agreement(), ar.cause().toString());
        new Page(503, "Terms unavailable", List.of("The terms of use cannot be read from Microsoft Entra ID right now;"
            + " try again shortly."), null, rid).send(req.response());
        return;
      }
      String back = ReturnTo.safe(rd);
      String form = "<pre style=\"white-space:pre-wrap;border:1px solid #ccc;padding:1em;max-height:30em;"
          + "overflow:auto\" id=\"terms\">" + Page.escape(ar.result()) + "</pre>"
          + "<form method=\"post\" action=\"" + PATH + "\"><input type=\"hidden\" name=\"csrf\" value=\""
          + Page.escape(s.csrf()) + "\"><input type=\"hidden\" name=\"agreement\" value=\""
          + Page.escape(terms.agreement()) + "\"><input type=\"hidden\" name=\"rd\" value=\""
          + Page.escape(back == null ? "/" : back) + "\"><button type=\"submit\" id=\"accept\">Accept</button></form>";
      new Page(200, "Terms of use", List.of("Signed in as " + (s.upn() != null ? s.upn() : s.oid())
          + ". Read and accept these terms to continue."), form, rid).send(req.response());
    });
  }

  private void accept(HttpServerRequest req, LiveSession s, MultiMap form, String rid) {
    String origin = req.headers().get("origin");
    String self = (req.isSSL() ? "https" : "http") + "://" + req.authority();
    if (origin != null && !origin.equals(self)) {
      refuse(req, "The acceptance came from another site (" + origin + ") and was refused.", rid);
      return;
    }
    if (s.csrf() == null || !s.csrf().equals(form.get("csrf"))) {
      refuse(req, "The form was not the one Sallyport gave you, so it was refused.", rid);
      return;
    }
    RequireTerms terms = terms(form.get("agreement"));
    if (terms == null) {
      new Page(404, "No such terms", List.of("No route of this gateway asks for these terms of use here."), null,
          rid).send(req.response());
      return;
    }
    String back = ReturnTo.safe(form.get("rd"));
    own.record(s.tenantId(), s.oid(), s.upn(), terms.agreement(), null, rid).onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("terms acceptance not recorded for agreement {}: {}", terms.agreement(), ar.cause().toString());
        new Page(503, "Acceptance not recorded", List.of("Your acceptance could not be recorded; try again shortly."),
            null, rid).send(req.response());
        return;
      }
      redirect(req, back == null ? "/" : back);
    });
  }

  /** The page-shown terms some route requires for this agreement id; null when none does. */
  private RequireTerms terms(String agreement) {
    if (agreement == null) {
      return null;
    }
    for (RouteConfig r : config.get().routes()) {
      RequireTerms t = r.require().termsOfUse();
      if (t != null && t.via() == RequireTerms.Via.PAGE && t.agreement().equalsIgnoreCase(agreement)) {
        return t;
      }
    }
    return null;
  }

  /** The agreement's file (app-only Graph); its {@code fileData.data} is base64. */
  private Future<String> file(String agreement) {
    TenantGraph.Current g = graph.get();
    if (g == null) {
      return Future.failedFuture("no Graph client");
    }
    return g.client().get("tou.file", "/v1.0/identityGovernance/termsOfUse/agreements/" + agreement + "/file")
        .map(o -> {
          Object fd = o.getValue("fileData");
          Object data = fd instanceof io.vertx.core.json.JsonObject j ? j.getValue("data") : null;
          if (!(data instanceof String b64)) {
            throw new IllegalStateException("an agreement file without fileData.data");
          }
          return new String(java.util.Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8);
        });
  }

  private static void refuse(HttpServerRequest req, String why, String rid) {
    new Page(403, "Acceptance refused", List.of(why, "Use the Accept button on the terms page."), null, rid)
        .send(req.response());
  }

  private static void redirect(HttpServerRequest req, String location) {
    req.response().setStatusCode(302).putHeader("location", location).putHeader("cache-control", "no-store")
        .putHeader("referrer-policy", "no-referrer").end();
  }
}
