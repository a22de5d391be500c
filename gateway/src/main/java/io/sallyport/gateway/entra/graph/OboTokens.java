package io.sallyport.gateway.entra.graph;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.microsoft.aad.msal4j.ClaimsRequest;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
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
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * On-behalf-of tokens: the signed-in user's access token for Sallyport exchanged (msal4j
 * {@code acquireToken(OnBehalfOfParameters)}) for a delegated token to Graph, for calls that must be
 * made as the user (PIM {@code selfActivate}, terms-of-use acceptances). Single flight through a
 * Caffeine async cache keyed by (SHA-256 of the assertion, scope, claims): 20 concurrent requests of
 * one user make one token request. An entry lives no longer than the OBO token (less a margin) nor
 * than the assertion it came from. msal4j blocks: it runs on two daemon threads of its own.
 */
public final class OboTokens implements AutoCloseable {

  static final String OPERATION = "token.obo";
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

  /** Entra wants the user to do more (MFA, an auth context): send them to sign in with these claims. */
  public static final class InteractionRequired extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String claims;

    InteractionRequired(String message, String claims) {
      super(message, null, false, false);
      this.claims = claims;
    }

    /** The claims request (JSON) Entra returned, or null. */
    public String claims() {
      return claims;
    }
  }

  private record Key(String assertionHash, String scope, String claims) {}

  private record Token(String value, Instant expiresAt) {}

  private final Vertx vertx;
  private final GraphOptions options;
  private final GraphMetrics metrics;
  private final Clock clock;
  private final ExecutorService pool;
  private final AsyncCache<Key, Token> cache;
  private final AtomicLong requests = new AtomicLong();
  private volatile ConfidentialClientApplication app;

  public OboTokens(Vertx vertx, GraphOptions options, GraphMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.options = options;
    this.metrics = metrics;
    this.clock = clock;
    this.pool = MsalAppTokens.pool("sallyport-msal4j-obo-");
    this.cache = Caffeine.newBuilder().executor(Runnable::run)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .expireAfter(Expiry.<Key, Token>creating((k, t) -> lifetime(t)))
        .maximumSize(10_000).buildAsync();
  }

  /**
   * A delegated token for {@code scope} on behalf of the user whose token {@code assertion} is.
   *
   * @param assertionExpiry  the assertion's {@code exp}: no OBO token is kept past it
   * @param claims           a claims request to satisfy (e.g. an {@code acrs} step-up), or null
   * @return fails with {@link InteractionRequired} when Entra wants the user back at sign-in, else
   *         {@link GraphUnavailable}
   */
  public Future<String> token(String assertion, Instant assertionExpiry, String scope, String claims) {
    Key key = new Key(sha256(assertion), scope, claims);
    boolean[] miss = {false};
    CompletableFuture<Token> f = cache.get(key, (k, executor) -> {
      miss[0] = true;
      return acquire(assertion, assertionExpiry, scope, claims);
    });
    metrics.cache(OPERATION, miss[0] ? "miss" : "hit");
    Duration limit = options.callTimeout().multipliedBy(2);
    return Deadline.bound(vertx, f.thenApply(Token::value), limit, () -> new GraphUnavailable(
            GraphUnavailable.TOKEN, "no on-behalf-of token within " + limit.toMillis() + " ms"))
        .recover(t -> Future.failedFuture(typed(t)));
  }

  /**
   * Entra answers an on-behalf-of request the user's sign-in cannot satisfy with
   * {@code interaction_required} (AADSTS50079, with {@code claims}); msal4j passes it up as a plain
   * service exception for this grant, so it is recognised by its error code.
   */
  private static Throwable typed(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && !(c instanceof MsalServiceException)) {
      c = c.getCause();
    }
    if (c instanceof MsalInteractionRequiredException i) {
      return new InteractionRequired(i.getMessage(), i.claims());
    }
    if (c instanceof MsalServiceException m && ("interaction_required".equals(m.errorCode()) || m.claims() != null)) {
      return new InteractionRequired(m.getMessage(), m.claims());
    }
    Throwable g = MsalAppTokens.unwrap(t);
    return g instanceof GraphUnavailable u && u.kind().equals(GraphUnavailable.TOKEN) && u.getCause() != null
        && !(u.getCause() instanceof java.util.concurrent.TimeoutException)
        ? new GraphUnavailable(GraphUnavailable.TOKEN, 0, null, "no on-behalf-of token: " + u.getCause().getMessage(),
            u.getCause())
        : g;
  }

  /** Token requests sent so far (each a cache miss). */
  public long requests() {
    return requests.get();
  }

  private CompletableFuture<Token> acquire(String assertion, Instant assertionExpiry, String scope, String claims) {
    long start = System.nanoTime();
    requests.incrementAndGet();
    // the whole msal4j call on its pool: a thenCompose on an already completed stage would run
    // acquireToken (request building, cache lookup, claims parsing) on the calling event loop
    return CompletableFuture.supplyAsync(() -> {
          var p = OnBehalfOfParameters.builder(Set.of(scope), new UserAssertion(assertion));
          if (claims != null) {
            p.claims(ClaimsRequest.formatAsClaimsRequest(claims));
          }
          return app().acquireToken(p.build());
        }, pool)
        .thenCompose(f -> f)
        .thenApply(r -> {
          Instant exp = r.expiresOnDate() == null ? clock.instant().plus(Duration.ofMinutes(10))
              : r.expiresOnDate().toInstant();
          return new Token(r.accessToken(), assertionExpiry != null && assertionExpiry.isBefore(exp)
              ? assertionExpiry : exp);
        })
        .orTimeout(options.callTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)
        .whenComplete((t, e) -> {
          metrics.call(OPERATION, start, e == null ? null : MsalAppTokens.unwrap(e));
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
        app = MsalAppTokens.build(options, pool);
      }
      return app;
    }
  }

  private Duration lifetime(Token t) {
    Duration left = Duration.between(clock.instant(), t.expiresAt());
    Duration keep = left.compareTo(RENEW_BEFORE.multipliedBy(2)) > 0 ? left.minus(RENEW_BEFORE) : left.dividedBy(2);
    return keep.isNegative() ? Duration.ZERO : keep;
  }

  private static String sha256(String s) {
    try {
      // the key holds a hash, not the user's token: a heap dump of the cache shows no credential
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
