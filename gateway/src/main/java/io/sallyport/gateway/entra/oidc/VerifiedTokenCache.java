package io.sallyport.gateway.entra.oidc;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Verified tokens by the SHA-256 of the token, each until its own {@code exp}, bounded. An uncached
 * RS256 check costs 50–100 µs of CPU (DESIGN.md §3); with this a token's signature is checked once,
 * not once per request. Concurrent first uses of one token share one verification (Caffeine keeps
 * the in-flight future), and a rejection is never cached: the next use verifies again. Keyed by a
 * hash so the cache holds no usable bearer tokens.
 */
public final class VerifiedTokenCache {

  public static final long DEFAULT_MAX_ENTRIES = 100_000;

  private final EntraTokenVerifier verifier;
  private final Clock clock;
  private final AsyncCache<String, Outcome> cache;

  /**
   * A rejection travels as a value, not as a failed future: Caffeine logs a warning for every
   * failed load, and a flood of bad tokens must not become a flood of log lines.
   */
  private record Outcome(VerifiedToken token, Throwable failure) {}

  public VerifiedTokenCache(EntraTokenVerifier verifier, Clock clock, long maxEntries) {
    this.verifier = verifier;
    this.clock = clock;
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries)
        // the injected clock drives expiry, so tests move time instead of sleeping
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .expireAfter(new UntilExp())
        .executor(Runnable::run)
        .buildAsync();
  }

  public Future<VerifiedToken> verify(String token) {
    if (token == null || token.length() > verifier.options().maxTokenLength()) {
      return verifier.verify(token); // rejected before anything is hashed or stored
    }
    Context caller = Vertx.currentContext();
    String key = sha256(token);
    var entry = cache.get(key, (k, executor) -> verifier.verify(token)
        .transform(ar -> Future.succeededFuture(new Outcome(ar.result(), ar.cause())))
        .toCompletionStage().toCompletableFuture());
    // a verification started by another event loop completes there: come back to ours
    Future<Outcome> outcome = entry.isDone() || caller == null ? Future.fromCompletionStage(entry)
        : Future.fromCompletionStage(entry, caller);
    return outcome.compose(o -> {
      if (o.failure() == null) {
        return Future.succeededFuture(o.token());
      }
      cache.asMap().remove(key, entry); // never cached: the next use verifies again
      return Future.failedFuture(o.failure());
    });
  }

  /** Entries held now (after pending expiry work). */
  public long size() {
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }

  private final class UntilExp implements Expiry<String, Outcome> {
    @Override
    public long expireAfterCreate(String key, Outcome o, long currentTime) {
      if (o.token() == null) {
        return 0;
      }
      return Math.max(0, TimeUnit.MILLISECONDS.toNanos(o.token().expiresAt().toEpochMilli() - clock.millis()));
    }

    @Override
    public long expireAfterUpdate(String key, Outcome o, long currentTime, long currentDuration) {
      return expireAfterCreate(key, o, currentTime);
    }

    @Override
    public long expireAfterRead(String key, Outcome o, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
