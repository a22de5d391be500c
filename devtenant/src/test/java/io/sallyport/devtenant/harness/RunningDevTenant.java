package io.sallyport.devtenant.harness;

import io.sallyport.devtenant.DevTenant;
import io.sallyport.devtenant.DevTenantOptions;
import io.sallyport.devtenant.crypto.Certificates;
import io.sallyport.devtenant.scenario.Scenario;
import io.sallyport.devtenant.scenario.ScenarioLoader;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A devtenant on a free port for one test class, on the demo scenario or a given one, plus clients
 * that trust exactly its certificate: a Vert.x WebClient and a JDK SSLContext (for msal4j, OkHttp).
 */
public final class RunningDevTenant implements AutoCloseable {

  public static final Path DEMO = findDemo();

  private final Vertx vertx;
  private final DevTenant tenant;
  private final Scenario scenario;
  private WebClient client;

  private RunningDevTenant(Vertx vertx, DevTenant tenant, Scenario scenario) {
    this.vertx = vertx;
    this.tenant = tenant;
    this.scenario = scenario;
  }

  public static RunningDevTenant demo() {
    try {
      return start(Files.readString(DEMO));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RunningDevTenant start(String scenarioYaml) {
    return start(scenarioYaml, Clock.systemUTC());
  }

  public static RunningDevTenant start(String scenarioYaml, Clock base) {
    Scenario scenario = ScenarioLoader.parse(scenarioYaml, "test scenario", base.instant());
    Vertx vertx = Vertx.vertx();
    try {
      DevTenant t = DevTenant.start(vertx, DevTenantOptions.of(scenario).withBaseClock(base))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      return new RunningDevTenant(vertx, t, scenario);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("devtenant did not start", e);
    }
  }

  public Vertx vertx() {
    return vertx;
  }

  public DevTenant tenant() {
    return tenant;
  }

  public Scenario scenario() {
    return scenario;
  }

  public String baseUrl() {
    return tenant.baseUrl();
  }

  public String tenantId() {
    return tenant.tenantId();
  }

  public Scenario.AppSpec app(String name) {
    return scenario.apps().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  public Scenario.UserSpec user(String upnPrefix) {
    return scenario.users().stream().filter(u -> u.upn().startsWith(upnPrefix + "@")).findFirst().orElseThrow();
  }

  /** A WebClient that trusts devtenant's certificate and nothing else. */
  public synchronized WebClient client() {
    if (client == null) {
      client = WebClient.create(vertx, new WebClientOptions().setSsl(true).setTrustOptions(
          new PemTrustOptions().addCertValue(Buffer.buffer(tenant.certificatePem()))).setFollowRedirects(false));
    }
    return client;
  }

  public SSLContext sslContext() {
    try {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new javax.net.ssl.TrustManager[] {trustManager()}, null);
      return ssl;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public X509TrustManager trustManager() {
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      ks.setCertificateEntry("devtenant", Certificates.parseCertificate(tenant.certificatePem()));
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      return (X509TrustManager) tmf.getTrustManagers()[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public Instant now() {
    return tenant.context().clock().instant();
  }

  @Override
  public void close() {
    try {
      tenant.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
    vertx.close();
  }

  private static Path findDemo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("config/devtenant/demo.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("config/devtenant/demo.yaml not found above " + Path.of("").toAbsolutePath());
  }
}
