package io.sallyport.gateway.cli;

import io.sallyport.gateway.config.ConfigException;
import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.config.RouteConfig;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.config.ScimConfig;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code check-config FILE}: validate without starting anything. */
public final class CheckConfigCommand implements Command {

  @Override
  public String name() {
    return "check-config";
  }

  @Override
  public String summary() {
    return "validate a configuration file and list its routes, public ones flagged";
  }

  @Override
  public String help() {
    return """
        Usage: sallyport check-config FILE

        Validates FILE without starting anything or opening any port. Prints every error with its
        path and the bad value and exits 1; or prints the routes (every public route flagged, so
        nobody opens one by accident) and the SCIM endpoint when enabled, and exits 0.""";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1 || args[0].startsWith("--")) {
      err.println("sallyport check-config: expected exactly one FILE argument");
      return 2;
    }
    SallyportConfig c;
    try {
      c = ConfigLoader.load(Path.of(args[0]), System.getenv());
    } catch (ConfigException e) {
      err.println(args[0] + ": " + e.errors().size() + " error(s):");
      e.errors().forEach(x -> err.println("  " + x));
      return 1;
    }
    out.println(args[0] + ": valid");
    out.printf("listeners: public %s:%d%s, management %s:%d%n", c.listeners().publicListener().host(),
        c.listeners().publicListener().port(), c.listeners().publicListener().tls() == null ? "" : " (TLS)",
        c.listeners().management().host(), c.listeners().management().port());
    out.println("store: " + c.store().kind().name().toLowerCase(java.util.Locale.ROOT));
    out.println("routes:");
    long open = 0;
    for (RouteConfig r : c.routes()) {
      out.printf("  %-20s %s%s -> %s%s%n", r.name(), r.host() == null ? "*" : r.host(), r.pathPrefix(),
          r.upstream(), r.isPublic() ? "   PUBLIC: anonymous access, no sign-in" : "");
      open += r.isPublic() ? 1 : 0;
    }
    ScimConfig scim = c.scim();
    out.println(scim.enabled()
        ? "scim: " + scim.basePath() + "/* on every host of the public listener, not a route: AUTHENTICATED by"
            + " bearer token (" + scim.tokenDigests().size() + " accepted), never proxied"
        : "scim: off");
    if (open > 0) {
      out.println("WARNING: " + open + " public route(s): anyone who can reach the gateway reaches them.");
    }
    return 0;
  }
}
