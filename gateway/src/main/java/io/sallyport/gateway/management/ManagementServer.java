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
  private HttpServer server;

  /** @param serving false while the gateway is starting or draining: readiness then fails */
  public ManagementServer(Vertx vertx, PrometheusMeterRegistry registry, List<ReadinessCheck> checks,
                          BooleanSupplier serving) {
    this.vertx = vertx;
    this.registry = registry;
    this.checks = List.copyOf(checks);
    this.serving = serving;
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
      default -> json(req, 404, new JsonObject().put("error", "not found").put("paths",
          List.of("/healthz", "/readyz", "/metrics")));
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
