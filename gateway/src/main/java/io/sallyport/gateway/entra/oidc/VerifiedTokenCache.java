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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verified tokens by the SHA-256 of the token, each until its own {@code exp}, bounded. An uncached
 * RS256 check costs 50–100 µs of CPU (DESIGN.md §3); with this a token's signature is checked once,
 * not once per request. Concurrent first uses of one token share one verification (Caffeine keeps
 * the in-flight future), and a rejection is never cached: the next use verifies again. Keyed by a
 * hash so the cache holds no usable bearer tokens.
 *
 * <p>In front of it, each thread keeps its last few verified tokens ({@link RecentTokens}): a
 * repeated token is then found by one string comparison, without hashing 1.5 KB and without a
 * future chain. Those entries end at the token's {@code exp} like the cache's, and
 * {@link #invalidateAll()} voids them on every thread at once.
 */
public final class VerifiedTokenCache {

  public static final long DEFAULT_MAX_ENTRIES = 100_000;

  private final EntraTokenVerifier verifier;
  private final Clock clock;
  private final AsyncCache<Digest, Outcome> cache;
  // per cache instance, so a rebuilt tenant (a new cache) never sees the old tenant's tokens
  private final ThreadLocal<RecentTokens> recent = ThreadLocal.withInitial(RecentTokens::new);
  // the same, keyed by the whole Authorization header value that carried the token: a hit needs no
  // copy of the token out of the header (a 1.5 KB string per request, the largest allocation left)
  private final ThreadLocal<RecentTokens> recentHeaders = ThreadLocal.withInitial(RecentTokens::new);
  // bumped by every invalidation; RecentTokens entries of an older generation are void
  private final AtomicLong generation = new AtomicLong();

  /**
   * A rejection travels as a value, not as a failed future: Caffeine logs a warning for every
   * failed load, and a flood of bad tokens must not become a flood of log lines.
   */
  private record Outcome(VerifiedToken token, Throwable failure) {}

  /** The token's SHA-256 as four longs: a key with no hex string to build per request. */
  private record Digest(long a, long b, long c, long d) {}

  // MessageDigest.getInstance looks the provider up on every call; one digest per thread is reused
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  });

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
    long gen = generation.get(); // read before the lookups: an invalidation after this voids what is stored
    RecentTokens mine = recent.get();
    VerifiedToken known = mine.get(token, gen, clock.millis());
    if (known != null) {
      return Future.succeededFuture(known); // the hot path: this thread saw the token verified
    }
    Digest key = digest(token);
    known = fromCache(token, key, gen, mine);
    if (known != null) {
      return Future.succeededFuture(known); // verified before (on another thread), still before exp
    }
    Context caller = Vertx.currentContext();
    var entry = cache.get(key, (k, executor) -> verifier.verify(token)
        .transform(ar -> Future.succeededFuture(new Outcome(ar.result(), ar.cause())))
        .toCompletionStage().toCompletableFuture());
    // a verification started by another event loop completes there: come back to ours
    Future<Outcome> outcome = entry.isDone() || caller == null ? Future.fromCompletionStage(entry)
        : Future.fromCompletionStage(entry, caller);
    return outcome.compose(o -> {
      if (o.failure() == null) {
        if (clock.millis() >= o.token().expiresAt().toEpochMilli()) {
          // an entry past exp that Caffeine has not evicted yet (its timer wheel is coarse): never an
          // answer; the verifier judges the token again, with its own leeway
          cache.asMap().remove(key, entry);
          return verifier.verify(token);
        }
        return Future.succeededFuture(o.token());
      }
      cache.asMap().remove(key, entry); // never cached: the next use verifies again
      return Future.failedFuture(o.failure());
    });
  }

  /**
   * The token as verified before and still before its {@code exp}, or null when it is not known
   * (never seen, rejected, expired, invalidated, or still being verified): then call
   * {@link #verify}. Never verifies anything itself, never allocates a future.
   */
  public VerifiedToken cached(String token) {
    if (token == null || token.length() > verifier.options().maxTokenLength()) {
      return null;
    }
    long gen = generation.get();
    RecentTokens mine = recent.get();
    VerifiedToken hit = mine.get(token, gen, clock.millis());
    return hit != null ? hit : fromCache(token, digest(token), gen, mine);
  }

  /**
   * The token verified before that arrived in exactly this {@code Authorization} header value, or
   * null; the same rules as {@link #cached} (whole-value equality, generation, {@code exp}).
   */
  public VerifiedToken cachedByHeader(String header) {
    return recentHeaders.get().get(header, generation.get(), clock.millis());
  }

  /**
   * Remembers, for this thread, that {@code header} carried {@code token}, verified by a lookup that
   * began at {@code generation} (an invalidation since then voids it).
   */
  public void rememberHeader(String header, VerifiedToken token, long generation) {
    recentHeaders.get().put(header, token, generation);
  }

  /** The current invalidation generation: read it before a lookup whose result is remembered. */
  public long generation() {
    return generation.get();
  }

  /** The shared cache's completed, successful entry (remembered for this thread), or null. */
  private VerifiedToken fromCache(String token, Digest key, long gen, RecentTokens mine) {
    var cached = cache.getIfPresent(key);
    if (cached == null || !cached.isDone() || cached.isCompletedExceptionally()) {
      return null;
    }
    Outcome o = cached.getNow(null);
    if (o == null || o.failure() != null || clock.millis() >= o.token().expiresAt().toEpochMilli()) {
      return null;
    }
    mine.put(token, o.token(), gen);
    return o.token();
  }

  /**
   * Forgets every verified token, on every thread: the next use of any token is verified again.
   * For revocation (a CAE event, a compromised key) and tests.
   */
  public void invalidateAll() {
    generation.incrementAndGet(); // before the entries go: no thread can keep using a voided entry
    cache.synchronous().invalidateAll();
  }

  /** Entries held now (after pending expiry work). */
  /** The verifier behind the cache (ID tokens at sign-in are verified there, uncached). */
  public EntraTokenVerifier verifier() {
    return verifier;
  }

  public long size() {
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }

  private final class UntilExp implements Expiry<Digest, Outcome> {
    @Override
    public long expireAfterCreate(Digest key, Outcome o, long currentTime) {
      if (o.token() == null) {
        return 0;
      }
      return Math.max(0, TimeUnit.MILLISECONDS.toNanos(o.token().expiresAt().toEpochMilli() - clock.millis()));
    }

    @Override
    public long expireAfterUpdate(Digest key, Outcome o, long currentTime, long currentDuration) {
      return expireAfterCreate(key, o, currentTime);
    }

    @Override
    public long expireAfterRead(Digest key, Outcome o, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }

  private static Digest digest(String token) {
    MessageDigest md = SHA256.get();
    byte[] h = md.digest(token.getBytes(StandardCharsets.UTF_8));
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h);
    return new Digest(b.getLong(), b.getLong(), b.getLong(), b.getLong());
  }

}
