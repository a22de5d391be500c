package io.sallyport.gateway.cli;

import io.sallyport.gateway.Gateway;
import io.sallyport.gateway.config.ConfigException;
import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.config.SallyportConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code run --config FILE}: the production entry point. */
public final class RunCommand implements Command {

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "start the gateway from a configuration file";
  }

  @Override
  public String help() {
    return """
        Usage: sallyport run --config FILE

        Starts the gateway with the configuration in FILE (YAML, see docs/configuration.md).
        The file is validated first; every error is printed with its path and the process exits
        with status 1 without binding any port. While running, edits to the file's routes and
        proxy settings are picked up live (see proxy.reload-interval). SIGTERM drains in-flight
        requests for up to proxy.shutdown-grace before exiting.

        Options:
          --config FILE   the configuration file (required)""";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    Args a;
    try {
      a = Args.parse(args, Set.of("config"));
    } catch (IllegalArgumentException e) {
      err.println("sallyport run: " + e.getMessage());
      return 2;
    }
    String file = a.options().get("config");
    if (file == null) {
      err.println("sallyport run: --config FILE is required");
      return 2;
    }
    SallyportConfig config;
    try {
      config = ConfigLoader.load(Path.of(file), System.getenv());
    } catch (ConfigException e) {
      err.println("sallyport run: " + file + " is invalid (" + e.errors().size() + " error(s)):");
      e.errors().forEach(x -> err.println("  " + x));
      return 1;
    }
    return Launch.serve(config, err);
  }
}
