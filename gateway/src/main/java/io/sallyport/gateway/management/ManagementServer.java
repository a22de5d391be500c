package io.sallyport.gateway.management;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sallyport.gateway.config.ListenersConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The management listener (127.0.0.1 by default): liveness, readiness and Prometheus metrics.
 * Kept off the public listener so health probes and metrics are never exposed to the internet
 * by the same config line that exposes the gateway.
 */
public final class ManagementServer {

  private static final long CHECK_TIMEOUT_MS = 2000;

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final List<ReadinessCheck> checks;
  private final BooleanSupplier serving;
  private final List<Endpoint> endpoints = new java.util.concurrent.CopyOnWriteArrayList<>();
  private HttpServer server;

  /**
   * An operator endpoint another feature serves on the management listener (explain, key
   * rotation, session revocation). It owns everything under its path prefix, method checks and
   * errors included.
   *
   * @param prefix   e.g. {@code /explain}; matches that path and everything below it
   */
  public record Endpoint(String prefix, io.vertx.core.Handler<HttpServerRequest> handler) {
    boolean claims(String path) {
      return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
  }

  /** @param serving false while the gateway is starting or draining: readiness then fails */
  public ManagementServer(Vertx vertx, PrometheusMeterRegistry registry, List<ReadinessCheck> checks,
                          BooleanSupplier serving) {
    this.vertx = vertx;
    this.registry = registry;
    this.checks = List.copyOf(checks);
    this.serving = serving;
  }

  /** Adds an endpoint; may be called before or after {@link #listen}. */
  public ManagementServer add(Endpoint endpoint) {
    endpoints.add(endpoint);
    return this;
  }

  public Future<Integer> listen(ListenersConfig.ManagementListener cfg) {
    server = vertx.createHttpServer(new HttpServerOptions().setHost(cfg.host()).setPort(cfg.port()));
    server.requestHandler(this::handle);
    return server.listen().map(HttpServer::actualPort);
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest req) {
    for (Endpoint e : endpoints) {
      if (e.claims(req.path())) {
        e.handler().handle(req);
        return;
      }
    }
    switch (req.path()) {
      case "/healthz" -> json(req, 200, new JsonObject().put("status", "ok"));
      case "/readyz" -> ready(req);
      case "/metrics" -> vertx.executeBlocking(registry::scrape, false).onComplete(ar -> {
        if (ar.succeeded()) {
          req.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(ar.result());
        } else {
          json(req, 500, new JsonObject().put("error", "metrics unavailable"));
        }
      });
      default -> {
        List<String> paths = new ArrayList<>(List.of("/healthz", "/readyz", "/metrics"));
        endpoints.forEach(e -> paths.add(e.prefix()));
        json(req, 404, new JsonObject().put("error", "not found").put("paths", paths));
      }
    }
  }

  private void ready(HttpServerRequest req) {
    List<Future<Void>> results = new ArrayList<>();
    for (ReadinessCheck c : checks) {
      results.add(c.check().timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }
    Future.join(results).onComplete(done -> {
      JsonObject body = new JsonObject();
      boolean ok = serving.getAsBoolean();
      body.put("serving", ok);
      JsonObject detail = new JsonObject();
      for (int i = 0; i < checks.size(); i++) {
        Future<Void> f = results.get(i);
        if (f.succeeded()) {
          detail.put(checks.get(i).name(), "ok");
        } else {
          ok = false;
          detail.put(checks.get(i).name(), "failing: " + f.cause().getMessage());
        }
      }
      body.put("status", ok ? "ready" : "not ready").put("checks", detail);
      json(req, ok ? 200 : 503, body);
    });
  }

  private static void json(HttpServerRequest req, int status, JsonObject body) {
    req.response().setStatusCode(status).putHeader("content-type", "application/json")
        .putHeader("cache-control", "no-store").end(body.toBuffer());
  }
}
