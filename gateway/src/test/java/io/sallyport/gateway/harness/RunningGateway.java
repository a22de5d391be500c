package io.sallyport.gateway.harness;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.config.SallyportConfig;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A gateway started in-process from YAML, on free ports, stopped by close(). */
public final class RunningGateway implements AutoCloseable {

  public final Gateway gateway;
  public final ByteArrayOutputStream stdout;

  private RunningGateway(Gateway gateway, ByteArrayOutputStream stdout) {
    this.gateway = gateway;
    this.stdout = stdout;
  }

  /** @param routesYaml the routes: block's entries, indented by two spaces */
  public static RunningGateway withRoutes(String routesYaml) {
    return fromYaml(listeners() + "access-log: off\nroutes:\n" + routesYaml, null);
  }

  /** Loopback listeners on free ports and a fresh H2 store: what every test config shares. */
  public static String listeners() {
    return listeners("");
  }

  /** @param publicExtra more keys for {@code listeners.public} (e.g. a tls line), four-space indented */
  public static String listeners(String publicExtra) {
    return """
        listeners:
          public:
            host: 127.0.0.1
            port: 0
        %s  management: { port: 0 }
        store: { kind: h2, path: "%s" }
        """.formatted(publicExtra.isEmpty() || publicExtra.endsWith("\n") ? publicExtra : publicExtra + "\n",
        tempDataDir());
  }

  /** A fresh H2 data directory per gateway, so tests never share or lock each other's database. */
  public static String tempDataDir() {
    try {
      Path dir = java.nio.file.Files.createTempDirectory("sallyport-test-");
      dir.toFile().deleteOnExit();
      return dir.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static RunningGateway fromYaml(String yaml, Path source) {
    return fromYaml(yaml, source, Clock.systemUTC());
  }

  public static RunningGateway fromYaml(String yaml, Path source, Clock clock) {
    SallyportConfig config = ConfigLoader.parse(yaml, source, Map.of());
    return start(config, clock);
  }

  public static RunningGateway start(SallyportConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** @param clock what the gateway takes for now (tests move it instead of sleeping) */
  public static RunningGateway start(SallyportConfig config, Clock clock) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BlockedLoops.watch();
    Gateway g = Await.of(Gateway.start(config, new Gateway.Environment(clock, Map.of(),
        out, 2, BlockedLoops.LIMIT_MILLIS)));
    return new RunningGateway(g, out);
  }

  public int port() {
    return gateway.publicPort();
  }

  public int managementPort() {
    return gateway.managementPort();
  }

  /** Stops the gateway, then fails the test if any event loop was reported blocked meanwhile. */
  @Override
  public void close() {
    Await.of(gateway.stop(), 30);
    BlockedLoops.assertNone();
  }
}
