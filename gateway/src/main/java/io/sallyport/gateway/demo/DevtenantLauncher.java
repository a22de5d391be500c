package io.sallyport.gateway.demo;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.DevTenantOptions;
import io.sallyport.devtenant.scenario.Scenario;
import io.sallyport.devtenant.scenario.ScenarioLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Starts devtenant for the {@code devtenant} and {@code demo} commands: the scenario from a file,
 * from config/devtenant/demo.yaml in a checkout, or the copy bundled in the jar; its certificate
 * kept in the data directory so a gateway configured to trust it keeps trusting it across restarts.
 */
public final class DevtenantLauncher {

  static final String BUNDLED = "/sallyport/config/devtenant/demo.yaml";

  private DevtenantLauncher() {}

  /** Reads the scenario (errors name the file and every problem); relative times resolve against now. */
  public static Scenario scenario(String explicit, Clock clock) throws IOException {
    if (explicit != null) {
      Path file = Path.of(explicit);
      if (!Files.isRegularFile(file)) {
        throw new IOException("no scenario file at " + file.toAbsolutePath().normalize());
      }
      return ScenarioLoader.load(file, clock.instant());
    }
    Path local = Path.of("config", "devtenant", "demo.yaml");
    if (Files.isRegularFile(local)) {
      return ScenarioLoader.load(local, clock.instant());
    }
    try (InputStream in = DevtenantLauncher.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IOException("no config/devtenant/demo.yaml here and none bundled in the jar");
      }
      return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled devtenant/demo.yaml",
          clock.instant());
    }
  }

  public static Future<DevTenant> start(Vertx vertx, Scenario scenario, String host, int port, Path dataDir,
      Clock clock) {
    return DevTenant.start(vertx, new DevTenantOptions(scenario, host, port, dataDir, null, null, clock));
  }
}
