package io.sallyport.gateway.listener;

import io.sallyport.gateway.config.ListenersConfig;
import io.sallyport.gateway.http.InvalidRequests;
import io.sallyport.gateway.http.StrictRequestDecoder;
import io.sallyport.gateway.metrics.ProxyMetrics;
import io.sallyport.gateway.pipeline.forward.ProxyHandler;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One public listener instance, pinned to one event loop. The gateway deploys one per core; they
 * share the port, and each owns its upstream pools, so a request never hops threads.
 */
public final class PublicListenerVerticle extends VerticleBase {

  private final ListenersConfig.PublicListener cfg;
  private final int port;
  private final Function<io.vertx.core.Vertx, ProxyHandler> handlers;
  private final InvalidRequests invalid;
  private final ProxyMetrics metrics;
  private final Function<io.vertx.core.Vertx, ? extends Surface> surfaces;
  private HttpServer server;
  private ProxyHandler handler;

  /**
   * An endpoint the gateway serves itself on the public listener (SCIM), ahead of route matching:
   * what it claims is never proxied and never reaches the upstreams' access decision.
   */
  public interface Surface extends Handler<HttpServerRequest> {
    /** Called for every request, so it must be one cheap prefix check. */
    boolean claims(HttpServerRequest request);

    /** {@code first}'s claims, then {@code second}'s. */
    static Surface both(Surface first, Surface second) {
      return new Surface() {
        @Override
        public boolean claims(HttpServerRequest request) {
          return first.claims(request) || second.claims(request);
        }

        @Override
        public void handle(HttpServerRequest request) {
          (first.claims(request) ? first : second).handle(request);
        }
      };
    }
  }

  public PublicListenerVerticle(ListenersConfig.PublicListener cfg, int port,
                                Function<io.vertx.core.Vertx, ProxyHandler> handlers,
                                InvalidRequests invalid, ProxyMetrics metrics) {
    this(cfg, port, handlers, null, invalid, metrics);
  }

  /** @param surfaces builds this instance's surface on its own Vert.x; null for none */
  public PublicListenerVerticle(ListenersConfig.PublicListener cfg, int port,
                                Function<io.vertx.core.Vertx, ProxyHandler> handlers,
                                Function<io.vertx.core.Vertx, ? extends Surface> surfaces,
                                InvalidRequests invalid, ProxyMetrics metrics) {
    this.cfg = cfg;
    this.port = port;
    this.handlers = handlers;
    this.surfaces = surfaces;
    this.invalid = invalid;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    handler = handlers.apply(vertx);
    Handler<HttpServerRequest> requests = handler;
    Surface surface = surfaces == null ? null : surfaces.apply(vertx);
    if (surface != null) {
      ProxyHandler proxy = handler;
      requests = req -> {
        if (surface.claims(req)) {
          surface.handle(req);
        } else {
          proxy.handle(req);
        }
      };
    }
    HttpServerOptions options = options(cfg).setPort(port);
    server = vertx.createHttpServer(options)
        .requestHandler(requests)
        .invalidRequestHandler(invalid)
        .connectionHandler(conn -> {
          StrictRequestDecoder.install(conn, options);
          metrics.connectionOpened();
          conn.closeHandler(v -> metrics.connectionClosed());
        });
    return server.listen();
  }

  public int actualPort() {
    return server.actualPort();
  }

  /** Stops accepting and lets in-flight exchanges finish, up to {@code grace}. */
  public Future<Void> drain(Duration grace) {
    if (server == null) {
      return Future.succeededFuture();
    }
    return server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS)
        .eventually(() -> {
          if (handler != null) {
            handler.close();
          }
          return Future.succeededFuture();
        });
  }

  /** Runs on this instance's event loop: pools no live route needs are closed after a grace. */
  public void retainPools(Set<Route.UpstreamKey> live, long graceMillis) {
    context.runOnContext(v -> handler.retainPools(live, graceMillis));
  }

  static HttpServerOptions options(ListenersConfig.PublicListener cfg) {
    HttpServerOptions o = new HttpServerOptions()
        .setHost(cfg.host())
        .setMaxInitialLineLength(cfg.maxRequestLine())
        .setMaxHeaderSize(cfg.maxHeaderSize())
        .setMaxChunkSize(64 * 1024)
        .setSendBufferSize(1024 * 1024)
        .setTcpNoDelay(true)
        .setHandle100ContinueAutomatically(true)
        .setCompressionSupported(false)
        .setDecompressionSupported(false)
        .setIdleTimeout(75)
        .setIdleTimeoutUnit(TimeUnit.SECONDS);
    if (cfg.tls() != null) {
      o.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(cfg.tls().cert().toString()).setKeyPath(cfg.tls().key().toString()));
      if (cfg.http2()) {
        o.setUseAlpn(true).setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1));
      }
    } else {
      // No h2c in cleartext: with it, Vert.x decodes a connection's first HTTP/1 request with its
      // stock decoder before the connection handler runs, so StrictRequestDecoder would be
      // swapped in mid-message (losing the body bytes and skipping the framing check).
      o.setHttp2ClearTextEnabled(false);
    }
    return o;
  }
}
