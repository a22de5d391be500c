package io.sallyport.gateway.assertion;

import io.sallyport.gateway.http.Problem;
import io.sallyport.gateway.listener.PublicListenerVerticle;
import io.sallyport.gateway.pipeline.SurfaceExchanges;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The gateway's JWKS at {@value #PATH}: anonymous, GET and HEAD only, public keys only. Claimed on
 * the public listener before route matching (so no route can shadow or proxy it), and served on
 * the management listener too. Public requests go to the access log as route {@value #ROUTE}.
 */
public final class JwksEndpoint implements PublicListenerVerticle.Surface {
  public static final String PATH = "/.well-known/sallyport/jwks.json";
  static final String ROUTE = "jwks";
  /** Upstreams may cache it this long; a rotation's overlap is far longer than a lifetime for that reason. */
  static final String CACHE_CONTROL = "public, max-age=300";

  private final KeyRing ring;
  private final Supplier<String> ids;
  private final Clock clock;
  private final ExchangeListener listener;

  /** @param listener the access log and metrics; null on the management listener */
  public JwksEndpoint(KeyRing ring, Supplier<String> ids, Clock clock, ExchangeListener listener) {
    this.ring = ring;
    this.ids = ids;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public boolean claims(HttpServerRequest req) {
    return PATH.equals(req.path());
  }

  @Override
  public void handle(HttpServerRequest req) {
    String requestId = ids.get();
    HttpServerResponse resp = req.response();
    if (listener != null) {
      SurfaceExchanges.begin(req, requestId, ROUTE, clock, listener);
    }
    if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      resp.headers().set("allow", "GET, HEAD");
      Problem p = new Problem(405, "request.method_not_allowed", "Method not allowed", "The JWKS at " + PATH
          + " answers GET and HEAD only, not " + req.method().name() + ".");
      // an unread body would be taken for the next request: then the connection ends after the answer
      String length = req.getHeader("content-length");
      boolean body = !req.isEnded() && (req.headers().contains("transfer-encoding")
          || length != null && !length.equals("0"));
      if (body) {
        p.sendAndClose(req, requestId);
      } else {
        p.send(resp, requestId, false);
      }
      return;
    }
    KeySet keys = ring.current();
    if (keys == null) {
      new Problem(503, "assertion.keys_unavailable", "Keys not loaded", "The gateway's signing keys are not "
          + "loaded yet; retry shortly.").send(resp, requestId, false);
      return;
    }
    resp.putHeader("content-type", "application/json").putHeader("cache-control", CACHE_CONTROL)
        .putHeader("x-content-type-options", "nosniff").putHeader("x-request-id", requestId);
    if (req.method() == HttpMethod.HEAD) {
      resp.putHeader("content-length", Integer.toString(keys.jwks().length())).end();
    } else {
      resp.end(keys.jwks());
    }
  }

}
