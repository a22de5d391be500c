package io.sallyport.gateway.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.Await;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public listener speaks HTTP/1.1, and HTTP/2 under TLS (h2 by ALPN). Cleartext HTTP/2 (h2c) is
 * off: see PublicListenerVerticle.
 */
class ListenerIT {

  static Vertx vertx;
  static TestUpstream upstream;
  static SelfSignedCertificate cert;

  record Seen(int status, HttpVersion version, String body) {}

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    upstream = TestUpstream.start(vertx).behave(req -> req.body().onSuccess(b ->
        req.response().putHeader("x-cookie", String.valueOf(req.getHeader("cookie"))).end("up:" + b)));
    cert = SelfSignedCertificate.create("localhost");
  }

  @AfterAll
  static void stop() {
    upstream.close();
    cert.delete();
    Await.of(vertx.close());
  }

  static String routes() {
    return """
          - name: app
            match: { path-prefix: / }
            upstream: %s
            public: true
        """.formatted(upstream.url());
  }

  static String tlsListeners() {
    return RunningGateway.listeners("    tls: { cert: \"%s\", key: \"%s\" }"
        .formatted(cert.certificatePath(), cert.privateKeyPath()));
  }

  static Seen post(HttpClient client, int port) {
    RequestOptions o = new RequestOptions().setHost("localhost").setPort(port).setMethod(HttpMethod.POST)
        .setURI("/h").putHeader("cookie", "a=1").addHeader("cookie", "b=2");
    return Await.of(client.request(o).compose(req -> req.send("body").compose(resp -> resp.body()
        .map(b -> new Seen(resp.statusCode(), resp.version(), b.toString() + "|" + resp.getHeader("x-cookie"))))));
  }

  @Test
  void tlsFromPemFilesNegotiatesH2ByAlpnAndStillServesHttp11() {
    String yaml = tlsListeners() + """
        access-log: off
        routes:
        """ + routes();
    try (RunningGateway gw = RunningGateway.fromYaml(yaml, null)) {
      PemTrustOptions trust = new PemTrustOptions().addCertPath(cert.certificatePath());
      HttpClient h2 = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setUseAlpn(true)
          .setTrustOptions(trust).setProtocolVersion(HttpVersion.HTTP_2));
      Seen s = post(h2, gw.port());
      assertThat(s.version()).isEqualTo(HttpVersion.HTTP_2);
      // HTTP/2 cookie crumbs are joined into one header for the HTTP/1.1 upstream
      assertThat(s.body()).isEqualTo("up:body|a=1; b=2");
      assertThat(upstream.last().header("x-forwarded-proto")).isEqualTo("https");
      assertThat(upstream.last().header("forwarded")).contains("proto=https");

      HttpClient h1 = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setUseAlpn(true)
          .setTrustOptions(trust).setAlpnVersions(List.of(HttpVersion.HTTP_1_1)));
      Seen s1 = post(h1, gw.port());
      assertThat(s1.version()).isEqualTo(HttpVersion.HTTP_1_1);
      assertThat(s1.status()).isEqualTo(200);
    }
  }

  @Test
  void anHttp2RefusalEndsOnlyItsStreamNotTheConnection() {
    String yaml = tlsListeners() + """
        access-log: off
        routes:
          - name: small
            match: { path-prefix: /small }
            upstream: %s
            public: true
            max-body-size: 4
        """.formatted(upstream.url()) + routes();
    try (RunningGateway gw = RunningGateway.fromYaml(yaml, null)) {
      HttpClient h2 = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setUseAlpn(true)
          .setTrustOptions(new PemTrustOptions().addCertPath(cert.certificatePath()))
          .setProtocolVersion(HttpVersion.HTTP_2),
          new io.vertx.core.http.PoolOptions().setHttp2MaxSize(1));
      RequestOptions big = new RequestOptions().setHost("localhost").setPort(gw.port()).setMethod(HttpMethod.POST)
          .setURI("/small");
      java.util.List<Object> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
      int refused = Await.of(h2.request(big).compose(req -> {
        connections.add(req.connection());
        return req.send("too large body").map(resp -> resp.statusCode());
      }));
      assertThat(refused).isEqualTo(413);
      RequestOptions small = new RequestOptions().setHost("localhost").setPort(gw.port()).setURI("/ok");
      int ok = Await.of(h2.request(small).compose(req -> {
        connections.add(req.connection());
        return req.send().compose(resp -> resp.body().map(b -> resp.statusCode()));
      }));
      assertThat(ok).isEqualTo(200);
      assertThat(connections.get(1)).as("the second request rides the same HTTP/2 connection")
          .isSameAs(connections.get(0));
    }
  }

  @Test
  void httpsUpstreamsAreVerifiedAgainstTheConfiguredCa() {
    io.vertx.core.http.HttpServer tlsUpstream = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions()
        .setSsl(true).setKeyCertOptions(cert.keyCertOptions()).setHost("127.0.0.1").setPort(0))
        .requestHandler(req -> req.response().end("secure"));
    Await.of(tlsUpstream.listen());
    int port = tlsUpstream.actualPort();
    try (RunningGateway gw = RunningGateway.withRoutes("""
          - name: trusted
            match: { path-prefix: /trusted }
            upstream: https://localhost:%1$d
            public: true
            upstream-tls: { ca-file: "%2$s" }
          - name: untrusted
            match: { path-prefix: /untrusted }
            upstream: https://localhost:%1$d
            public: true
        """.formatted(port, cert.certificatePath()))) {
      HttpClient c = vertx.createHttpClient();
      RequestOptions ok = new RequestOptions().setHost("127.0.0.1").setPort(gw.port()).setURI("/trusted");
      assertThat(Await.of(c.request(ok).compose(r -> r.send().compose(x -> x.body()))).toString()).isEqualTo("secure");
      RequestOptions bad = new RequestOptions().setHost("127.0.0.1").setPort(gw.port()).setURI("/untrusted");
      int status = Await.of(c.request(bad).compose(r -> r.send().compose(x -> x.body().map(b -> x.statusCode()))));
      assertThat(status).as("a self-signed upstream is not trusted by default").isEqualTo(502);
    } finally {
      Await.of(tlsUpstream.close());
    }
  }
}
