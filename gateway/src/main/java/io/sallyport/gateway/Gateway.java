package io.sallyport.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sallyport.gateway.accesslog.AccessLog;
import io.sallyport.gateway.activation.ActivationAudit;
import io.sallyport.gateway.activation.ActivationEndpoints;
import io.sallyport.gateway.audit.DecisionTrail;
import io.sallyport.gateway.assertion.Assertions;
import io.sallyport.gateway.assertion.JwksEndpoint;
import io.sallyport.gateway.assertion.KeyRing;
import io.sallyport.gateway.assertion.KeysEndpoint;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.directory.Deprovisioning;
import io.sallyport.gateway.directory.DirectoryChanges;
import io.sallyport.gateway.directory.DirectoryFactsCache;
import io.sallyport.gateway.directory.ScimAuthFactory;
import io.sallyport.gateway.directory.ScimMount;
import io.sallyport.gateway.directory.StoreScimStorage;
import io.sallyport.gateway.explain.ExplainEndpoint;
import io.sallyport.gateway.explain.Explainer;
import io.sallyport.gateway.myaccess.MyAccessPage;
import io.sallyport.gateway.entra.graph.TenantGraph;
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
import io.sallyport.gateway.pipeline.authn.IdentityPolicy;
import io.sallyport.gateway.pipeline.forward.ForwardedHeaders;
import io.sallyport.gateway.session.Randoms;
import io.sallyport.gateway.session.SessionSockets;
import io.sallyport.gateway.session.Sessions;
import io.sallyport.gateway.session.SignInClients;
import io.sallyport.gateway.session.SignInEndpoints;
import io.sallyport.gateway.pipeline.authn.TenantVerifiers;
import io.sallyport.gateway.pipeline.authz.GraphRequirements;
import io.sallyport.gateway.terms.OwnAcceptances;
import io.sallyport.gateway.terms.TermsPage;
import io.vertx.core.http.HttpServerRequest;
import io.sallyport.gateway.pipeline.authz.DirectoryRequirement;
import io.sallyport.gateway.pipeline.authz.OverageGroups;
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
import java.util.function.Function;
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
  private DecisionTrail decisions;
  private TenantGraph graph;
  private KeyRing keyRing;
  private volatile Store store;
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
    // the JVM's TLS stack takes ~0.7 s to initialise the first time: on a worker now, not on the event
    // loop of the first outbound TLS connection (Entra discovery, JWKS, Graph)
    vertx.executeBlocking(() -> javax.net.ssl.SSLContext.getDefault().createSSLEngine(), false);
    Gateway g = new Gateway(vertx, config, Registries.prometheus(), log);
    return g.boot(config, environment, opening).map(g).recover(t -> {
      LOG.error("gateway failed to start: {}", t.toString());
      return g.stop().transform(ignored -> Future.failedFuture(t));
    });
  }

  private Future<Void> boot(SallyportConfig config, Environment environment, Future<Store> storeOpening) {
    ProxyMetrics metrics = new ProxyMetrics(registry);
    Supplier<String> ids = new RequestIds();
    decisions = new DecisionTrail(vertx, config.audit(), environment.clock(), registry,
        () -> UUID.randomUUID().toString());
    ExchangeListener listener = accessLog == null ? ExchangeListener.all(metrics, decisions.listener())
        : ExchangeListener.all(metrics, accessLog, decisions.listener());
    // one verifier (keys, verified-token cache) for every listener instance, kept across reloads
    TenantVerifiers verifiers = new TenantVerifiers(vertx, () -> live.get().config().tenant(), environment.clock());
    verifiers.prime();
    // Graph (groups overage today) only for a tenant with a client secret: app-only tokens need it
    graph = new TenantGraph(vertx, new LiveGraphOptions(() -> live.get().config()), registry, environment.clock());
    boolean graphConfigured = graph.current() != null;
    OverageGroups overage = new OverageGroups(graph);
    BearerPolicy bearer = new BearerPolicy(verifiers, overage, environment.clock());
    SessionSockets sockets = new SessionSockets();
    SignInClients signIn = new SignInClients(vertx, () -> live.get().config().sessions(), environment.clock());
    AtomicReference<Sessions> sessions = new AtomicReference<>();
    // the SCIM directory's say (require.directory, deactivated users) after either identity policy
    DirectoryFactsCache directoryFacts = new DirectoryFactsCache(vertx);
    DirectoryRequirement directory = new DirectoryRequirement(new IdentityPolicy(verifiers, bearer, sessions::get,
        signIn, overage, environment.clock()), directoryFacts, () -> live.get().config().scim().enabled());
    // require.access-package, require.terms-of-use, then require.pim: Graph facts, after every
    // other check allowed
    OwnAcceptances ownTerms = new OwnAcceptances(() -> store, environment.clock());
    GraphRequirements graphChecks = GraphRequirements.around(directory, graph, sessions::get, ownTerms,
        environment.clock());
    AccessPolicy policy = graphChecks.policy();
    if (config.tenant() != null && config.tenant().clientSecret() != null) {
      // discovery now, and the OAuth2 classes loaded on this thread rather than on the first sign-in's loop
      signIn.current(config.tenant()).provider();
    }
    InvalidRequests invalid = new InvalidRequests(ids, environment.clock(), listener);
    management = new ManagementServer(vertx, registry, readinessChecks(graphConfigured), () -> serving);
    // the operator's "why was I denied": the same verifier and checks as the data plane
    Explainer explainer = new Explainer(live::get, bearer, () -> store, environment.clock(), directory, graphChecks);
    management.add(new ExplainEndpoint(explainer).endpoint());
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
    Future<Store> opening = storeOpening.onSuccess(s -> {
      store = s;
      decisions.start(s.audit());
    });
    Future<Void> keys = opening.compose(s -> keyRing.start(s.signingKeys(), s.events()));
    Future<Integer> managing = management.listen(config.listeners().management()).onSuccess(p -> managementPort = p);
    Future<ScimStorage> scim = opening.map(s -> scimStorage(s, environment.clock()));
    Future<Void> directoryReady = opening.compose(s -> directoryFacts.start(s.directory(), s.events()));
    Future<Sessions> sessionsReady = opening.compose(s -> {
      Sessions x = new Sessions(s.sessions(), s.events(), s.audit(), environment.clock(),
          () -> live.get().config().sessions(), sockets, () -> UUID.randomUUID().toString());
      return x.start().map(x);
    }).onSuccess(sessions::set);
    Function<HttpServerRequest, String> pageIds = req -> new ForwardedHeaders(live.get().proxy().trustedProxies(),
        live.get().proxy().assertionHeader()).requestId(req, ids.get());
    TermsPage termsPage = new TermsPage(() -> live.get().config(), sessions::get, graph::current, ownTerms, pageIds,
        environment.clock(), listener);
    // my access: the same explainer judges each route for the signed-in user
    MyAccessPage myAccess = new MyAccessPage(live::get, sessions::get, graph::current, ownTerms, explainer, pageIds,
        environment.clock(), listener);
    // the terms and my-access pages first: the sign-in pages claim everything else under /.sallyport/
    Function<Vertx, PublicListenerVerticle.Surface> signInPages = vx -> PublicListenerVerticle.Surface.firstOf(
        List.of(termsPage, myAccess, new SignInEndpoints(() -> {
          TenantVerifiers.Current c = verifiers.current();
          return c == null ? null : new SignInEndpoints.TenantView(c.tenant(), c.cache());
        }, sessions::get, signIn, () -> live.get().config().sessions(), Randoms.strong(), pageIds,
            environment.clock(), listener)));
    // PIM activation at the wall (/.sallyport/activate) beside the sign-in pages
    ActivationAudit activationAudit = new ActivationAudit(() -> store == null ? null : store.audit(),
        environment.clock(), () -> UUID.randomUUID().toString());
    // first: the sign-in pages answer every other /.sallyport/ path (with a 404)
    Function<Vertx, PublicListenerVerticle.Surface> pages = vx -> PublicListenerVerticle.Surface.firstOf(List.of(
        new ActivationEndpoints(vx, live::get, sessions::get, graph, activationAudit, pageIds, environment.clock()),
        signInPages.apply(vx)));
    Future<Integer> listening = deployListener(config, instances, bindPort, metrics, ids, environment, listener,
        policy, invalid, scim, pages, sockets, assertions, jwks).onSuccess(p -> publicPort = p);
    Future<Void> graphWarm = graphConfigured ? graph.warm() : Future.succeededFuture();
    return Future.join(List.of(opening, managing, listening, sessionsReady, keys, directoryReady, graphWarm))
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
                                         Future<ScimStorage> scim,
                                         Function<Vertx, PublicListenerVerticle.Surface> signInPages,
                                         SessionSockets sockets, Assertions assertions, JwksEndpoint jwks) {
    List<PublicListenerVerticle> deployed = new ArrayList<>();
    ScimAuthFactory scimAuth = new ScimAuthFactory(vertx, () -> live.get().config(), environment.clock());
    try {
      scimAuth.prime();
    } catch (UncheckedIOException e) {
      return Future.failedFuture(e.getMessage());
    }
    return vertx.deployVerticle(() -> {
      PublicListenerVerticle v = new PublicListenerVerticle(config.listeners().publicListener(), port,
          vx -> new ProxyHandler(vx, live::get, policy, ids, environment.clock(), listener, metrics, sockets,
              assertions),
          vx -> PublicListenerVerticle.Surface.firstOf(List.of(jwks,
              new ScimMount(vx, live::get, scim, ids, environment.clock(), listener, scimAuth),
              signInPages.apply(vx))),
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
    return new StoreScimStorage(s.directory(), effects, new DirectoryChanges(s.events()));
  }

  private List<ReadinessCheck> readinessChecks(boolean graphConfigured) {
    List<ReadinessCheck> checks = new ArrayList<>(List.of(
        ReadinessCheck.of("listeners", () -> serving ? Future.succeededFuture() : Future.failedFuture("not serving")),
        ReadinessCheck.of("store", () -> store == null ? Future.failedFuture("not open") : store.ping()),
        ReadinessCheck.of("assertion-keys", () -> keyRing != null && keyRing.current() != null
            ? Future.succeededFuture() : Future.failedFuture("signing keys not loaded"))));
    if (graphConfigured) {
      checks.add(ReadinessCheck.of("graph", graph::ready));
    }
    return checks;
  }

  /** The Graph client and facts of the live tenant; null fields when Graph is not configured. */
  public TenantGraph graph() {
    return graph;
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

  /** The decision audit (its queue and flusher). */
  public DecisionTrail decisions() {
    return decisions;
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
        // after the drains (their decisions are in the queue), before the store closes
        .eventually(() -> decisions == null ? Future.succeededFuture() : decisions.stop())
        .eventually(() -> management == null ? Future.succeededFuture() : management.close())
        .eventually(() -> keyRing == null ? Future.succeededFuture() : keyRing.stop())
        .eventually(() -> store == null ? Future.succeededFuture() : store.close())
        .eventually(() -> {
          if (graph != null) {
            graph.close();
          }
          return Future.succeededFuture();
        })
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
