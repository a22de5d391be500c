package io.sallyport.gateway.pipeline;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Clock;

/**
 * The exchange of a request the gateway answers itself (SCIM, sign-in pages, the JWKS): started
 * under the surface's name and reported once to the access log and metrics when the response ends
 * or the connection goes, whichever comes first.
 */
public final class SurfaceExchanges {

  private SurfaceExchanges() {}

  public static Exchange begin(HttpServerRequest req, String requestId, String surface, Clock clock,
                               ExchangeListener listener) {
    Exchange ex = new Exchange(requestId, System.nanoTime(), clock.millis(), req.method().name(), req.path());
    ex.surface = surface;
    HttpServerResponse resp = req.response();
    // Vert.x may call the end handler for a connection that closed mid-response too: both check
    resp.endHandler(v -> done(ex, req, listener));
    resp.closeHandler(v -> done(ex, req, listener));
    return ex;
  }

  private static void done(Exchange ex, HttpServerRequest req, ExchangeListener listener) {
    HttpServerResponse resp = req.response();
    if (!resp.ended() && "ok".equals(ex.outcome)) {
      ex.outcome = "connection_closed";
    }
    if (ex.finish()) {
      ex.status = resp.getStatusCode();
      ex.bytesIn = req.bytesRead();
      ex.bytesOut = resp.bytesWritten();
      listener.completed(ex);
    }
  }
}
