package io.sallyport.gateway.cli;

import io.sallyport.gateway.config.ConfigException;
import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.demo.DemoUpstream;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo}: the demo upstream plus a gateway in front of it, from config/demo.yaml when run
 * from a checkout, else from the copy bundled in the jar. Nothing else to install.
 */
public final class DemoCommand implements Command {

  static final String BUNDLED = "/sallyport/config/demo.yaml";

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "start the demo: a demo upstream and the gateway in front of it";
  }

  @Override
  public String help() {
    return """
        Usage: sallyport demo [--config FILE]

        Starts the demo upstream on 127.0.0.1:9090 and the gateway with config/demo.yaml (or the
        copy bundled in the jar when that file is not there): browse to http://localhost:8080/.
        Management (health, readiness, metrics) is on http://127.0.0.1:8081/.

        Options:
          --config FILE   use another demo configuration""";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    SallyportConfig config;
    try {
      Args a = Args.parse(args, Set.of("config"));
      config = load(a.options().get("config"));
    } catch (IllegalArgumentException | IOException e) {
      err.println("sallyport demo: " + e.getMessage());
      return 2;
    } catch (ConfigException e) {
      err.println("sallyport demo: the demo configuration is invalid:");
      e.errors().forEach(x -> err.println("  " + x));
      return 1;
    }
    try {
      Vertx vertx = Vertx.vertx();
      int port = new DemoUpstream(vertx).listen("127.0.0.1", 9090).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      out.println("demo upstream listening on http://127.0.0.1:" + port + "/");
    } catch (Exception e) {
      err.println("sallyport demo: could not start the demo upstream on 127.0.0.1:9090: "
          + (e.getCause() == null ? e : e.getCause()).getMessage());
      return 1;
    }
    int code = Launch.serve(config, err);
    if (code == KEEP_RUNNING) {
      out.println("Sallyport demo ready: http://localhost:" + config.listeners().publicListener().port()
          + "/  (management: http://127.0.0.1:" + config.listeners().management().port() + "/readyz)");
    }
    return code;
  }

  private static SallyportConfig load(String explicit) throws IOException {
    if (explicit != null) {
      return ConfigLoader.load(Path.of(explicit), System.getenv());
    }
    Path local = Path.of("config", "demo.yaml");
    if (Files.isRegularFile(local)) {
      return ConfigLoader.load(local, System.getenv());
    }
    try (InputStream in = DemoCommand.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IOException("no config/demo.yaml here and none bundled in the jar");
      }
      return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, System.getenv());
    }
  }
}
