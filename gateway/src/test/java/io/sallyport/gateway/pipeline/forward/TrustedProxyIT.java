package io.sallyport.gateway.pipeline.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.Await;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.Test;

/** X-Forwarded-* and Forwarded are extended, not replaced, when the peer is a trusted proxy. */
class TrustedProxyIT {

  @Test
  void aTrustedPeersForwardingHeadersAreKeptAndExtended() {
    Vertx vertx = Vertx.vertx();
    try (TestUpstream upstream = TestUpstream.start(vertx);
         RunningGateway gw = RunningGateway.fromYaml(RunningGateway.listeners() + """
             proxy:
               trusted-proxies: [127.0.0.0/8]
               assertion-header: X-Corp-Identity
             access-log: off
             routes:
               - name: app
                 match: { path-prefix: / }
                 upstream: %s
                 public: true
               - name: closed
                 match: { path-prefix: /closed }
                 upstream: %s
             """.formatted(upstream.url(), upstream.url()), null)) {
      HttpClient client = vertx.createHttpClient();
      RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(gw.port()).setURI("/")
          .putHeader("x-forwarded-for", "203.0.113.7")
          .putHeader("x-forwarded-proto", "https")
          .putHeader("x-forwarded-host", "app.example.com")
          .putHeader("forwarded", "for=203.0.113.7;proto=https")
          .putHeader("x-request-id", "lb-1234")
          .putHeader("x-corp-identity", "forged")
          .putHeader("x-sallyport-user", "forged");
      String id = Await.of(client.request(o).compose(r -> r.send().map(resp -> resp.getHeader("x-request-id"))));
      TestUpstream.Seen s = upstream.last();
      assertThat(s.header("x-forwarded-for")).isEqualTo("203.0.113.7, 127.0.0.1");
      assertThat(s.header("x-forwarded-proto")).isEqualTo("https");
      assertThat(s.header("x-forwarded-host")).isEqualTo("app.example.com");
      assertThat(s.header("forwarded")).isEqualTo("for=203.0.113.7;proto=https, for=127.0.0.1;proto=http;host=\"127.0.0.1:"
          + gw.port() + "\"");
      assertThat(s.header("x-request-id")).isEqualTo("lb-1234");
      assertThat(id).isEqualTo("lb-1234");
      // a refusal made before forwarding carries the proxy's id too, so the two logs line up
      RequestOptions refused = new RequestOptions(o).setURI("/closed");
      var problem = Await.of(client.request(refused).compose(r -> r.send().compose(resp -> resp.body()
          .map(b -> b.toJsonObject().put("header", resp.getHeader("x-request-id"))))));
      assertThat(problem.getString("requestId")).isEqualTo("lb-1234");
      assertThat(problem.getString("header")).isEqualTo("lb-1234");
      // identity headers are stripped even from a trusted proxy: only Sallyport speaks for users
      assertThat(s.header("x-corp-identity")).isNull();
      assertThat(s.header("x-sallyport-user")).isNull();
    } finally {
      Await.of(vertx.close());
    }
  }
}
