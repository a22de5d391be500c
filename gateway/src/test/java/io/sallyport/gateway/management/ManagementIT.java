package io.sallyport.gateway.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.Await;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, readiness, Prometheus metrics, and the JSON access log, observed from outside. */
class ManagementIT {

  record Reply(int status, String body) {}

  static Reply get(HttpClient c, int port, String uri) {
    RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
    return Await.of(c.request(o).compose(r -> r.send().compose(resp -> resp.body()
        .map(b -> new Reply(resp.statusCode(), b.toString())))));
  }

  @Test
  void healthReadinessMetricsAndAccessLog(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path log = dir.resolve("access.log");
    try (TestUpstream upstream = TestUpstream.start(vertx);
         RunningGateway gw = RunningGateway.fromYaml(RunningGateway.listeners() + """
             access-log: "%s"
             routes:
               - name: app
                 match: { path-prefix: / }
                 upstream: %s
                 public: true
               - name: closed
                 match: { path-prefix: /closed }
                 upstream: %s
             """.formatted(log, upstream.url(), upstream.url()), null)) {
      HttpClient c = vertx.createHttpClient();
      assertThat(get(c, gw.managementPort(), "/healthz").status()).isEqualTo(200);
      Reply ready = get(c, gw.managementPort(), "/readyz");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(new JsonObject(ready.body()).getJsonObject("checks").getMap())
          .containsEntry("store", "ok").containsEntry("listeners", "ok");

      assertThat(get(c, gw.port(), "/hello?token=secret").status()).isEqualTo(200);
      assertThat(get(c, gw.port(), "/closed").status()).isEqualTo(401);
      try (java.net.Socket raw = new java.net.Socket("127.0.0.1", gw.port())) {
        raw.getOutputStream().write("GET /smuggle HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(new String(raw.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII))
            .startsWith("HTTP/1.1 400 ");
      }

      // JVM meters are bound by a worker just after start: give them a bounded moment
      String metrics = get(c, gw.managementPort(), "/metrics").body();
      for (int i = 0; i < 50 && !metrics.contains("jvm_memory_used_bytes"); i++) {
        Thread.sleep(100);
        metrics = get(c, gw.managementPort(), "/metrics").body();
      }
      assertThat(metrics)
          .contains("sallyport_requests_total{route=\"app\",status=\"2xx\"} 1.0")
          .contains("sallyport_requests_total{route=\"closed\",status=\"4xx\"} 1.0")
          .contains("sallyport_decisions_total{decision=\"deny\",reason=\"authn.unavailable\",route=\"closed\"} 1.0")
          .contains("sallyport_request_duration_seconds_bucket{route=\"app\"")
          .contains("sallyport_upstream_duration_seconds_count{route=\"app\"} 1")
          .contains("sallyport_requests_total{route=\"-\",status=\"4xx\"} 1.0")
          .contains("sallyport_connections_open")
          .contains("sallyport_websockets_open")
          .contains("jvm_memory_used_bytes")
          .contains("process_cpu_usage");

      List<String> lines = waitForLines(log, 3);
      JsonObject first = new JsonObject(lines.get(0));
      assertThat(first.getString("route")).isEqualTo("app");
      assertThat(first.getString("method")).isEqualTo("GET");
      assertThat(first.getString("path")).as("query strings stay out of logs").isEqualTo("/hello");
      assertThat(first.getInteger("status")).isEqualTo(200);
      assertThat(first.getString("requestId")).matches("[0-9a-f]{32}");
      assertThat(first.getString("decision")).isEqualTo("allow");
      assertThat(first.getString("reason")).isEqualTo("route.public");
      assertThat(first.getLong("bytesOut")).isEqualTo(2);
      assertThat(first.containsKey("durationMs")).isTrue();
      assertThat(first.containsKey("upstreamMs")).isTrue();
      assertThat(first.getString("time")).endsWith("Z");
      JsonObject second = new JsonObject(lines.get(1));
      assertThat(second.getInteger("status")).isEqualTo(401);
      assertThat(second.getString("decision")).isEqualTo("deny");
      assertThat(second.containsKey("upstreamMs")).isFalse();
      JsonObject third = new JsonObject(lines.get(2));
      assertThat(third.getInteger("status")).isEqualTo(400);
      assertThat(third.getString("route")).isEqualTo("-");
      assertThat(third.getString("outcome")).isEqualTo("request.ambiguous_framing");
      assertThat(String.join("\n", lines)).doesNotContain("secret");
    } finally {
      Await.of(vertx.close());
    }
  }

  private static List<String> waitForLines(Path log, int n) throws Exception {
    long deadline = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(log)) {
        List<String> lines = Files.readAllLines(log);
        if (lines.size() >= n) {
          return lines;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("access log did not get " + n + " lines in 5 s");
  }
}
