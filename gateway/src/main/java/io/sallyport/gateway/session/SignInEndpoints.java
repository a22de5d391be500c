package io.sallyport.gateway.session;

import io.sallyport.gateway.config.SessionsConfig;
import io.sallyport.gateway.config.TenantConfig;
import io.sallyport.gateway.entra.oidc.VerifiedTokenCache;
import io.sallyport.gateway.http.Page;
import io.sallyport.gateway.listener.PublicListenerVerticle;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.pipeline.SurfaceExchanges;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sallyport's own pages under {@code /.sallyport/} on the public listener, claimed before route
 * matching on every host: sign-in, its callback, sign-out and the signed-out page. Reported to the
 * access log and metrics as route {@value #ROUTE}.
 */
public final class SignInEndpoints implements PublicListenerVerticle.Surface {

  public static final String ROUTE = "sign-in";
  static final String PREFIX = "/.sallyport/";

  /** The live tenant with its token cache; null when none is configured. */
  public record TenantView(TenantConfig config, VerifiedTokenCache tokens) {}

  private final Supplier<TenantView> tenant;
  private final SignInClients clients;
  private final Supplier<Sessions> sessions;
  private final Supplier<SessionsConfig> config;
  private final Randoms randoms;
  private SignInFlow flow;
  private SignOut signOut;
  private final Function<HttpServerRequest, String> requestIds;
  private final Clock clock;
  private final ExchangeListener listener;

  /** @param requestIds the request id a request goes by (a trusted proxy's, else a fresh one) */
  /** @param sessions null until the store is open (pages then answer 503) */
  public SignInEndpoints(Supplier<TenantView> tenant, Supplier<Sessions> sessions, SignInClients clients,
                         Supplier<SessionsConfig> config, Randoms randoms,
                         Function<HttpServerRequest, String> requestIds, Clock clock, ExchangeListener listener) {
    this.tenant = tenant;
    this.clients = clients;
    this.sessions = sessions;
    this.config = config;
    this.randoms = randoms;
    this.requestIds = requestIds;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public boolean claims(HttpServerRequest req) {
    String p = req.path();
    return p != null && p.startsWith(PREFIX);
  }

  @Override
  public void handle(HttpServerRequest req) {
    Exchange ex = SurfaceExchanges.begin(req, requestIds.apply(req), ROUTE, clock, listener);
    HttpServerResponse resp = req.response();
    String path = req.path().substring(PREFIX.length() - 1);
    if (path.equals("/signed-out")) {
      new Page(200, "You are signed out", List.of("Your Sallyport session has ended. You can close this window."),
          "<p><a href=\"/.sallyport/login\">Sign in again</a></p>", ex.requestId).send(resp);
      return;
    }
    TenantView view = tenant.get();
    if (view == null || view.config().clientSecret() == null) {
      new Page(404, "Sign-in is not set up", List.of("This gateway has no Entra ID tenant with a client secret"
          + " configured, so browsers cannot sign in here."), null, ex.requestId).send(resp);
      return;
    }
    if (flow == null) {
      Sessions ready = sessions.get();
      if (ready == null) {
        new Page(503, "Starting", List.of("Sallyport is starting; try again in a few seconds."), null, ex.requestId)
            .send(resp);
        return;
      }
      flow = new SignInFlow(ready, config, clock, randoms);
      signOut = new SignOut(ready, config);
    }
    SignInFlow.Tenant t = new SignInFlow.Tenant(view.config(), clients.current(view.config()), view.tokens());
    boolean read = req.method() == HttpMethod.GET || req.method() == HttpMethod.HEAD;
    switch (path) {
      case "/login" -> {
        if (read) {
          flow.begin(req, t, ex.requestId);
        } else {
          notAllowed(req, ex);
        }
      }
      case "/callback" -> {
        if (read) {
          flow.callback(req, t, ex.requestId);
        } else {
          notAllowed(req, ex);
        }
      }
      case "/logout" -> signOut.handle(req, t, ex.requestId);
      default -> new Page(404, "Not found", List.of("There is no Sallyport page here."), null, ex.requestId).send(resp);
    }
  }

  private static void notAllowed(HttpServerRequest req, Exchange ex) {
    req.response().putHeader("allow", "GET");
    new Page(405, "Not allowed", List.of("This page is only visited, never posted to."), null, ex.requestId)
        .send(req.response());
  }

}
