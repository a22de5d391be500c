package io.sallyport.gateway.pipeline.forward;

import static io.sallyport.gateway.ItSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.streams.WriteStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies are streamed, never held whole: a gateway in its own JVM with a 256 MiB heap carries
 * 1 GiB up and 1 GiB down, byte-exact, and is still healthy afterwards. Buffering either body
 * would need four times the heap it has.
 */
class StreamingMemoryIT {

  private static final long GIB = 1L << 30;
  private static final int CHUNK = 64 * 1024;
  private static final Pattern LISTENING =
      Pattern.compile("sallyport listening: public [^ ]+:(\\d+) .*management [^ ]+:(\\d+)");

  @TempDir
  Path dir;

  private Vertx vertx;
  private HttpClient client;
  private Process child;
  private final Deque<String> childOutput = new ArrayDeque<>();
  private final CompletableFuture<int[]> ports = new CompletableFuture<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    client = vertx.createHttpClient();
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    try {
      if (child != null) {
        child.destroy();
        if (!child.waitFor(5, TimeUnit.SECONDS)) {
          child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void oneGibibyteUpAndDownThroughA256MibHeap() throws Exception {
    HttpServer upstream = ItSupport.upstream(vertx, req -> {
      if (req.path().equals("/upload")) {
        long[] count = {0};
        req.handler(buf -> count[0] += buf.length());
        req.endHandler(v -> req.response().end(Long.toString(count[0])));
      } else {
        req.response().putHeader("content-length", Long.toString(GIB));
        generate(req.response(), GIB);
      }
    });
    int[] p = startChild(upstream.actualPort());
    int publicPort = p[0];
    int managementPort = p[1];

    // (a) upload: 1 GiB generated in 64 KiB slices with back-pressure, counted by the upstream
    String uploaded = await(client.request(HttpMethod.POST, publicPort, "127.0.0.1", "/upload")
        .compose(req -> {
          req.putHeader("content-length", Long.toString(GIB));
          Future<String> body = req.response().compose(resp -> resp.body()
              .map(b -> resp.statusCode() + " " + b));
          generate(req, GIB);
          return body;
        }), 120, TimeUnit.SECONDS);
    assertThat(uploaded).as("upstream's byte count").isEqualTo("200 " + GIB);

    // (b) download: 1 GiB streamed by the upstream, counted at the client as it arrives
    String downloaded = await(client.request(HttpMethod.GET, publicPort, "127.0.0.1", "/download")
        .compose(req -> req.send().compose(resp -> {
          Promise<String> done = Promise.promise();
          long[] count = {0};
          resp.handler(buf -> count[0] += buf.length());
          resp.exceptionHandler(done::tryFail);
          resp.endHandler(v -> done.tryComplete(resp.statusCode() + " " + count[0]));
          return done.future();
        })), 120, TimeUnit.SECONDS);
    assertThat(downloaded).as("client's byte count").isEqualTo("200 " + GIB);

    assertThat(child.isAlive()).as("the gateway JVM survived (no OutOfMemoryError)\n%s", output()).isTrue();
    assertThat(await(managementGet(managementPort, "/healthz"))).startsWith("200");
  }

  /** Writes {@code total} bytes to {@code out} as fast as it drains, then ends it. */
  private static void generate(WriteStream<Buffer> out, long total) {
    Buffer chunk = Buffer.buffer(new byte[CHUNK]);
    long[] remaining = {total};
    pump(out, remaining, chunk);
  }

  private static void pump(WriteStream<Buffer> out, long[] remaining, Buffer chunk) {
    while (remaining[0] > 0 && !out.writeQueueFull()) {
      int n = (int) Math.min(CHUNK, remaining[0]);
      out.write(n == CHUNK ? chunk : chunk.slice(0, n));
      remaining[0] -= n;
    }
    if (remaining[0] == 0) {
      out.end();
    } else {
      out.drainHandler(v -> pump(out, remaining, chunk));
    }
  }

  private Future<String> managementGet(int port, String path) {
    return client.request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(req -> req.send().compose(resp -> resp.body().map(b -> resp.statusCode() + " " + b)));
  }

  private int[] startChild(int upstreamPort) throws Exception {
    Path config = dir.resolve("sallyport.yaml");
    Files.writeString(config, ItSupport.listenersYaml() + """
        proxy:
          reload-interval: 0s
          shutdown-grace: 1s
        routes:
          - name: bulk
            upstream: http://127.0.0.1:%d
            public: true
            max-body-size: unlimited
        """.formatted(upstreamPort));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        "io.sallyport.gateway.Main", "run", "--config", config.toString())
        .redirectErrorStream(true);
    child = pb.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          synchronized (childOutput) {
            childOutput.addLast(line);
            if (childOutput.size() > 200) {
              childOutput.removeFirst();
            }
          }
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            ports.complete(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
          }
        }
      } catch (Exception ignored) {
        // the child went away; the test's own assertions report what that means
      } finally {
        ports.completeExceptionally(new IllegalStateException("gateway process ended before listening"));
      }
    }, "gateway-child-output");
    reader.setDaemon(true);
    reader.start();

    int[] p;
    try {
      p = ports.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("gateway child did not start:\n" + output(), e);
    }
    // ready means the listeners serve; poll /readyz with a bound rather than trusting the log line
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      String ready;
      try {
        ready = managementGet(p[1], "/readyz").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        ready = e.toString();
      }
      if (ready.startsWith("200")) {
        return p;
      }
      if (System.nanoTime() > deadline || !child.isAlive()) {
        throw new AssertionError("gateway child never became ready (last: " + ready + "):\n" + output());
      }
      Thread.sleep(100);
    }
  }

  private String output() {
    synchronized (childOutput) {
      return String.join("\n", childOutput);
    }
  }
}
