package io.sallyport.gateway.pipeline.forward;

import static io.sallyport.gateway.ItSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that two HTTP implementations could frame or route two ways, sent as exact bytes over
 * a raw socket. Each must be refused by the gateway itself, the connection must be closed after
 * the refusal (nobody knows where the next request would start), and the upstream must never see
 * a single request.
 */
class SmugglingIT {

  private static final int MAX_REQUEST_LINE = 1024;
  private static final int MAX_HEADER_SIZE = 2048;

  private static Vertx vertx;
  private static HttpServer upstream;
  private static Gateway gateway;
  private static final AtomicInteger upstreamRequests = new AtomicInteger();
  private static final AtomicReference<String> lastBody = new AtomicReference<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    upstream = ItSupport.upstream(vertx, req -> {
      upstreamRequests.incrementAndGet();
      req.body().onSuccess(body -> {
        lastBody.set(body.toString());
        req.response().putHeader("content-type", "text/plain").end("got " + body.length());
      });
    });
    gateway = ItSupport.gateway("""
        listeners:
          public:
            host: 127.0.0.1
            port: 0
            max-request-line: 1KiB
            max-header-size: 2KiB
          management:
            port: 0
        access-log: off
        proxy:
          reload-interval: 0s
          shutdown-grace: 1s
        routes:
          - name: echo
            upstream: http://127.0.0.1:%d
            public: true
        """.formatted(upstream.actualPort()), null);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      await(gateway.stop());
    }
    if (vertx != null) {
      await(vertx.close());
    }
  }

  @BeforeEach
  void reset() {
    upstreamRequests.set(0);
    lastBody.set(null);
  }

  static Stream<Arguments> refused() {
    String h = "Host: gw.test\r\n";
    return Stream.of(
        // Content-Length and Transfer-Encoding together, either order
        arguments("CL then TE", "POST /e HTTP/1.1\r\n" + h + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "0\r\n\r\n", 400, "request.ambiguous_framing"),
        arguments("TE then CL", "POST /e HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n", 400, "request.ambiguous_framing"),
        // Content-Length twice or malformed
        arguments("two CL same", "POST /e HTTP/1.1\r\n" + h + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
            400, null),
        arguments("two CL different", "POST /e HTTP/1.1\r\n" + h + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n"
            + "hello!", 400, null),
        arguments("CL list", "POST /e HTTP/1.1\r\n" + h + "Content-Length: 5, 5\r\n\r\nhello", 400, null),
        arguments("two CL on HTTP/1.0", "POST /e HTTP/1.0\r\n" + h + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n"
            + "hello!", 400, null),
        arguments("CL abc", "POST /e HTTP/1.1\r\n" + h + "Content-Length: abc\r\n\r\nhello", 400, null),
        arguments("CL -1", "POST /e HTTP/1.1\r\n" + h + "Content-Length: -1\r\n\r\nhello", 400, null),
        arguments("CL +5", "POST /e HTTP/1.1\r\n" + h + "Content-Length: +5\r\n\r\nhello", 400, null),
        arguments("CL 1 2", "POST /e HTTP/1.1\r\n" + h + "Content-Length: 1 2\r\n\r\nhello", 400, null),
        // obfuscated Transfer-Encoding
        arguments("TE xchunked", "POST /e HTTP/1.1\r\n" + h + "Transfer-Encoding: xchunked\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n", 400, "request.ambiguous_framing"),
        arguments("TE chunked, identity", "POST /e HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked, identity\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n", 400, "request.ambiguous_framing"),
        arguments("TE identity", "POST /e HTTP/1.1\r\n" + h + "Transfer-Encoding: identity\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n", 400, "request.ambiguous_framing"),
        arguments("TE twice", "POST /e HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n", 400, "request.ambiguous_framing"),
        arguments("TE obs-fold", "POST /e HTTP/1.1\r\n" + h + "Transfer-Encoding:\r\n chunked\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n", 400, null),
        arguments("TE obs-fold tab", "POST /e HTTP/1.1\r\n" + h + "X-Pad: a\r\nTransfer-Encoding: xx\r\n\tchunked\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n", 400, null),
        arguments("TE on HTTP/1.0", "POST /e HTTP/1.0\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n", 400, "request.ambiguous_framing"),
        // invalid bytes in the header block
        arguments("NUL in value", "GET /e HTTP/1.1\r\n" + h + "X-Test: a\0b\r\n\r\n", 400, "request.malformed"),
        arguments("bare CR in value", "GET /e HTTP/1.1\r\n" + h + "X-Test: a\rb\r\n\r\n", 400, "request.malformed"),
        arguments("space before colon", "GET /e HTTP/1.1\r\n" + h + "X-Test : a\r\n\r\n", 400, "request.malformed"),
        arguments("space before colon in TE", "POST /e HTTP/1.1\r\n" + h + "Transfer-Encoding : chunked\r\n\r\n"
            + "5\r\nhello\r\n0\r\n\r\n", 400, "request.malformed"),
        arguments("non-token in name", "GET /e HTTP/1.1\r\n" + h + "X-T(e)st: a\r\n\r\n", 400, "request.malformed"),
        // sizes
        arguments("request line too long", "GET /" + "a".repeat(MAX_REQUEST_LINE + 100) + " HTTP/1.1\r\n" + h + "\r\n",
            431, "request.line_too_large"),
        arguments("header block too large", "GET /e HTTP/1.1\r\n" + h + ("X-Filler: " + "b".repeat(200) + "\r\n")
            .repeat(MAX_HEADER_SIZE / 200 + 2) + "\r\n", 431, "request.headers_too_large"),
        // request targets and hosts
        arguments("absolute form", "GET http://evil/ HTTP/1.1\r\n" + h + "\r\n", 400, "request.absolute_form"),
        arguments("two Host headers", "GET /e HTTP/1.1\r\n" + h + "Host: evil.test\r\n\r\n", 400,
            "request.ambiguous_host"),
        arguments("dot segments", "GET /a/../b HTTP/1.1\r\n" + h + "\r\n", 400, "request.ambiguous_path"),
        arguments("encoded dot segments", "GET /%2e%2e/b HTTP/1.1\r\n" + h + "\r\n", 400, "request.ambiguous_path"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusedByTheGatewayAndConnectionClosed(String name, String request, int status, String code) throws IOException {
    Raw r = exchange(request);

    assertThat(r.status).as("status for %s; response:\n%s", name, r.text).isEqualTo(status);
    assertThat(r.headers.get("content-type")).isEqualTo("application/problem+json");
    JsonObject problem = new JsonObject(Buffer.buffer(r.body));
    assertThat(problem.getString("requestId")).isNotBlank();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    if (code != null) {
      assertThat(problem.getString("code")).isEqualTo(code);
    } else {
      assertThat(problem.getString("code")).isIn("request.malformed", "request.ambiguous_framing");
    }
    assertThat(r.eof).as("the gateway closes the connection after refusing " + name).isTrue();
    assertThat(upstreamRequests.get()).as("requests that reached the upstream").isZero();
  }

  @Test
  void wellFormedChunkedPostReachesTheUpstreamWithTheExactBody() throws IOException {
    Raw r = exchange("POST /e HTTP/1.1\r\nHost: gw.test\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");

    assertThat(r.status).as(r.text).isEqualTo(200);
    assertThat(new String(r.body, StandardCharsets.UTF_8)).isEqualTo("got 12");
    assertThat(lastBody.get()).isEqualTo("hello, world");
    assertThat(upstreamRequests.get()).isEqualTo(1);
  }

  @Test
  void wellFormedContentLengthPostReachesTheUpstreamWithTheExactBody() throws IOException {
    Raw r = exchange("POST /e HTTP/1.1\r\nHost: gw.test\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");

    assertThat(r.status).as(r.text).isEqualTo(200);
    assertThat(lastBody.get()).isEqualTo("hello");
    assertThat(upstreamRequests.get()).isEqualTo(1);
  }

  /** What came back on one connection: the response, and whether the gateway then closed it. */
  record Raw(int status, Map<String, String> headers, byte[] body, String text, boolean eof) {}

  private static Raw exchange(String request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gateway.publicPort()), 5_000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      boolean eof = false;
      while (got.size() < 1 << 20) {
        int n;
        try {
          n = in.read(chunk);
        } catch (SocketTimeoutException e) {
          break; // still open after 10 s: eof stays false and the test says so
        } catch (SocketException e) {
          throw new AssertionError("connection reset instead of a response and a clean close; got so far:\n"
              + got.toString(StandardCharsets.ISO_8859_1), e);
        }
        if (n < 0) {
          eof = true;
          break;
        }
        got.write(chunk, 0, n);
      }
      return parse(got.toByteArray(), eof);
    }
  }

  private static Raw parse(byte[] bytes, boolean eof) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    assertThat(headEnd).as("a complete response head; got:\n%s", text).isPositive();
    String[] lines = text.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    byte[] rest = java.util.Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
    String cl = headers.get("content-length");
    byte[] body = cl == null ? rest : java.util.Arrays.copyOf(rest, Integer.parseInt(cl));
    return new Raw(status, headers, body, text, eof);
  }
}
