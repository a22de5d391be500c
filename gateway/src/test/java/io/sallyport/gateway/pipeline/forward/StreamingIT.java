package io.sallyport.gateway.pipeline.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.Await;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server-sent events and WebSockets pass through as streams, not as buffered messages. */
class StreamingIT {

  static Vertx vertx;
  static TestUpstream upstream;
  static RunningGateway gw;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    upstream = TestUpstream.start(vertx);
    gw = RunningGateway.withRoutes("""
          - name: app
            match: { path-prefix: / }
            upstream: %s
            public: true
          - name: locked
            match: { path-prefix: /locked }
            upstream: %s
        """.formatted(upstream.url(), upstream.url()));
  }

  @AfterAll
  static void stop() {
    gw.close();
    upstream.close();
    Await.of(vertx.close());
  }

  @Test
  void serverSentEventsArriveWhileTheStreamIsStillOpen() {
    Promise<Void> release = Promise.promise();
    upstream.behave(req -> {
      req.response().setChunked(true).putHeader("content-type", "text/event-stream");
      req.response().write("data: first\n\n");
      release.future().onComplete(v -> req.response().end("data: last\n\n"));
    });
    HttpClient client = vertx.createHttpClient();
    RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(gw.port()).setURI("/events");
    Promise<String> firstChunk = Promise.promise();
    Promise<String> all = Promise.promise();
    StringBuilder got = new StringBuilder();
    client.request(o).compose(req -> req.send()).onSuccess(resp -> {
      assertThat(resp.getHeader("content-type")).isEqualTo("text/event-stream");
      resp.handler(b -> {
        got.append(b);
        firstChunk.tryComplete(b.toString());
      });
      resp.endHandler(v -> all.complete(got.toString()));
    });
    // the first event must get through while the upstream has not finished the response
    assertThat(Await.of(firstChunk.future(), 10)).isEqualTo("data: first\n\n");
    assertThat(all.future().isComplete()).isFalse();
    release.complete();
    assertThat(Await.of(all.future(), 10)).isEqualTo("data: first\n\ndata: last\n\n");
  }

  @Test
  void aStreamTheClientAbandonsIsLoggedAsConnectionClosedNeverOk() throws Exception {
    upstream.behave(req -> req.response().setChunked(true).write("data: one\n\n"));
    try (RunningGateway logged = RunningGateway.fromYaml(RunningGateway.listeners() + """
        access-log: stdout
        routes:
          - name: app
            match: { path-prefix: / }
            upstream: %s
            public: true
        """.formatted(upstream.url()), null)) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", logged.port())) {
        s.getOutputStream().write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII));
        byte[] first = new byte[64];
        s.setSoTimeout(10_000);
        assertThat(s.getInputStream().read(first)).isPositive();
      }
      String line = null;
      for (int i = 0; i < 100 && line == null; i++) {
        line = logged.stdout.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
            .filter(l -> l.contains("/stream")).findFirst().orElse(null);
        if (line == null) {
          Thread.sleep(50);
        }
      }
      assertThat(line).isNotNull();
      assertThat(new io.vertx.core.json.JsonObject(line).getString("outcome")).isEqualTo("connection_closed");
    }
  }

  @Test
  void webSocketsAreTunnelledBothWays() {
    upstream.webSockets(ws -> ws.textMessageHandler(m -> ws.writeTextMessage("echo:" + m)));
    WebSocketClient wsc = vertx.createWebSocketClient();
    List<String> received = new CopyOnWriteArrayList<>();
    Promise<Void> two = Promise.promise();
    var ws = Await.of(wsc.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gw.port())
        .setURI("/chat").addHeader("x-sallyport-user", "forged")));
    ws.textMessageHandler(m -> {
      received.add(m);
      if (received.size() == 2) {
        two.complete();
      }
    });
    ws.writeTextMessage("one");
    ws.writeBinaryMessage(Buffer.buffer("ignored-binary"));
    ws.writeTextMessage("two");
    Await.of(two.future(), 10);
    assertThat(received).containsExactly("echo:one", "echo:two");
    assertThat(upstream.last().uri()).isEqualTo("/chat");
    assertThat(upstream.last().header("x-sallyport-user")).isNull();
    assertThat(upstream.last().header("x-forwarded-for")).isEqualTo("127.0.0.1");
    Await.of(ws.close());
  }

  @Test
  void webSocketUpgradesToNonPublicRoutesAreRefusedBeforeTheUpstream() {
    int before = upstream.seen().size();
    WebSocketClient wsc = vertx.createWebSocketClient();
    Throwable t = Await.of(wsc.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gw.port())
        .setURI("/locked/chat")).transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause())));
    assertThat(t).isNotNull();
    assertThat(t.getMessage()).contains("401");
    assertThat(upstream.seen()).hasSize(before);
  }
}
