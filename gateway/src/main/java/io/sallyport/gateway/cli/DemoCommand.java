package io.sallyport.gateway.cli;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.crypto.TlsIdentity;
import io.sallyport.devtenant.scenario.Scenario;
import io.sallyport.devtenant.scenario.ScenarioException;
import io.sallyport.gateway.config.ConfigException;
import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.demo.DemoFacts;
import io.sallyport.gateway.demo.DemoRedirects;
import io.sallyport.gateway.demo.DemoUpstream;
import io.sallyport.gateway.demo.DevtenantLauncher;
import io.sallyport.gateway.demo.PrivilegedTryouts;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo}: devtenant, the demo upstream and a gateway in front of it, from config/demo.yaml
 * and config/devtenant/demo.yaml when run from a checkout, else from the copies bundled in the jar.
 * Nothing else to install. Prints what to try and writes the same facts to demo.json.
 */
public final class DemoCommand implements Command {

  static final String BUNDLED = "/sallyport/config/demo.yaml";

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "start the demo: devtenant, a demo upstream and the gateway in front of it";
  }

  @Override
  public String help() {
    return """
        Usage: sallyport demo [--config FILE] [--scenario FILE] [--port N] [--management-port N]
                              [--upstream-port N] [--devtenant-port N]

        Starts devtenant (a local Entra ID and Microsoft Graph stand-in) on https://localhost:8443,
        the demo upstream on http://localhost:8082 and the gateway with config/demo.yaml on
        http://localhost:8080 (management on http://127.0.0.1:8081), prints the URLs, the seeded users
        and their passwords and what to try, and writes the same facts to demo.json in the data
        directory (the gateway's store directory; the path is printed).

        Options:
          --config FILE          another gateway configuration
          --scenario FILE        another devtenant scenario
          --port N               gateway port (default 8080)
          --management-port N    management port (default 8081)
          --upstream-port N      demo upstream port (default 8082)
          --devtenant-port N     devtenant port (default 8443)""";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    Scenario scenario;
    int upstreamPort;
    int devtenantPort;
    String explicitConfig;
    Map<String, String> env = new HashMap<>(System.getenv());
    try {
      Args a = Args.parse(args, Set.of("config", "scenario", "port", "management-port", "upstream-port",
          "devtenant-port"));
      upstreamPort = a.intOption("upstream-port", 8082);
      devtenantPort = a.intOption("devtenant-port", 8443);
      explicitConfig = a.options().get("config");
      env.put("SALLYPORT_DEMO_PORT", String.valueOf(a.intOption("port", 8080)));
      env.put("SALLYPORT_DEMO_MANAGEMENT_PORT", String.valueOf(a.intOption("management-port", 8081)));
      env.put("SALLYPORT_DEMO_UPSTREAM", "http://127.0.0.1:" + upstreamPort);
      env.put("SALLYPORT_DEMO_DEVTENANT", "https://localhost:" + devtenantPort);
      // devtenant's graphBaseUrl() without its /v1.0: tenant.graph-url is the service root
      env.put("SALLYPORT_DEMO_GRAPH", "https://localhost:" + devtenantPort);
      // a fresh SCIM token per demo run unless one is given: the demo hands it to devtenant's
      // provisioning and to demo.json, so nobody needs to know it in advance
      env.putIfAbsent("SALLYPORT_SCIM_TOKEN", DemoProvisioning.newToken());
      scenario = DevtenantLauncher.scenario(a.options().get("scenario"), Clock.systemUTC());
    } catch (IllegalArgumentException | IOException e) {
      err.println("sallyport demo: " + e.getMessage());
      return 2;
    } catch (ScenarioException e) {
      err.println("sallyport demo: the devtenant scenario is invalid:");
      e.errors().forEach(x -> err.println("  " + x));
      return 1;
    }
    String scimToken = env.get("SALLYPORT_SCIM_TOKEN");
    // devtenant first: the gateway's configuration names the certificate it writes (tenant.ca-file)
    Path devtenantDir = dataDirFor(explicitConfig);
    Vertx vertx = Vertx.vertx();
    DevTenant tenant;
    try {
      tenant = DevtenantLauncher.start(vertx, scenario, "localhost", devtenantPort, devtenantDir, Clock.systemUTC())
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      err.println("sallyport demo: could not start devtenant on port " + devtenantPort + ": "
          + (e.getCause() == null ? e : e.getCause()).getMessage());
      vertx.close();
      return 1;
    }
    env.put("SALLYPORT_DEMO_CA_FILE", devtenantDir.resolve(TlsIdentity.CERT_FILE).toAbsolutePath().toString());
    SallyportConfig config;
    try {
      config = load(explicitConfig, env);
    } catch (IOException e) {
      err.println("sallyport demo: " + e.getMessage());
      vertx.close();
      return 2;
    } catch (ConfigException e) {
      err.println("sallyport demo: the demo configuration is invalid:");
      e.errors().forEach(x -> err.println("  " + x));
      vertx.close();
      return 1;
    }
    Path dataDir = config.store().path() != null ? config.store().path() : devtenantDir;
    if (config.tenant() != null) {
      try {
        DemoRedirects.register(vertx, tenant, config.tenant().clientId(), config.listeners().publicListener().port())
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        err.println("sallyport demo: could not register the sign-in callback with devtenant: "
            + (e.getCause() == null ? e : e.getCause()).getMessage());
        vertx.close();
        return 1;
      }
    }
    try {
      new DemoUpstream(vertx).listen("127.0.0.1", upstreamPort).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      err.println("sallyport demo: could not start the demo upstream on port " + upstreamPort + ": "
          + (e.getCause() == null ? e : e.getCause()).getMessage());
      vertx.close();
      return 1;
    }
    int code = Launch.serve(config, err);
    if (code != KEEP_RUNNING) {
      vertx.close();
      return code;
    }
    String scimUrl = DemoProvisioning.start(config, tenant, scimToken, out, err);
    DemoFacts facts = new DemoFacts("http://localhost:" + config.listeners().publicListener().port() + "/",
        "http://127.0.0.1:" + config.listeners().management().port() + "/", "http://localhost:" + upstreamPort + "/",
        tenant, scenario, devtenantDir.resolve(TlsIdentity.CERT_FILE), scimUrl, scimUrl == null ? null : scimToken,
        PrivilegedTryouts.of(config.routes(), scenario, Clock.systemUTC().instant()));
    try {
      Path json = dataDir.resolve("demo.json");
      Files.writeString(json, facts.json().encodePrettily());
      out.print(DemoIntro.text(facts, json));
    } catch (IOException e) {
      err.println("sallyport demo: could not write demo.json in " + dataDir + ": " + e.getMessage());
      out.print(DemoIntro.text(facts, null));
    }
    return code;
  }

  /** Where the demo keeps its files: beside the configuration, as demo.yaml's store does. */
  private static Path dataDirFor(String explicitConfig) {
    if (explicitConfig != null) {
      Path parent = Path.of(explicitConfig).toAbsolutePath().getParent();
      return parent.resolve("data");
    }
    return Files.isRegularFile(Path.of("config", "demo.yaml")) ? Path.of("config", "data") : Path.of("data");
  }

  private static SallyportConfig load(String explicit, Map<String, String> env) throws IOException {
    if (explicit != null) {
      return ConfigLoader.load(Path.of(explicit), env);
    }
    Path local = Path.of("config", "demo.yaml");
    if (Files.isRegularFile(local)) {
      return ConfigLoader.load(local, env);
    }
    try (InputStream in = DemoCommand.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IOException("no config/demo.yaml here and none bundled in the jar");
      }
      return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, env);
    }
  }
}
