package io.sallyport.gateway;

import io.sallyport.gateway.config.ConfigLoader;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shared plumbing for the gateway integration tests: waiting on futures with a bound, loopback
 * upstreams on port 0, and gateways started in-process from YAML text.
 */
public final class ItSupport {

  /** Upper bound for any single wait; generous because the build machine is shared. */
  public static final long WAIT_SECONDS = 30;

  private ItSupport() {}

  public static <T> T await(Future<T> f) {
    return await(f, WAIT_SECONDS, TimeUnit.SECONDS);
  }

  public static <T> T await(Future<T> f, long amount, TimeUnit unit) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(amount, unit);
    } catch (Exception e) {
      throw new AssertionError("future did not complete successfully within " + amount + " " + unit + ": " + e, e);
    }
  }

  /** A loopback HTTP/1.1 server on a free port. */
  public static HttpServer upstream(Vertx vertx, Handler<HttpServerRequest> handler) {
    return await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(handler).listen());
  }

  /** One event loop, no access log, an empty environment. */
  public static Gateway.Environment environment() {
    return new Gateway.Environment(Clock.systemUTC(), Map.of(), OutputStream.nullOutputStream(), 1,
        io.sallyport.gateway.harness.BlockedLoops.LIMIT_MILLIS);
  }

  /** Starts a gateway from YAML; {@code source} (may be null) is the file reloads read. */
  public static Gateway gateway(String yaml, Path source) {
    return await(Gateway.start(ConfigLoader.parse(yaml, source, Map.of()), environment()));
  }

  /** Listeners on loopback with free ports, no access log; append {@code proxy:} and routes. */
  public static String listenersYaml() {
    return io.sallyport.gateway.harness.RunningGateway.listeners() + "access-log: off\n";
  }
}
