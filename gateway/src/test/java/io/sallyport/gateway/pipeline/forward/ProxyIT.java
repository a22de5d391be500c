package io.sallyport.gateway.pipeline.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.Await;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.harness.TestUpstream;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real HTTP through the gateway to a real upstream: what arrives, what comes back. */
class ProxyIT {

  static Vertx vertx;
  static TestUpstream upstream;
  static TestUpstream other;
  static RunningGateway gw;
  static HttpClient client;

  record Reply(int status, MultiMap headers, Buffer body) {
    JsonObject json() {
      return body.toJsonObject();
    }
  }

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    upstream = TestUpstream.start(vertx);
    other = TestUpstream.start(vertx);
    gw = RunningGateway.withRoutes("""
          - name: root
            match: { path-prefix: / }
            upstream: %1$s
            public: true
          - name: api
            match: { path-prefix: /api }
            upstream: %1$s/base
            rewrite-prefix: /v2
            public: true
          - name: exact-host
            match: { host: app.example.com, path-prefix: / }
            upstream: %2$s
            public: true
            preserve-host: true
          - name: wildcard-host
            match: { host: "*.example.com", path-prefix: /wild }
            upstream: %2$s
            public: true
          - name: private
            match: { path-prefix: /private }
            upstream: %2$s
          - name: small
            match: { path-prefix: /small }
            upstream: %1$s
            public: true
            max-body-size: 10
        """.formatted(upstream.url(), other.url()));
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stop() {
    gw.close();
    upstream.close();
    other.close();
    Await.of(vertx.close());
  }

  static Reply call(HttpMethod method, String uri, MultiMap headers, Buffer body) {
    RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(gw.port()).setMethod(method).setURI(uri);
    if (headers != null) {
      o.setHeaders(headers);
    }
    return Await.of(client.request(o).compose(req -> (body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), resp.headers(), b)))));
  }

  static Reply get(String uri) {
    return call(HttpMethod.GET, uri, null, null);
  }

  @Test
  void forwardsMethodPathQueryAndBodyAndRelaysTheResponse() {
    upstream.behave(req -> req.body().onSuccess(b -> req.response().setStatusCode(201)
        .putHeader("x-upstream", "yes").end("got:" + b)));
    Reply r = call(HttpMethod.PUT, "/things/1?x=1&y=%20", null, Buffer.buffer("hello"));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.headers().get("x-upstream")).isEqualTo("yes");
    assertThat(r.body().toString()).isEqualTo("got:hello");
    assertThat(upstream.last().method()).isEqualTo("PUT");
    assertThat(upstream.last().uri()).isEqualTo("/things/1?x=1&y=%20");
    assertThat(upstream.last().header("content-length")).isEqualTo("5");
  }

  @Test
  void stripsHopByHopIdentityAndSpoofableHeaders() {
    upstream.behave(req -> req.response().putHeader("connection", "x-secret-hop")
        .putHeader("x-secret-hop", "1").putHeader("keep-alive", "timeout=5").end("ok"));
    MultiMap h = HttpHeaders.headers()
        .add("connection", "keep-alive, x-drop-me")
        .add("x-drop-me", "1")
        .add("keep-alive", "timeout=1")
        .add("te", "trailers")
        .add("proxy-authorization", "Basic Zm9vOmJhcg==")
        .add("x-sallyport-user", "admin@contoso.com")
        .add("X-Sallyport-Assertion", "forged")
        .add("x-sallyport-anything", "forged")
        .add("x-forwarded-for", "6.6.6.6")
        .add("x-forwarded-host", "evil.example")
        .add("x-forwarded-proto", "https")
        .add("forwarded", "for=6.6.6.6")
        .add("x-request-id", "client-chosen")
        .add("x-keep", "kept");
    Reply r = call(HttpMethod.GET, "/h", h, null);
    TestUpstream.Seen s = upstream.last();
    for (String gone : new String[] {"x-drop-me", "keep-alive", "te", "proxy-authorization", "x-sallyport-user",
        "x-sallyport-assertion", "x-sallyport-anything"}) {
      assertThat(s.header(gone)).as(gone).isNull();
    }
    assertThat(s.header("x-keep")).isEqualTo("kept");
    assertThat(s.header("x-forwarded-for")).isEqualTo("127.0.0.1");
    assertThat(s.header("x-forwarded-host")).isEqualTo("127.0.0.1:" + gw.port());
    assertThat(s.header("x-forwarded-proto")).isEqualTo("http");
    assertThat(s.header("forwarded")).isEqualTo("for=127.0.0.1;proto=http;host=\"127.0.0.1:" + gw.port() + "\"");
    assertThat(s.header("x-request-id")).matches("[0-9a-f]{32}").isEqualTo(r.headers().get("x-request-id"));
    assertThat(s.header("host")).isEqualTo("127.0.0.1:" + upstream.port());
    assertThat(r.headers().get("x-secret-hop")).isNull();
    assertThat(r.headers().get("keep-alive")).isNull();
  }

  @Test
  void rewritesPrefixOntoTheUpstreamBasePath() {
    upstream.behave(req -> req.response().end("ok"));
    get("/api/items?page=2");
    assertThat(upstream.last().uri()).isEqualTo("/base/v2/items?page=2");
    get("/api");
    assertThat(upstream.last().uri()).isEqualTo("/base/v2");
    get("/apix");
    assertThat(upstream.last().uri()).as("a prefix matches whole segments only").isEqualTo("/apix");
  }

  @Test
  void routesByHostWithExactBeforeWildcardAndPreservesHostWhenAsked() {
    other.behave(req -> req.response().end("other"));
    Reply exact = call(HttpMethod.GET, "/x", HttpHeaders.headers().add("host", "APP.example.com"), null);
    assertThat(exact.body().toString()).isEqualTo("other");
    assertThat(other.last().header("host")).isEqualTo("APP.example.com");
    Reply wild = call(HttpMethod.GET, "/wild/1", HttpHeaders.headers().add("host", "b.example.com"), null);
    assertThat(wild.body().toString()).isEqualTo("other");
    assertThat(other.last().header("host")).isEqualTo("127.0.0.1:" + other.port());
    upstream.behave(req -> req.response().end("root"));
    Reply fallback = call(HttpMethod.GET, "/wildly", HttpHeaders.headers().add("host", "b.example.com"), null);
    assertThat(fallback.body().toString()).isEqualTo("root");
  }

  @Test
  void normalizesThePathBeforeMatchingSoEncodingCannotDodgeARoute() {
    upstream.behave(req -> req.response().end("ok"));
    int before = other.seen().size();
    Reply r = get("/%70rivate/x");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().getString("code")).isEqualTo("authn.unavailable");
    Reply slashes = get("//private/x");
    assertThat(slashes.status()).isEqualTo(401);
    assertThat(other.seen()).hasSize(before);
  }

  @Test
  void nonPublicRoutesFailClosedWithoutReachingTheUpstream() {
    int before = other.seen().size();
    Reply r = get("/private/data");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(r.json().getString("code")).isEqualTo("authn.unavailable");
    assertThat(r.json().getString("requestId")).isEqualTo(r.headers().get("x-request-id"));
    assertThat(other.seen()).hasSize(before);
  }

  @Test
  void bodiesOverTheRouteLimitGet413ByLengthAndWhileStreaming() {
    upstream.behave(req -> req.response().end("ok"));
    int before = upstream.seen().size();
    Reply byLength = call(HttpMethod.POST, "/small", null, Buffer.buffer("01234567890"));
    assertThat(byLength.status()).isEqualTo(413);
    assertThat(byLength.json().getString("code")).isEqualTo("request.body_too_large");
    assertThat(upstream.seen()).hasSize(before);

    upstream.behave(req -> req.body().onComplete(ar -> req.response().end("read")));
    // chunked: the limit is counted as bytes pass; raw bytes so the timing is ours, not a client's
    try (java.net.Socket sock = new java.net.Socket("127.0.0.1", gw.port())) {
      sock.setSoTimeout(10_000);
      var out = sock.getOutputStream();
      out.write("POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n0123456\r\n"
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      out.write("6\r\n789abc\r\n0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(sock.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(answer).startsWith("HTTP/1.1 413 ").contains("request.body_too_large");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void requestsNoRouteMatchesGetAProblem404() {
    try (RunningGateway only = RunningGateway.withRoutes("""
          - name: one-host
            match: { host: app.example.com, path-prefix: /app }
            upstream: %s
            public: true
        """.formatted(upstream.url()))) {
      RequestOptions o = new RequestOptions().setHost("127.0.0.1").setPort(only.port()).setURI("/app/x")
          .putHeader("host", "other.example.com");
      Reply r = Await.of(client.request(o).compose(req -> req.send()
          .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), resp.headers(), b)))));
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.json().getString("code")).isEqualTo("route.not_found");
      assertThat(r.json().getString("detail")).contains("other.example.com", "/app/x");
    }
  }

  @Test
  void headRequestsAndNoContentPassWithoutABody() {
    upstream.behave(req -> {
      if (req.method() == HttpMethod.HEAD) {
        req.response().putHeader("content-length", "1234").end();
      } else {
        req.response().setStatusCode(204).end();
      }
    });
    Reply head = call(HttpMethod.HEAD, "/head", null, null);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.headers().get("content-length")).isEqualTo("1234");
    assertThat(head.body().length()).isZero();
    Reply none = get("/none");
    assertThat(none.status()).isEqualTo(204);
  }
}
