package io.sallyport.gateway.entra.graph;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * msal4j behind a Caffeine async cache keyed by scope. msal4j has a token cache but no
 * single-flight (20 concurrent cold calls make 20 token requests): the cache holds the one
 * in-flight acquisition every caller joins, then the token until shortly before it expires.
 * msal4j blocks on HTTP, so it runs on its own two daemon threads, never on an event loop or the
 * common pool. The application is built there too, lazily: building resolves the OIDC authority.
 */
final class MsalAppTokens implements AppTokens {

  static final String OPERATION = "token";
  /** Renew this long before expiry, so no Graph call leaves with a token about to lapse. */
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private record AccessToken(String value, Instant expiresAt) {}

  private final Vertx vertx;
  private final GraphOptions options;
  private final GraphMetrics metrics;
  private final Clock clock;
  private final ExecutorService pool;
  private final AsyncCache<String, AccessToken> cache;
  private final AtomicLong requests = new AtomicLong();
  private volatile ConfidentialClientApplication app;

  MsalAppTokens(Vertx vertx, GraphOptions options, GraphMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.options = options;
    this.metrics = metrics;
    this.clock = clock;
    this.pool = pool("sallyport-msal4j-");
    this.cache = Caffeine.newBuilder().executor(Runnable::run)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .expireAfter(Expiry.<String, AccessToken>creating((scope, t) -> lifetime(t)))
        .maximumSize(16).buildAsync();
  }

  /** msal4j blocks on HTTP: two daemon threads of its own, never an event loop or the common pool. */
  static ExecutorService pool(String threadPrefix) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, threadPrefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public Future<String> token(String scope) {
    boolean[] miss = {false};
    CompletableFuture<AccessToken> f = cache.get(scope, (s, executor) -> {
      miss[0] = true;
      return acquire(s);
    });
    metrics.cache(OPERATION, miss[0] ? "miss" : "hit");
    return Deadline.bound(vertx, f.thenApply(AccessToken::value), options.callTimeout().multipliedBy(2),
        () -> new GraphUnavailable(GraphUnavailable.TOKEN, "no token from the token endpoint within "
            + options.callTimeout().multipliedBy(2).toMillis() + " ms"))
        .recover(t -> Future.failedFuture(unwrap(t)));
  }

  @Override
  public void invalidate(String scope) {
    cache.synchronous().invalidate(scope);
  }

  @Override
  public long requests() {
    return requests.get();
  }

  private CompletableFuture<AccessToken> acquire(String scope) {
    long start = System.nanoTime();
    requests.incrementAndGet();
    // acquireToken itself on the pool: thenCompose on an already completed stage runs on the caller's loop
    CompletableFuture<AccessToken> f = CompletableFuture.supplyAsync(() -> app()
            .acquireToken(ClientCredentialParameters.builder(Set.of(scope)).build()), pool)
        .thenCompose(x -> x)
        .thenApply(r -> new AccessToken(r.accessToken(), expiry(r)))
        .orTimeout(options.callTimeout().toMillis() * (options.maxRetries() + 2L), TimeUnit.MILLISECONDS);
    return f.whenComplete((t, e) -> {
      Throwable failure = e == null ? null : unwrap(e);
      metrics.call(OPERATION, start, failure);
      metrics.request(OPERATION, e == null ? 200 : 0);
    });
  }

  private ConfidentialClientApplication app() {
    ConfidentialClientApplication a = app;
    if (a != null) {
      return a;
    }
    synchronized (this) {
      if (app == null) {
        app = build(options, pool);
      }
      return app;
    }
  }

  /** The confidential client for the tenant, on {@code pool}; shared by app-only and on-behalf-of tokens. */
  static ConfidentialClientApplication build(GraphOptions options, ExecutorService pool) {
    try {
      int timeout = (int) options.callTimeout().toMillis();
      var b = ConfidentialClientApplication.builder(options.clientId(),
              ClientCredentialFactory.createFromSecret(options.clientSecret()))
          // the discovery issuer must equal this exactly, or msal4j's token cache never hits
          .oidcAuthority(options.oidcAuthority())
          .connectTimeoutForDefaultHttpClient(timeout)
          .readTimeoutForDefaultHttpClient(timeout)
          .executorService(pool);
      if (options.caPem() != null) {
        b.sslSocketFactory(PemTrust.socketFactory(options.caPem()));
      }
      return b.build();
    } catch (Exception e) {
      throw new GraphUnavailable(GraphUnavailable.TOKEN, 0, null,
          "the token client cannot be built for " + options.oidcAuthority() + ": " + e.getMessage(), e);
    }
  }

  private Instant expiry(IAuthenticationResult r) {
    return r.expiresOnDate() == null ? clock.instant().plus(Duration.ofMinutes(10)) : r.expiresOnDate().toInstant();
  }

  private Duration lifetime(AccessToken t) {
    Duration left = Duration.between(clock.instant(), t.expiresAt());
    Duration keep = left.compareTo(RENEW_BEFORE.multipliedBy(2)) > 0 ? left.minus(RENEW_BEFORE) : left.dividedBy(2);
    return keep.isNegative() ? Duration.ZERO : keep;
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof GraphUnavailable) {
      return c;
    }
    if (c instanceof java.util.concurrent.TimeoutException) {
      return new GraphUnavailable(GraphUnavailable.TOKEN, 0, null, "the token endpoint did not answer in time", c);
    }
    // msal4j's messages carry AADSTS codes and trace ids, never the secret
    return new GraphUnavailable(GraphUnavailable.TOKEN, 0, null, "no app token: " + c.getMessage(), c);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
