package io.sallyport.gateway.entra.graph;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.OnBehalfOfParameters;
import com.microsoft.aad.msal4j.UserAssertion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * On-behalf-of through msal4j, single-flight per assertion: a Caffeine async cache keyed by the
 * assertion's SHA-256 (never the token itself) holds the one acquisition every concurrent request
 * joins, then the Graph token until shortly before it expires. msal4j blocks on HTTP: its own two
 * daemon threads, never an event loop. The application is built there, lazily.
 */
final class MsalDelegatedTokens implements DelegatedTokens {

  static final String OPERATION = "token.obo";
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

  private record Token(String value, Instant expiresAt) {}

  private final Vertx vertx;
  private final GraphOptions options;
  private final GraphMetrics metrics;
  private final Clock clock;
  private final ExecutorService pool;
  private final AsyncCache<String, Token> cache;
  private volatile ConfidentialClientApplication app;

  MsalDelegatedTokens(Vertx vertx, GraphOptions options, GraphMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.options = options;
    this.metrics = metrics;
    this.clock = clock;
    this.pool = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "sallyport-msal4j-obo");
      t.setDaemon(true);
      return t;
    });
    this.cache = Caffeine.newBuilder().executor(Runnable::run)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .expireAfter(Expiry.<String, Token>creating((k, t) -> keep(t)))
        .maximumSize(100_000).buildAsync();
  }

  @Override
  public Future<String> token(String assertion) {
    boolean[] miss = {false};
    CompletableFuture<Token> f = cache.get(sha256(assertion), (k, executor) -> {
      miss[0] = true;
      return acquire(assertion);
    });
    metrics.cache(OPERATION, miss[0] ? "miss" : "hit");
    Duration limit = options.callTimeout().multipliedBy(2);
    return Deadline.bound(vertx, f.thenApply(Token::value), limit, () -> new GraphUnavailable(GraphUnavailable.TOKEN,
            "no on-behalf-of token within " + limit.toMillis() + " ms"))
        .recover(t -> Future.failedFuture(unwrap(t)));
  }

  private CompletableFuture<Token> acquire(String assertion) {
    long start = System.nanoTime();
    return CompletableFuture.supplyAsync(this::app, pool)
        .thenCompose(a -> a.acquireToken(OnBehalfOfParameters.builder(Set.of(GraphOptions.GRAPH_SCOPE),
            new UserAssertion(assertion)).build()))
        .thenApply(r -> new Token(r.accessToken(), r.expiresOnDate() == null
            ? clock.instant().plus(Duration.ofMinutes(5)) : r.expiresOnDate().toInstant()))
        .orTimeout(options.callTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)
        .whenComplete((t, e) -> metrics.call(OPERATION, start, e == null ? null : unwrap(e)));
  }

  private ConfidentialClientApplication app() {
    ConfidentialClientApplication a = app;
    if (a != null) {
      return a;
    }
    synchronized (this) {
      if (app == null) {
        try {
          int timeout = (int) options.callTimeout().toMillis();
          var b = ConfidentialClientApplication.builder(options.clientId(),
                  ClientCredentialFactory.createFromSecret(options.clientSecret()))
              .oidcAuthority(options.oidcAuthority())
              .connectTimeoutForDefaultHttpClient(timeout)
              .readTimeoutForDefaultHttpClient(timeout)
              .executorService(pool);
          if (options.caPem() != null) {
            b.sslSocketFactory(PemTrust.socketFactory(options.caPem()));
          }
          app = b.build();
        } catch (Exception e) {
          throw new GraphUnavailable(GraphUnavailable.TOKEN, 0, null,
              "the on-behalf-of client cannot be built for " + options.oidcAuthority() + ": " + e.getMessage(), e);
        }
      }
      return app;
    }
  }

  private Duration keep(Token t) {
    Duration left = Duration.between(clock.instant(), t.expiresAt()).minus(RENEW_BEFORE);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String sha256(String s) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while (c instanceof CompletionException && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof GraphUnavailable) {
      return c;
    }
    // msal4j's messages carry AADSTS codes and trace ids, never the secret or the assertion
    return new GraphUnavailable(GraphUnavailable.TOKEN, 0, null, "no on-behalf-of token: " + c.getMessage(), c);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
