package io.sallyport.gateway.directory;

import io.sallyport.gateway.config.ScimConfig;
import io.sallyport.gateway.listener.PublicListenerVerticle;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.SurfaceExchanges;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.pipeline.Snapshot;
import io.sallyport.gateway.pipeline.forward.ForwardedHeaders;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.http.ScimAuth;
import io.sallyport.scim.http.ScimEndpoint;
import io.sallyport.scim.http.ScimOptions;
import io.sallyport.scim.spi.ScimStorage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCIM endpoint on one public-listener instance (one event loop; nothing here is shared). It
 * claims every request under {@code scim.base-path} while SCIM is enabled, gives it a request id,
 * hands it to the scim module's router and reports it to the access log and metrics as route
 * {@value #ROUTE}. The router is rebuilt when a reload changes the {@code scim:} section, so new
 * tokens apply to the next request.
 */
public final class ScimMount implements PublicListenerVerticle.Surface {

  public static final String ROUTE = "scim";
  static final String CONTENT_TYPE = "application/scim+json";
  private static final Logger LOG = LoggerFactory.getLogger(ScimMount.class);

  private final Vertx vertx;
  private final Supplier<Snapshot> live;
  private final Future<? extends ScimStorage> storage;
  private final Supplier<String> ids;
  private final Clock clock;
  private final ExchangeListener listener;
  private final Function<ScimConfig, ScimAuth> auth;
  private long generation = -1;
  private ScimConfig config;
  private String prefix;
  private ForwardedHeaders headers;
  private Router router;

  /**
   * @param storage completes when the store is open; until then SCIM answers 503
   * @param auth    the bearer check for a {@code scim:} configuration; asked again after a reload
   *                changes the section
   */
  public ScimMount(Vertx vertx, Supplier<Snapshot> live, Future<? extends ScimStorage> storage,
                   Supplier<String> ids, Clock clock, ExchangeListener listener,
                   Function<ScimConfig, ScimAuth> auth) {
    this.auth = auth;
    this.vertx = vertx;
    this.live = live;
    this.storage = storage;
    this.ids = ids;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public boolean claims(HttpServerRequest req) {
    Snapshot snap = live.get();
    if (snap.generation() != generation) {
      refresh(snap);
    }
    String p = prefix;
    if (p == null) {
      return false;
    }
    String path = req.path();
    return path != null && path.startsWith(p) && (path.length() == p.length() || path.charAt(p.length()) == '/');
  }

  @Override
  public void handle(HttpServerRequest req) {
    Exchange ex = SurfaceExchanges.begin(req, headers.requestId(req, ids.get()), ROUTE, clock, listener);
    HttpServerResponse resp = req.response();
    resp.putHeader("x-request-id", ex.requestId);
    if (router == null) {
      if (!storage.succeeded()) {
        send(resp, new ScimException(503, null, "the directory store is not open yet; retry shortly"));
        return;
      }
      router = build(config, storage.result());
    }
    router.handle(req);
  }

  private void refresh(Snapshot snap) {
    ScimConfig next = snap.config().scim();
    if (!next.equals(config)) {
      router = null; // rebuilt on the next request, with the new tokens and limits
    }
    config = next;
    prefix = next.enabled() ? next.basePath() : null;
    headers = new ForwardedHeaders(snap.proxy().trustedProxies(), snap.proxy().assertionHeader());
    generation = snap.generation();
  }

  private Router build(ScimConfig c, ScimStorage store) {
    ScimOptions defaults = ScimOptions.defaults();
    ScimOptions options = new ScimOptions(c.basePath(), c.maxBodySize(), c.maxPageSize(), defaults.maxJsonDepth());
    Router root = Router.router(vertx);
    root.route(c.basePath() + "/*").subRouter(ScimEndpoint.router(vertx, store, auth.apply(c), options));
    // whatever the scim router leaves unanswered still gets a SCIM error body, never HTML
    root.route().handler(ctx -> send(ctx.response(), new ScimException(404, null,
        "no SCIM endpoint at \"" + clip(ctx.request().path()) + "\"; expected " + c.basePath()
            + "/Users, /Groups, /ServiceProviderConfig, /Schemas or /ResourceTypes")));
    for (int status : new int[] {400, 404, 405, 413, 415, 500, 503}) {
      root.errorHandler(status, this::failed);
    }
    return root;
  }

  private void failed(RoutingContext ctx) {
    Throwable t = ctx.failure();
    if (t instanceof ScimException e) {
      send(ctx.response(), e);
      return;
    }
    int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
    if (status >= 500) {
      // the cause stays in the log, keyed by request id; the client gets no stack trace
      LOG.error("scim {} {} failed (request {}): {}", ctx.request().method(), clip(ctx.request().path()),
          ctx.response().headers().get("x-request-id"), String.valueOf(t));
    }
    String detail = switch (status) {
      case 405 -> "method " + ctx.request().method() + " is not allowed here";
      case 413 -> "request body too large; at most " + config.maxBodySize() + " bytes";
      case 415 -> "unsupported content type; expected " + CONTENT_TYPE + " or application/json";
      case 500 -> "internal error; the request id in x-request-id finds it in the log";
      default -> "request failed with status " + status;
    };
    send(ctx.response(), new ScimException(status, null, detail));
  }

  private static void send(HttpServerResponse resp, ScimException e) {
    if (resp.headWritten() || resp.ended() || resp.closed()) {
      return;
    }
    resp.setStatusCode(e.status()).putHeader("content-type", CONTENT_TYPE).putHeader("cache-control", "no-store")
        .end(e.body().toBuffer());
  }


  private static String clip(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
