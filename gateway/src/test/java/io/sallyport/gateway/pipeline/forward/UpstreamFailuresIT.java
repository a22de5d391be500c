package io.sallyport.gateway.pipeline.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.Await;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An upstream that refuses, stalls or breaks: the client always gets a prompt, precise answer. */
class UpstreamFailuresIT {

  static Vertx vertx;
  static TestUpstream stalls;
  static TestUpstream resets;
  static RunningGateway gw;
  static HttpClient client;
  static int closedPort;

  record Answer(int status, JsonObject body, String requestId) {}

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    stalls = TestUpstream.start(vertx).behave(req -> { /* never answers */ });
    resets = TestUpstream.start(vertx).behave(req -> req.connection().close());
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    gw = RunningGateway.withRoutes("""
          - name: refused
            match: { path-prefix: /refused }
            upstream: http://127.0.0.1:%d
            public: true
          - name: stalls
            match: { path-prefix: /stalls }
            upstream: %s
            public: true
            timeouts: { connect: 1s, idle: 10s, request: 400ms }
          - name: idle
            match: { path-prefix: /idle }
            upstream: %s
            public: true
            timeouts: { connect: 1s, idle: 300ms, request: 10s }
          - name: resets
            match: { path-prefix: /resets }
            upstream: %s
            public: true
        """.formatted(closedPort, stalls.url(), stalls.url(), resets.url()));
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stop() {
    gw.close();
    stalls.close();
    resets.close();
    Await.of(vertx.close());
  }

  static Answer get(String uri) {
    RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(gw.port()).setURI(uri);
    return Await.of(client.request(o).compose(req -> req.send().compose(resp -> resp.body()
        .map(b -> new Answer(resp.statusCode(), b.toJsonObject(), resp.getHeader("x-request-id"))))), 10);
  }

  @Test
  void refusedConnectionIs502() {
    Answer a = get("/refused");
    assertThat(a.status()).isEqualTo(502);
    assertThat(a.body().getString("code")).isEqualTo("upstream.unreachable");
    assertThat(a.body().getString("requestId")).isEqualTo(a.requestId()).isNotBlank();
    assertThat(a.body().getString("detail")).contains("refused").doesNotContain(String.valueOf(closedPort));
  }

  @Test
  void noResponseWithinTheRequestTimeoutIs504() {
    long t0 = System.nanoTime();
    Answer a = get("/stalls");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(a.status()).isEqualTo(504);
    assertThat(a.body().getString("code")).isEqualTo("upstream.timeout");
    assertThat(ms).isBetween(350L, 5000L);
  }

  @Test
  void silenceLongerThanTheIdleTimeoutIs504() {
    Answer a = get("/idle");
    assertThat(a.status()).isEqualTo(504);
    assertThat(a.body().getString("code")).isEqualTo("upstream.timeout");
  }

  @Test
  void upstreamClosingTheConnectionIs502() {
    Answer a = get("/resets");
    assertThat(a.status()).isEqualTo(502);
    assertThat(a.body().getString("code")).isEqualTo("upstream.reset");
  }

  @Test
  void anUpstreamThatNeverCompletesTheConnectIs504AfterTheConnectTimeout() throws Exception {
    // a listening socket whose accept queue is full drops further SYNs: a connect that hangs,
    // on loopback, without any outside address
    try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      java.util.List<java.net.Socket> fillers = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          java.net.Socket s = new java.net.Socket();
          try {
            s.connect(full.getLocalSocketAddress(), 300);
            fillers.add(s);
          } catch (java.io.IOException queueFull) {
            s.close();
            break;
          }
        }
        try (RunningGateway one = RunningGateway.withRoutes("""
              - name: hanging
                match: { path-prefix: / }
                upstream: http://127.0.0.1:%d
                public: true
                timeouts: { connect: 300ms, idle: 10s, request: 10s }
            """.formatted(full.getLocalPort()))) {
          RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(one.port()).setURI("/");
          long t0 = System.nanoTime();
          Answer a = Await.of(client.request(o).compose(req -> req.send().compose(resp -> resp.body()
              .map(b -> new Answer(resp.statusCode(), b.toJsonObject(), resp.getHeader("x-request-id"))))), 10);
          long ms = (System.nanoTime() - t0) / 1_000_000;
          assertThat(a.status()).isEqualTo(504);
          assertThat(a.body().getString("code")).isEqualTo("upstream.connect_timeout");
          assertThat(ms).isBetween(250L, 5000L);
        }
      } finally {
        for (java.net.Socket s : fillers) {
          s.close();
        }
      }
    }
  }

  @Test
  void aStaleKeepAliveConnectionIsRetriedOnceForIdempotentBodylessRequestsOnly() {
    // the upstream answers the first request on each connection and silently drops the second,
    // as an upstream with a short keep-alive timeout does to a pooled connection
    java.util.Map<Object, Integer> perConnection = new java.util.concurrent.ConcurrentHashMap<>();
    try (TestUpstream flaky = TestUpstream.start(vertx).behave(req -> {
      if (perConnection.merge(req.connection(), 1, Integer::sum) > 1) {
        req.connection().close();
      } else {
        req.response().end("fresh");
      }
    }); RunningGateway one = RunningGateway.withRoutes("""
          - name: flaky
            match: { path-prefix: / }
            upstream: %s
            public: true
        """.formatted(flaky.url()))) {
      HttpClient c = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions(),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(1));
      RequestOptions get = new RequestOptions().setHost("127.0.0.1").setPort(one.port()).setURI("/a");
      for (int i = 0; i < 3; i++) {
        String body = Await.of(c.request(get).compose(r -> r.send().compose(x -> x.body()))).toString();
        assertThat(body).as("GET %d", i).isEqualTo("fresh");
      }
      assertThat(flaky.seen()).as("each GET after the first met a stale connection once").hasSize(5);
      RequestOptions post = new RequestOptions(get).setMethod(io.vertx.core.http.HttpMethod.POST);
      int status = Await.of(c.request(post).compose(r -> r.send("x").map(x -> x.statusCode())));
      assertThat(status).as("a POST is never sent twice").isEqualTo(502);
    }
  }

  @Test
  void anUpstreamDyingMidBodyCutsTheClientOffInsteadOfFakingACompleteBody() {
    resets.behave(req -> {
      req.response().putHeader("content-length", "1000").write("partial");
      vertx.setTimer(100, id -> req.connection().close());
    });
    RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(gw.port()).setURI("/resets/mid");
    Throwable failure = Await.of(client.request(o).compose(req -> req.send().compose(resp -> resp.body()))
        .transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause())), 10);
    assertThat(failure).as("client must see the truncation as an error").isNotNull();
    resets.behave(req -> req.connection().close());
  }
}
