package io.sallyport.devtenant;

import io.sallyport.devtenant.scenario.Scenario;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How to run devtenant: the scenario, where to listen ({@code port} 0 picks a free one), the host
 * name its URLs use (the certificate is issued for it), a directory for its certificate (null:
 * generate one in memory only), optional certificate and key files to load instead, and the clock
 * the scenario clock starts from.
 */
public record DevTenantOptions(Scenario scenario, String host, int port, Path dataDir, Path tlsCertFile,
    Path tlsKeyFile, Clock baseClock) {

  public static DevTenantOptions of(Scenario scenario) {
    return new DevTenantOptions(scenario, "localhost", 0, null, null, null, Clock.systemUTC());
  }

  public DevTenantOptions withPort(int p) {
    return new DevTenantOptions(scenario, host, p, dataDir, tlsCertFile, tlsKeyFile, baseClock);
  }

  public DevTenantOptions withDataDir(Path dir) {
    return new DevTenantOptions(scenario, host, port, dir, tlsCertFile, tlsKeyFile, baseClock);
  }

  public DevTenantOptions withTlsFiles(Path cert, Path key) {
    return new DevTenantOptions(scenario, host, port, dataDir, cert, key, baseClock);
  }

  public DevTenantOptions withBaseClock(Clock clock) {
    return new DevTenantOptions(scenario, host, port, dataDir, tlsCertFile, tlsKeyFile, clock);
  }
}
