package io.sallyport.gateway.myaccess;

import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.explain.Explainer;
import io.sallyport.gateway.http.Page;
import io.sallyport.gateway.listener.PublicListenerVerticle;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.pipeline.Snapshot;
import io.sallyport.gateway.pipeline.SurfaceExchanges;
import io.sallyport.gateway.pipeline.authn.Browsers;
import io.sallyport.gateway.session.LiveSession;
import io.sallyport.gateway.session.Sessions;
import io.sallyport.gateway.terms.OwnAcceptances;
import io.vertx.core.Future;
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
 * {@value #PATH}: what a signed-in browser's user holds and can reach (see the package doc). GET
 * or HEAD only, it changes nothing. A browser without a session is sent to sign in and back here.
 * {@code Accept: application/json} gets the same facts as JSON, for scripts and support tools.
 */
public final class MyAccessPage implements PublicListenerVerticle.Surface {

  public static final String PATH = "/.sallyport/my-access";
  private static final Logger LOG = LoggerFactory.getLogger(MyAccessPage.class);

  private final Supplier<Sessions> sessions;
  private final MyAccessFacts facts;
  private final Function<HttpServerRequest, String> requestIds;
  private final Clock clock;
  private final ExchangeListener listener;

  public MyAccessPage(Supplier<Snapshot> live, Supplier<Sessions> sessions, Supplier<TenantGraph.Current> graph,
                      OwnAcceptances own, Explainer explainer, Function<HttpServerRequest, String> requestIds,
                      Clock clock, ExchangeListener listener) {
    this.sessions = sessions;
    this.facts = new MyAccessFacts(live, graph, own, explainer, clock);
    this.requestIds = requestIds;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public boolean claims(HttpServerRequest req) {
    return PATH.equals(req.path());
  }

  @Override
  public void handle(HttpServerRequest req) {
    Exchange ex = SurfaceExchanges.begin(req, requestIds.apply(req), "sallyport.my-access", clock, listener);
    String rid = ex.requestId;
    if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      req.response().putHeader("allow", "GET, HEAD");
      new Page(405, "Not allowed", List.of("This page is read-only: open it with GET."), null, rid)
          .send(req.response());
      return;
    }
    Sessions ss = sessions.get();
    if (ss == null) {
      new Page(503, "Starting", List.of("Sallyport is starting; try again in a few seconds."), null, rid)
          .send(req.response());
      return;
    }
    Future<LiveSession> found = ss.ofRequest(req);
    found.compose(s -> s == null ? Future.succeededFuture((MyAccess) null) : facts.gather(s)).onComplete(ar -> {
      if (ar.failed()) {
        LOG.debug("my-access page unavailable: {}", ar.cause().toString());
        new Page(503, "My access unavailable", List.of("Your access cannot be shown right now; try again shortly."),
            null, rid).send(req.response());
      } else if (ar.result() == null) {
        req.response().setStatusCode(302).putHeader("cache-control", "no-store")
            .putHeader("location", Browsers.SIGN_IN_PATH + "?rd=" + URLEncoder.encode(PATH, StandardCharsets.UTF_8))
            .end();
      } else if (wantsJson(req)) {
        Page.headers(req.response());
        req.response().putHeader("content-type", "application/json").putHeader("x-request-id", rid)
            .end(ar.result().toJson().encode());
      } else {
        String body;
        try {
          body = MyAccessView.render(ar.result());
        } catch (RuntimeException e) { // a fact the view did not expect: a plain error page, never a hung request
          LOG.warn("my-access page could not be rendered: {}", e.toString(), e);
          new Page(500, "My access unavailable", List.of("Your access cannot be shown right now."), null, rid)
              .send(req.response());
          return;
        }
        new Page(200, "My access", List.of("Signed in as " + label(ar.result()) + "."), body, rid)
            .send(req.response());
      }
    });
  }

  private static boolean wantsJson(HttpServerRequest req) {
    String accept = req.getHeader("accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  private static String label(MyAccess m) {
    String who = m.name() != null ? m.name() : m.oid();
    return m.upn() != null ? who + " (" + m.upn() + ")" : who;
  }
}
