package io.sallyport.devtenant;

import io.sallyport.devtenant.clock.ScenarioClock;
import io.sallyport.devtenant.control.ControlRoutes;
import io.sallyport.devtenant.crypto.KeyRing;
import io.sallyport.devtenant.crypto.TlsIdentity;
import io.sallyport.devtenant.fault.FaultInjector;
import io.sallyport.devtenant.graph.GraphRoutes;
import io.sallyport.devtenant.http.Malformed;
import io.sallyport.devtenant.oidc.OidcRoutes;
import io.sallyport.devtenant.provisioning.Provisioner;
import io.sallyport.devtenant.state.TenantSeeder;
import io.sallyport.devtenant.state.TenantState;
import io.sallyport.devtenant.token.TokenIssuer;
import io.sallyport.devtenant.token.TokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The composition root of devtenant: seeds the tenant from the scenario, creates its keys and
 * HTTPS identity, and serves the identity endpoints, Graph v1.0 and the {@code /_devtenant}
 * control API on one HTTPS listener. Key and certificate generation and file writes happen in
 * {@link #start} on a worker thread, never on an event loop.
 */
public final class DevTenant {

  private final Context context;
  private final HttpServer server;
  private final FaultInjector faults;
  private final Provisioner provisioner;

  private DevTenant(Context context, HttpServer server, FaultInjector faults, Provisioner provisioner) {
    this.context = context;
    this.server = server;
    this.faults = faults;
    this.provisioner = provisioner;
  }

  public static Future<DevTenant> start(Vertx vertx, DevTenantOptions options) {
    return vertx.executeBlocking(() -> prepare(options), false)
        .compose(p -> {
          Router router = Router.router(vertx);
          HttpServerOptions http = new HttpServerOptions().setSsl(true).setUseAlpn(true)
              .setKeyCertOptions(new PemKeyCertOptions().addCertValue(Buffer.buffer(p.tls().certificatePem()))
                  .addKeyValue(Buffer.buffer(p.tls().privateKeyPem())));
          return vertx.createHttpServer(http).requestHandler(Malformed.guard(router, p.clock())).listen(options.port(), bindHost(options.host()))
              .map(server -> {
                String base = "https://" + options.host() + ":" + server.actualPort();
                TokenIssuer issuer = new TokenIssuer(p.state(), p.keys(), base);
                Context ctx = new Context(vertx, options.scenario(), p.state(), p.clock(), p.keys(), issuer,
                    new TokenVerifier(p.keys(), p.clock(), issuer), p.tls(), base);
                FaultInjector faults = new FaultInjector(ctx);
                Provisioner provisioner = new Provisioner(ctx);
                router.route().handler(faults);
                router.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
                new OidcRoutes(ctx).mount(router);
                new GraphRoutes(ctx).mount(router);
                new ControlRoutes(ctx, faults, provisioner).mount(router);
                // last resort, after each surface's own failure handler (a body over the limit, say)
                router.route().failureHandler(rc -> Malformed.handle(rc, p.clock()));
                provisioner.startSchedule();
                return new DevTenant(ctx, server, faults, provisioner);
              });
        });
  }

  private static String bindHost(String host) {
    // "localhost" may resolve to ::1 first; bind loopback explicitly so both stacks reach it.
    return "localhost".equalsIgnoreCase(host) ? "127.0.0.1" : host;
  }

  private record Prepared(ScenarioClock clock, TenantState state, KeyRing keys, TlsIdentity tls) {}

  private static Prepared prepare(DevTenantOptions o) throws IOException {
    ScenarioClock clock = new ScenarioClock(o.baseClock());
    TenantState state = TenantSeeder.seed(o.scenario(), clock);
    KeyRing keys = new KeyRing(clock);
    List<String> names = List.of(o.host());
    TlsIdentity tls;
    if (o.tlsCertFile() != null) {
      tls = TlsIdentity.load(o.tlsCertFile(), o.tlsKeyFile());
    } else if (o.dataDir() != null) {
      tls = TlsIdentity.inDirectory(o.dataDir(), clock, names);
    } else {
      tls = TlsIdentity.generate(clock, names);
    }
    return new Prepared(clock, state, keys, tls);
  }

  public Context context() {
    return context;
  }

  public int port() {
    return server.actualPort();
  }

  public String baseUrl() {
    return context.baseUrl();
  }

  public String tenantId() {
    return context.tenantId();
  }

  /** The v2 issuer, {@code https://host:port/{tenant}/v2.0}: also the authority msal4j's oidcAuthority takes. */
  public String issuer() {
    return context.issuer().issuerV2();
  }

  public String graphBaseUrl() {
    return context.graphBaseUrl();
  }

  /** The PEM certificate clients must trust to reach devtenant. */
  public String certificatePem() {
    return context.tls().certificatePem();
  }

  public void writeCertificate(Path file) throws IOException {
    java.nio.file.Files.writeString(file, certificatePem());
  }

  public FaultInjector faults() {
    return faults;
  }

  public Provisioner provisioner() {
    return provisioner;
  }

  public Future<Void> close() {
    provisioner.stop();
    return server.close();
  }
}
