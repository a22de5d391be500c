package io.sallyport.gateway.reload;

import static io.sallyport.gateway.ItSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.config.ConfigLoader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live reload against a real config file: new routes apply to new requests, a bad edit keeps the
 * running routes, an in-flight request finishes where it started, and the periodic watcher finds
 * an edit on its own.
 */
class ReloadIT {

  @TempDir
  Path dir;

  private Vertx vertx;
  private HttpServer upstreamA;
  private HttpServer upstreamB;
  private HttpClient client;
  private Gateway gateway;
  private Path file;
  private final AtomicInteger hitsA = new AtomicInteger();
  private final AtomicInteger hitsB = new AtomicInteger();
  /** A request to /hold on upstream A waits here until the test releases it. */
  private final AtomicReference<HttpServerRequest> held = new AtomicReference<>();
  private final Promise<Void> holding = Promise.promise();

  @BeforeEach
  void upstreams() {
    vertx = Vertx.vertx();
    upstreamA = ItSupport.upstream(vertx, req -> {
      hitsA.incrementAndGet();
      if (req.path().endsWith("/hold")) {
        held.set(req);
        holding.tryComplete();
        return;
      }
      req.response().end("A " + req.path());
    });
    upstreamB = ItSupport.upstream(vertx, req -> {
      hitsB.incrementAndGet();
      req.response().end("B " + req.path());
    });
    client = vertx.createHttpClient();
    file = dir.resolve("sallyport.yaml");
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      await(gateway.stop());
    }
    await(vertx.close());
  }

  private String config(String reloadInterval, String prefix, HttpServer upstream) {
    return config(reloadInterval, prefix, "http://127.0.0.1:" + upstream.actualPort());
  }

  private String config(String reloadInterval, String prefix, String upstreamUrl) {
    return ItSupport.listenersYaml() + """
        proxy:
          reload-interval: %s
          shutdown-grace: 1s
        routes:
          - name: app
            match:
              path-prefix: %s
            upstream: %s
            public: true
        """.formatted(reloadInterval, prefix, upstreamUrl);
  }

  /** Replaces the file in one step, as an editor or a config-management tool would. */
  private void write(String yaml) throws IOException {
    Path tmp = dir.resolve("sallyport.yaml.tmp");
    Files.writeString(tmp, yaml);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void startGateway(String yaml) throws IOException {
    write(yaml);
    gateway = await(Gateway.start(ConfigLoader.load(file, Map.of()), ItSupport.environment()));
  }

  private Future<Response> send(String path) {
    return client.request(HttpMethod.GET, gateway.publicPort(), "127.0.0.1", path)
        .compose(req -> req.send().compose(resp -> resp.body()
            .map(body -> new Response(resp.statusCode(), body.toString()))));
  }

  private Response get(String path) {
    return await(send(path));
  }

  record Response(int status, String body) {}

  @Test
  void changedUpstreamAndPrefixApplyToNewRequests() throws IOException {
    startGateway(config("0s", "/app", upstreamA));
    assertThat(get("/app/x")).isEqualTo(new Response(200, "A /app/x"));

    write(config("0s", "/new", upstreamB));
    assertThat(await(gateway.reloadNow())).as("reload swapped the configuration").isTrue();

    assertThat(get("/new/x")).isEqualTo(new Response(200, "B /new/x"));
    assertThat(get("/app/x").status()).as("the old prefix is gone").isEqualTo(404);
    assertThat(hitsA.get()).isEqualTo(1);
    assertThat(hitsB.get()).isEqualTo(1);
    assertThat(gateway.snapshot().generation()).isEqualTo(2);
  }

  @Test
  void invalidEditKeepsTheRunningRoutes() throws IOException {
    startGateway(config("0s", "/app", upstreamA));
    long generation = gateway.snapshot().generation();

    write(config("0s", "/app", "htp:/x"));
    assertThat(await(gateway.reloadNow())).as("an invalid file is not swapped in").isFalse();

    assertThat(gateway.snapshot().generation()).isEqualTo(generation);
    assertThat(get("/app/y")).isEqualTo(new Response(200, "A /app/y"));

    // and a later valid edit still applies: the bad one did not wedge the watcher
    write(config("0s", "/app", upstreamB));
    assertThat(await(gateway.reloadNow())).isTrue();
    assertThat(get("/app/y")).isEqualTo(new Response(200, "B /app/y"));
  }

  @Test
  void inFlightRequestCompletesFromTheOriginalUpstream() throws IOException {
    startGateway(config("0s", "/", upstreamA));
    Future<Response> inFlight = send("/hold");
    await(holding.future());

    write(config("0s", "/", upstreamB));
    assertThat(await(gateway.reloadNow())).isTrue();
    assertThat(get("/next")).as("new requests use the new upstream").isEqualTo(new Response(200, "B /next"));
    assertThat(inFlight.isComplete()).as("the held request is still waiting for upstream A").isFalse();

    HttpServerRequest req = held.get();
    req.response().end("A held");
    assertThat(await(inFlight)).isEqualTo(new Response(200, "A held"));
    assertThat(hitsA.get()).isEqualTo(1);
    assertThat(hitsB.get()).isEqualTo(1);
  }

  @Test
  void periodicWatcherPicksUpAnEditByItself() throws Exception {
    startGateway(config("200ms", "/", upstreamA));
    assertThat(get("/p")).isEqualTo(new Response(200, "A /p"));

    write(config("200ms", "/", upstreamB));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (gateway.snapshot().generation() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50); // bounded poll: the watcher has no event to wait on from outside
    }
    assertThat(gateway.snapshot().generation()).as("swapped by the watcher within 5 s").isEqualTo(2);
    assertThat(get("/p")).isEqualTo(new Response(200, "B /p"));
  }
}
