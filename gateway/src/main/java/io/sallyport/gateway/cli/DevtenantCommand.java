package io.sallyport.gateway.cli;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.DevTenantOptions;
import io.sallyport.devtenant.crypto.TlsIdentity;
import io.sallyport.devtenant.scenario.Scenario;
import io.sallyport.devtenant.scenario.ScenarioException;
import io.sallyport.gateway.demo.DemoFacts;
import io.sallyport.gateway.demo.DevtenantLauncher;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** {@code devtenant}: the local Entra ID and Microsoft Graph stand-in, alone. */
public final class DevtenantCommand implements Command {

  @Override
  public String name() {
    return "devtenant";
  }

  @Override
  public String summary() {
    return "start devtenant, the local Entra ID / Microsoft Graph stand-in";
  }

  @Override
  public String help() {
    return """
        Usage: sallyport devtenant [--scenario FILE] [--host NAME] [--port N] [--data-dir DIR]
                                 [--tls-cert FILE --tls-key FILE]

        Starts devtenant: Entra ID's OIDC/OAuth endpoints and the Microsoft Graph v1.0 subset Sallyport
        uses, over HTTPS, for the tenant a scenario file describes (default config/devtenant/demo.yaml,
        or the copy bundled in the jar). Its certificate is generated for the host name and kept in the
        data directory (devtenant-tls.crt): point a client's trust store at that file; nothing trusts it
        by default. The test-support API is under /_devtenant/ (see docs/devtenant.md).

        Options:
          --scenario FILE   the tenant to serve
          --host NAME       host name in its URLs and certificate (default localhost)
          --port N          HTTPS port (default 8443; 0 picks a free one)
          --data-dir DIR    where the certificate is kept (default ./data)
          --tls-cert FILE   serve this PEM certificate instead of generating one (with --tls-key)
          --tls-key FILE    its PEM private key""";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    Scenario scenario;
    Args a;
    try {
      a = Args.parse(args, Set.of("scenario", "host", "port", "data-dir", "tls-cert", "tls-key"));
      if (!a.positional().isEmpty()) {
        throw new IllegalArgumentException("unexpected argument " + a.positional().get(0));
      }
      if (a.options().containsKey("tls-cert") != a.options().containsKey("tls-key")) {
        throw new IllegalArgumentException("--tls-cert and --tls-key go together");
      }
      scenario = DevtenantLauncher.scenario(a.options().get("scenario"), Clock.systemUTC());
    } catch (IllegalArgumentException | IOException e) {
      err.println("sallyport devtenant: " + e.getMessage());
      return 2;
    } catch (ScenarioException e) {
      err.println("sallyport devtenant: the scenario is invalid:");
      e.errors().forEach(x -> err.println("  " + x));
      return 1;
    }
    Path dataDir = Path.of(a.options().getOrDefault("data-dir", "data"));
    String host = a.options().getOrDefault("host", "localhost");
    DevTenant tenant;
    try {
      Path cert = a.options().containsKey("tls-cert") ? Path.of(a.options().get("tls-cert")) : null;
      Path key = a.options().containsKey("tls-key") ? Path.of(a.options().get("tls-key")) : null;
      tenant = DevTenant.start(Vertx.vertx(), new DevTenantOptions(scenario, host, a.intOption("port", 8443), dataDir,
          cert, key, Clock.systemUTC())).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

    } catch (Exception e) {
      err.println("sallyport devtenant: could not start: " + (e.getCause() == null ? e : e.getCause()).getMessage());
      return 1;
    }
    Path certFile = a.options().containsKey("tls-cert") ? Path.of(a.options().get("tls-cert"))
        : dataDir.resolve(TlsIdentity.CERT_FILE);
    DemoFacts facts = new DemoFacts(null, null, null, tenant, scenario, certFile, null, null);
    out.println("devtenant ready: " + tenant.baseUrl() + "/  (tenant " + tenant.tenantId() + ")");
    out.println("  authority (msal4j oidcAuthority, OIDC issuer): " + tenant.issuer());
    out.println("  Microsoft Graph v1.0:                           " + tenant.graphBaseUrl());
    out.println("  certificate to trust:                           " + facts.certificateFile().toAbsolutePath().normalize());
    out.println("  test-support API:                               " + tenant.baseUrl() + "/_devtenant/tenant");
    out.println("  users (UPN, password):");
    out.print(facts.usersText());
    return KEEP_RUNNING;
  }
}
