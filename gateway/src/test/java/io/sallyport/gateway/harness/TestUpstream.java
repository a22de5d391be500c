package io.sallyport.gateway.harness;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real upstream on a free loopback port that records what reached it. Its behaviour per test
 * is a plain handler; by default it answers 200 "ok".
 */
public final class TestUpstream implements AutoCloseable {

  /** What the upstream saw of one request. */
  public record Seen(String method, String uri, Map<String, List<String>> headers) {
    public String header(String name) {
      List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return v == null ? null : String.join(",", v);
    }

    public List<String> all(String name) {
      return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }
  }

  private final Vertx vertx;
  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Handler<HttpServerRequest> behaviour = req -> req.response().end("ok");
  private volatile Handler<ServerWebSocket> webSocketBehaviour = ServerWebSocket::close;

  public TestUpstream(Vertx vertx) {
    this.vertx = vertx;
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    server.requestHandler(req -> {
      Map<String, List<String>> h = new java.util.TreeMap<>();
      req.headers().forEach(e -> h.computeIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT),
          k -> new java.util.ArrayList<>()).add(e.getValue()));
      seen.add(new Seen(req.method().name(), req.uri(), h));
      if (req.canUpgradeToWebSocket()) {
        req.toWebSocket().onSuccess(ws -> webSocketBehaviour.handle(ws));
      } else {
        behaviour.handle(req);
      }
    });
  }

  public static TestUpstream start(Vertx vertx) {
    TestUpstream u = new TestUpstream(vertx);
    Await.of(u.server.listen());
    return u;
  }

  public TestUpstream behave(Handler<HttpServerRequest> handler) {
    this.behaviour = handler;
    return this;
  }

  public TestUpstream webSockets(Handler<ServerWebSocket> handler) {
    this.webSocketBehaviour = handler;
    return this;
  }

  public int port() {
    return server.actualPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public List<Seen> seen() {
    return seen;
  }

  public Seen last() {
    return seen.isEmpty() ? null : seen.get(seen.size() - 1);
  }

  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // best effort: the test is over
    }
  }
}
