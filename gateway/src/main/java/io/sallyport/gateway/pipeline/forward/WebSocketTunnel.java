package io.sallyport.gateway.pipeline.forward;

import io.sallyport.gateway.http.Problem;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.session.LiveSession;
import io.sallyport.gateway.session.SessionSockets;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.NetSocket;
import java.util.Map;

/**
 * WebSocket upgrades: the upgrade request goes upstream like any other (same route, same
 * decision, same header hygiene); when the upstream answers 101 the two connections are spliced
 * into a byte tunnel with back-pressure both ways. Anything else the upstream answers is relayed
 * as a plain response.
 */
public final class WebSocketTunnel {

  /** Tracks open tunnels for the metrics. */
  public interface Counter {
    void opened();

    void closed();
  }

  private final UpstreamClients clients;
  private final Counter counter;
  private final SessionSockets sessions;

  /** @param sessions where a tunnel opened under a browser session is filed, so ending the session closes it */
  WebSocketTunnel(UpstreamClients clients, Counter counter, SessionSockets sessions) {
    this.clients = clients;
    this.counter = counter;
    this.sessions = sessions;
  }

  void open(HttpServerRequest req, Exchange ex, Route route, MultiMap headers, HostAndPort authority, String uri) {
    req.pause();
    // Upgrade and Connection are hop-by-hop and were stripped; the upgrade itself is re-stated
    headers.set("connection", "Upgrade").set("upgrade", "websocket");
    RequestOptions opts = new RequestOptions()
        .setServer(route.server())
        .setMethod(req.method())
        .setURI(uri)
        .setHeaders(headers)
        .setConnectTimeout(route.config().timeouts().connect().toMillis());
    clients.get(route).request(opts).compose(up -> {
      up.authority(authority);
      ex.onClientGone = up::reset;
      return up.connect();
    }).onComplete(ar -> {
      HttpServerResponse resp = req.response();
      if (ar.failed()) {
        Problem p = UpstreamFailures.classify(ar.cause(), route);
        ex.outcome = p.code();
        p.sendAndClose(req, ex.requestId);
        return;
      }
      HttpClientResponse up = ar.result();
      if (up.statusCode() != 101) {
        resp.setStatusCode(up.statusCode());
        ResponseHeaders.copy(up.headers(), resp.headers());
        resp.headers().set("x-request-id", ex.requestId);
        req.resume();
        up.pipe().endOnFailure(false).to(resp).onComplete(r -> {
          if (r.failed()) {
            resp.reset();
          }
        });
        return;
      }
      resp.setStatusCode(101);
      for (Map.Entry<String, String> h : up.headers()) {
        resp.headers().add(h.getKey(), h.getValue());
      }
      resp.headers().set("x-request-id", ex.requestId);
      req.toNetSocket().onComplete(sar -> {
        if (sar.failed()) {
          up.netSocket().close();
          return;
        }
        splice(sar.result(), up.netSocket(), ex.decision == null ? null : ex.decision.principal());
      });
    });
  }

  private void splice(NetSocket client, NetSocket upstream, Principal who) {
    counter.opened();
    boolean[] closed = {false};
    Runnable[] untrack = {null};
    Runnable closeBoth = () -> {
      if (!closed[0]) {
        closed[0] = true;
        counter.closed();
        if (untrack[0] != null) {
          untrack[0].run();
        }
      }
      client.close();
      upstream.close();
    };
    if (sessions != null && who != null && who.sessionId() != null) {
      // closing may be asked from another thread (an event): sockets close on their own context
      untrack[0] = sessions.register(who.sessionId(), LiveSession.userKey(who.upn(), who.oid()), () -> {
        client.close();
        upstream.close();
      });
    }
    client.closeHandler(v -> closeBoth.run());
    upstream.closeHandler(v -> closeBoth.run());
    client.pipeTo(upstream);
    upstream.pipeTo(client);
  }
}
