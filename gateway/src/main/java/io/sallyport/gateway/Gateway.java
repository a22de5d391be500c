package io.sallyport.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sallyport.gateway.accesslog.AccessLog;
import io.sallyport.gateway.assertion.Assertions;
import io.sallyport.gateway.assertion.JwksEndpoint;
import io.sallyport.gateway.assertion.KeyRing;
import io.sallyport.gateway.assertion.KeysEndpoint;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.directory.Deprovisioning;
import io.sallyport.gateway.directory.ScimAuthFactory;
import io.sallyport.gateway.directory.ScimMount;
import io.sallyport.gateway.directory.StoreScimStorage;
import io.sallyport.gateway.http.InvalidRequests;
import io.sallyport.gateway.http.RequestIds;
import io.sallyport.gateway.listener.PublicListenerVerticle;
import io.sallyport.gateway.management.ManagementServer;
import io.sallyport.gateway.management.ReadinessCheck;
import io.sallyport.gateway.metrics.ProxyMetrics;
import io.sallyport.gateway.metrics.Registries;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.pipeline.authn.BearerPolicy;
import io.sallyport.gateway.pipeline.authn.TenantVerifiers;
import io.sallyport.gateway.pipeline.Snapshot;
import io.sallyport.gateway.pipeline.forward.ProxyHandler;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.reload.ConfigWatcher;
import io.sallyport.gateway.store.Store;
import io.sallyport.scim.spi.ScimStorage;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every component is built here from the configuration, by constructor,
 * and nowhere else. Starting it binds the listeners; stopping it drains them.
 */
public final class Gateway {

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  /**
   * What the process provides: time, environment, where the access log goes by default, how many
   * event loops, and how long an event loop may run one task before Vert.x reports it blocked
   * (tests set this low and fail on any report).
   */
  public record Environment(Clock clock, Map<String, String> env, OutputStream stdout, int eventLoops,
                            long maxEventLoopMillis) {
    public static Environment system() {
      return new Environment(Clock.systemUTC(), System.getenv(), System.out,
          Math.max(1, Runtime.getRuntime().availableProcessors()), 2000);
    }
  }

  private final Vertx vertx;
  private final AtomicReference<Snapshot> live;
  private final List<PublicListenerVerticle> listeners = new CopyOnWriteArrayList<>();
  private final PrometheusMeterRegistry registry;
  private final AccessLog accessLog;
  private ManagementServer management;
  private KeyRing keyRing;
  private Store store;
  private ConfigWatcher watcher;
  private volatile boolean serving;
  private Future<Void> stopping;
  private int publicPort;
  private int managementPort;

  private Gateway(Vertx vertx, SallyportConfig config, PrometheusMeterRegistry registry, AccessLog accessLog) {
    this.vertx = vertx;
    this.live = new AtomicReference<>(Snapshot.of(config, 1));
    this.registry = registry;
    this.accessLog = accessLog;
  }

  public static Future<Gateway> start(SallyportConfig config, Environment environment) {
    AccessLog log;
    try {
      log = accessLog(config, environment);
    } catch (UncheckedIOException e) {
      return Future.failedFuture(e.getMessage());
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)
        .setEventLoopPoolSize(Math.max(environment.eventLoops(), 1))
        .setMaxEventLoopExecuteTime(environment.maxEventLoopMillis())
        .setMaxEventLoopExecuteTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(Math.min(1000, Math.max(50, environment.maxEventLoopMillis() / 4))));
    // the store is the slowest part of a start (driver, pool, schema migration): begin it first so
    // it runs on a worker while this thread builds and binds everything else
    Future<Store> opening = Store.open(vertx, config.store(), environment.clock());
    Gateway g = new Gateway(vertx, config, Registries.prometheus(), log);
    return g.boot(config, environment, opening).map(g).recover(t -> {
      LOG.error("gateway failed to start: {}", t.toString());
      return g.stop().transform(ignored -> Future.failedFuture(t));
    });
  }

  private Future<Void> boot(SallyportConfig config, Environment environment, Future<Store> storeOpening) {
    ProxyMetrics metrics = new ProxyMetrics(registry);
    Supplier<String> ids = new RequestIds();
    ExchangeListener listener = accessLog == null ? metrics : ExchangeListener.all(metrics, accessLog);
    // one verifier (keys, verified-token cache) for every listener instance, kept across reloads
    TenantVerifiers verifiers = new TenantVerifiers(vertx, () -> live.get().config().tenant(), environment.clock());
    verifiers.prime();
    AccessPolicy policy = new BearerPolicy(verifiers, environment.clock());
    InvalidRequests invalid = new InvalidRequests(ids, environment.clock(), listener);
    management = new ManagementServer(vertx, registry, readinessChecks(), () -> serving);
    // the assertion's keys: in the store (shared by every node) unless the operator supplies one
    keyRing = new KeyRing(vertx, () -> live.get().config().assertion(), environment.clock());
    Assertions assertions = new Assertions(keyRing, live::get, environment.clock());
    JwksEndpoint jwks = new JwksEndpoint(keyRing, ids, environment.clock(), listener);
    management.add(new ManagementServer.Endpoint(JwksEndpoint.PATH,
        new JwksEndpoint(keyRing, ids, environment.clock(), null)));
    management.add(new ManagementServer.Endpoint(KeysEndpoint.PREFIX,
        new KeysEndpoint(keyRing, environment.clock(), ids, () -> store == null ? null : store.audit())));
    int instances = Math.max(1, environment.eventLoops());
    int configured = config.listeners().publicListener().port();
    // a negative port asks Vert.x for one random port shared by every instance of the deployment
    int bindPort = configured == 0 ? -1 : configured;
    // the store (schema migration) and the listeners come up side by side; readiness waits for both
    Future<Store> opening = storeOpening.onSuccess(s -> store = s);
    Future<Void> keys = opening.compose(s -> keyRing.start(s.signingKeys(), s.events()));
    Future<Integer> managing = management.listen(config.listeners().management()).onSuccess(p -> managementPort = p);
    Future<ScimStorage> scim = opening.map(s -> scimStorage(s, environment.clock()));
    Future<Integer> listening = deployListener(config, instances, bindPort, metrics, ids, environment, listener,
        policy, invalid, scim, assertions, jwks).onSuccess(p -> publicPort = p);
    return Future.join(opening, managing, listening, keys)
        .map(all -> {
          if (config.source() != null) {
            watcher = new ConfigWatcher(vertx, config.source(), environment.env(), live, this::onReload);
            watcher.start(config.proxy().reloadInterval().toMillis());
          }
          serving = true;
          // JVM and process meters cost ~0.3 s of class loading: bound by a worker once serving,
          // off the start's critical path
          vertx.executeBlocking(() -> {
            Registries.bindJvmMeters(registry);
            return null;
          }, false);
          LOG.info("sallyport listening: public {}:{} ({} event loop(s)), management {}:{}",
              config.listeners().publicListener().host(), publicPort, instances,
              config.listeners().management().host(), managementPort);
          return null;
        });
  }

  private Future<Integer> deployListener(SallyportConfig config, int count, int port, ProxyMetrics metrics,
                                         Supplier<String> ids, Environment environment,
                                         ExchangeListener listener, AccessPolicy policy, InvalidRequests invalid,
                                         Future<ScimStorage> scim, Assertions assertions, JwksEndpoint jwks) {
    List<PublicListenerVerticle> deployed = new ArrayList<>();
    ScimAuthFactory scimAuth = new ScimAuthFactory(vertx, () -> live.get().config(), environment.clock());
    try {
      scimAuth.prime();
    } catch (UncheckedIOException e) {
      return Future.failedFuture(e.getMessage());
    }
    return vertx.deployVerticle(() -> {
      PublicListenerVerticle v = new PublicListenerVerticle(config.listeners().publicListener(), port,
          vx -> new ProxyHandler(vx, live::get, policy, ids, environment.clock(), listener, metrics, assertions),
          vx -> PublicListenerVerticle.Surface.both(jwks,
              new ScimMount(vx, live::get, scim, ids, environment.clock(), listener, scimAuth)),
          invalid, metrics);
      deployed.add(v);
      listeners.add(v);
      return v;
    }, new DeploymentOptions().setInstances(count)).map(id -> deployed.get(0).actualPort());
  }

  /** The SCIM directory on the store; deprovisioning revokes sessions, tells every node and audits. */
  private ScimStorage scimStorage(Store s, Clock clock) {
    Deprovisioning effects = new Deprovisioning(vertx, s.sessions(), s.events(), s.audit(), clock,
        () -> UUID.randomUUID().toString());
    return new StoreScimStorage(s.directory(), effects);
  }

  private List<ReadinessCheck> readinessChecks() {
    return List.of(
        ReadinessCheck.of("listeners", () -> serving ? Future.succeededFuture() : Future.failedFuture("not serving")),
        ReadinessCheck.of("store", () -> store == null ? Future.failedFuture("not open") : store.ping()),
        ReadinessCheck.of("assertion-keys", () -> keyRing != null && keyRing.current() != null
            ? Future.succeededFuture() : Future.failedFuture("signing keys not loaded")));
  }

  private void onReload(Snapshot snapshot) {
    Set<Route.UpstreamKey> keys = snapshot.routes().routes().stream().map(Route::clientKey)
        .collect(Collectors.toSet());
    long grace = snapshot.routes().routes().stream()
        .mapToLong(r -> r.config().timeouts().request().toMillis() + r.config().timeouts().idle().toMillis())
        .max().orElse(60_000);
    listeners.forEach(l -> l.retainPools(keys, grace));
  }

  /** Test and reload hook: checks the config file now instead of waiting for the interval. */
  public Future<Boolean> reloadNow() {
    return watcher == null ? Future.succeededFuture(false) : watcher.check();
  }

  public Snapshot snapshot() {
    return live.get();
  }

  public int publicPort() {
    return publicPort;
  }

  public int managementPort() {
    return managementPort;
  }

  /** The durable store (sessions, audit, directory, revocation events). */
  public Store store() {
    return store;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Stops accepting, drains in-flight exchanges up to the configured grace, then closes. Calling it
   * again returns the same stop.
   */
  public synchronized Future<Void> stop() {
    if (stopping == null) {
      stopping = doStop();
    }
    return stopping;
  }

  private Future<Void> doStop() {
    serving = false;
    if (watcher != null) {
      watcher.stop();
    }
    var grace = live.get().proxy().shutdownGrace();
    List<Future<Void>> drains = new ArrayList<>();
    listeners.forEach(l -> drains.add(l.drain(grace)));
    return Future.join(drains)
        .eventually(() -> management == null ? Future.succeededFuture() : management.close())
        .eventually(() -> keyRing == null ? Future.succeededFuture() : keyRing.stop())
        .eventually(() -> store == null ? Future.succeededFuture() : store.close())
        .eventually(vertx::close)
        .eventually(() -> {
          if (accessLog != null) {
            accessLog.close();
          }
          registry.close();
          return Future.succeededFuture();
        }).mapEmpty();
  }

  private static AccessLog accessLog(SallyportConfig config, Environment environment) {
    String target = config.accessLog().target();
    if ("off".equals(target)) {
      return null;
    }
    if ("stdout".equals(target)) {
      return new AccessLog(environment.stdout());
    }
    try {
      return new AccessLog(new FileOutputStream(target, true));
    } catch (IOException e) {
      throw new UncheckedIOException("access-log: cannot open \"" + target + "\" for appending", e);
    }
  }
}
