package io.sallyport.gateway.listener;

import static io.sallyport.gateway.ItSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.ItSupport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Graceful stop: in-flight exchanges finish within the grace, new connections are refused as
 * soon as the stop begins, and an exchange that outlives the grace is cut rather than left
 * hanging.
 */
class ShutdownIT {

  private Vertx vertx;
  private HttpClient client;
  private Gateway gateway;
  private final Promise<Void> upstreamGotRequest = Promise.promise();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    client = vertx.createHttpClient();
  }

  @AfterEach
  void tearDown() {
    if (gateway != null) {
      await(gateway.stop()); // only when the test failed before its own stop
    }
    await(vertx.close());
  }

  private Gateway start(String grace, HttpServer upstream) {
    return ItSupport.gateway(ItSupport.listenersYaml() + """
        proxy:
          reload-interval: 0s
          shutdown-grace: %s
        routes:
          - name: app
            upstream: http://127.0.0.1:%d
            public: true
        """.formatted(grace, upstream.actualPort()), null);
  }

  private Future<String> get(int port, String path) {
    return client.request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(req -> req.send().compose(resp -> resp.body().map(b -> resp.statusCode() + " " + b)));
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      return true; // a timeout is not a refusal
    }
  }

  @Test
  void slowInFlightRequestCompletesWhileDrainingAndNewConnectionsAreRefused() throws Exception {
    HttpServer upstream = ItSupport.upstream(vertx, req -> {
      upstreamGotRequest.tryComplete();
      vertx.setTimer(1_500, id -> req.response().end("slow done"));
    });
    gateway = start("10s", upstream);
    int port = gateway.publicPort();
    Future<String> inFlight = get(port, "/slow");
    await(upstreamGotRequest.future());

    long stopAt = System.nanoTime();
    Future<Void> stopped = gateway.stop();
    gateway = null;

    // the listening socket goes away at once; poll briefly since the unbind is asynchronous
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    boolean accepting = accepts(port);
    while (accepting && System.nanoTime() < deadline) {
      Thread.sleep(20);
      accepting = accepts(port);
    }
    assertThat(accepting).as("new connections refused after stop began").isFalse();
    assertThat(inFlight.isComplete()).as("the slow request is still in flight while new ones are refused").isFalse();

    assertThat(await(inFlight)).isEqualTo("200 slow done");
    await(stopped);
    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt);
    assertThat(stopMillis).as("stop ends once the drain is done, well before the 10 s grace").isLessThan(8_000);
  }

  @Test
  void requestOutlivingTheGraceIsCutAndStopStillCompletes() {
    HttpServer upstream = ItSupport.upstream(vertx, req -> upstreamGotRequest.tryComplete()); // never answers
    gateway = start("500ms", upstream);
    Future<String> inFlight = get(gateway.publicPort(), "/hang");
    await(upstreamGotRequest.future());

    long stopAt = System.nanoTime();
    Future<Void> stopped = gateway.stop();
    gateway = null;
    await(stopped, 2_500, TimeUnit.MILLISECONDS);
    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt);
    assertThat(stopMillis).as("stop waits about the grace").isGreaterThanOrEqualTo(400);

    // the client learns its exchange is over instead of waiting forever
    Throwable failure = null;
    try {
      inFlight.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      failure = e.getCause();
    } catch (Exception e) {
      throw new AssertionError("the client's request neither completed nor failed within 5 s after stop", e);
    }
    assertThat(failure).as("the cut request fails on the client (no response was ever sent)").isNotNull();
  }
}
