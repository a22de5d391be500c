package io.sallyport.gateway.pipeline.forward;

import io.sallyport.gateway.http.Problem;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;

/**
 * FORWARD: one request to the upstream and its response back, both bodies streamed with
 * back-pressure. Every path out of here ends the client's response or closes its connection:
 * a client is never left hanging.
 */
final class Forwarder {

  private final Vertx vertx;
  private final UpstreamClients clients;

  Forwarder(Vertx vertx, UpstreamClients clients) {
    this.vertx = vertx;
    this.clients = clients;
  }

  void forward(HttpServerRequest req, Exchange ex, Route route, MultiMap headers, HostAndPort authority,
               String uri, long contentLength) {
    req.pause();
    RequestOptions opts = new RequestOptions()
        .setServer(route.server())
        .setMethod(req.method())
        .setURI(uri)
        // read-only: the client request shares it instead of copying every header through Vert.x's
        // value validation again (they were validated on the way in, and what we add is checked)
        .setHeaders(headers.copy(false))
        .setConnectTimeout(route.config().timeouts().connect().toMillis())
        .setIdleTimeout(route.config().timeouts().idle().toMillis());
    attempt(req, ex, route, opts, authority, contentLength, true);
  }

  /**
   * One try at the upstream. A pooled keep-alive connection can be closed by the upstream just as
   * a request goes out on it (an upstream whose idle timeout is shorter than ours, Node.js's 5 s
   * for one); a body-less idempotent request that meets such a closed connection before any
   * response is sent once more on a fresh connection, as nginx does. Nothing else is retried.
   */
  private void attempt(HttpServerRequest req, Exchange ex, Route route, RequestOptions opts,
                       HostAndPort authority, long contentLength, boolean first) {
    HttpServerResponse resp = req.response();
    clients.get(route).request(opts).onComplete(ar -> {
      if (ar.failed()) {
        fail(req, ex, UpstreamFailures.classify(ar.cause(), route));
        return;
      }
      HttpClientRequest upstream = ar.result();
      if (resp.closed() || resp.ended()) {
        upstream.reset();
        return;
      }
      upstream.authority(authority);
      // resets are ours (timeouts, limits, a client gone) and answered elsewhere: not log-worthy
      upstream.exceptionHandler(t -> { });
      ex.onClientGone = upstream::reset;
      long[] sentAt = {0};
      long[] timer = {-1};
      upstream.response().onComplete(rar -> {
        if (timer[0] >= 0) {
          vertx.cancelTimer(timer[0]);
        }
        if (rar.failed()) {
          if (first && timer[0] != -2 && retryable(req, ex, rar.cause())) {
            ex.retried = true;
            attempt(req, ex, route, opts, authority, contentLength, false);
          } else {
            fail(req, ex, UpstreamFailures.classify(rar.cause(), route));
          }
          return;
        }
        ex.upstreamNanos = System.nanoTime() - (sentAt[0] == 0 ? ex.startNanos : sentAt[0]);
        relay(req, ex, rar.result());
      });
      io.vertx.core.Handler<Void> sent = v -> {
        sentAt[0] = System.nanoTime();
        long ms = route.config().timeouts().request().toMillis();
        timer[0] = vertx.setTimer(ms, id -> {
          timer[0] = -2; // fired: the failure that follows is ours, never a stale connection
          if (!resp.headWritten()) {
            fail(req, ex, UpstreamFailures.requestTimeout(route));
            upstream.reset();
          }
        });
      };
      if (!first) {
        upstream.end();
        sent.handle(null);
        return;
      }
      BodyPump.pump(req, upstream, ex, contentLength, route.config().maxBodySize(), sent,
          v -> {
            // answer first: the reset fails the upstream response, and that must not win
            fail(req, ex, new Problem(413, "request.body_too_large", "Request body too large",
                "The body passed the " + route.config().maxBodySize() + "-byte limit of route \""
                    + route.name() + "\"."));
            upstream.reset();
          });
    });
  }

  private static boolean retryable(HttpServerRequest req, Exchange ex, Throwable cause) {
    HttpMethod m = req.method();
    boolean idempotent = m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
    HttpServerResponse resp = req.response();
    return idempotent && req.isEnded() && ex.bytesIn == 0 && !resp.headWritten() && !resp.closed()
        && UpstreamFailures.isClosedConnection(cause);
  }

  private void relay(HttpServerRequest req, Exchange ex, HttpClientResponse up) {
    HttpServerResponse resp = req.response();
    if (resp.closed() || resp.ended()) {
      up.request().reset();
      return;
    }
    resp.setStatusCode(up.statusCode());
    if (req.version() != HttpVersion.HTTP_2 && up.statusMessage() != null) {
      resp.setStatusMessage(up.statusMessage());
    }
    ResponseHeaders.copy(up.headers(), resp.headers());
    resp.headers().set("x-request-id", ex.requestId);
    boolean bodyless = req.method() == HttpMethod.HEAD || up.statusCode() == 204 || up.statusCode() == 304
        || up.statusCode() < 200;
    if (!bodyless && !resp.headers().contains("content-length") && req.version() == HttpVersion.HTTP_1_1) {
      resp.setChunked(true);
    }
    up.pipe().endOnFailure(false).to(resp).onComplete(ar -> {
      if (ar.failed()) {
        // the head is already out: a truncated body must look truncated, never complete
        ex.outcome = resp.closed() ? "connection_closed" : "upstream_reset";
        resp.reset();
      }
    });
  }

  private void fail(HttpServerRequest req, Exchange ex, Problem p) {
    HttpServerResponse resp = req.response();
    boolean unread = !req.isEnded();
    if (resp.ended() || resp.closed()) {
      if (unread && !resp.closed()) {
        // the upstream already answered in full; the rest of this body is refused: end here
        Problem.endExchange(req);
      }
      return;
    }
    ex.outcome = p.code();
    if (resp.headWritten()) {
      resp.reset();
      return;
    }
    Future<Void> answered = p.send(resp, ex.requestId, false);
    if (unread) {
      Linger.discardThenClose(vertx, req, answered);
    }
  }
}
