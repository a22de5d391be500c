package io.sallyport.gateway.entra.oidc;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's signing keys by {@code kid}. An unknown {@code kid} triggers a refetch, because
 * Entra rotates keys, but at most one per {@code refetchInterval} and only one at a time: every
 * miss during a fetch waits for that fetch, and misses after it within the interval are answered
 * from the cache. So a flood of garbage {@code kid}s costs the key endpoint one request, not one
 * per token (the DoS amplifier DESIGN.md §3 warns of). Keys older than {@code refreshInterval} are
 * refetched in the background; a failed fetch keeps the last good set.
 */
public final class JwksKeySource {

  private static final Logger LOG = LoggerFactory.getLogger(JwksKeySource.class);

  private final WebClient client;
  private final VerifierOptions options;
  private final Clock clock;
  private final AtomicLong fetches = new AtomicLong();
  private volatile Map<String, SigningKey> keys = Map.of();
  private volatile OidcMetadata metadata;
  private volatile Instant lastSuccess;
  private volatile Throwable lastFailure;
  private Instant lastAttempt; // guarded by this
  private Future<Void> inFlight; // guarded by this

  public JwksKeySource(WebClient client, VerifierOptions options, Clock clock) {
    this.client = client;
    this.options = options;
    this.clock = clock;
  }

  /**
   * The key for {@code kid}. Fails with {@link TokenRejected} ({@code authn.token_unknown_key}) when
   * the tenant does not publish it, or {@link VerifierUnavailable} when the keys cannot be fetched.
   */
  public Future<SigningKey> key(String kid) {
    SigningKey k = keys.get(kid);
    Instant now = clock.instant();
    if (k != null) {
      Instant ok = lastSuccess;
      if (ok != null && now.isAfter(ok.plus(options.refreshInterval()))) {
        refetch(now); // background: this token is served by the key we have
      }
      return Future.succeededFuture(k);
    }
    Future<Void> fetching = refetch(now);
    if (fetching == null) {
      return Future.failedFuture(missing(kid));
    }
    return fetching.transform(ignored -> {
      SigningKey found = keys.get(kid);
      return found != null ? Future.succeededFuture(found) : Future.failedFuture(missing(kid));
    });
  }

  /** How many JWKS requests were started (tests and metrics). */
  public long fetches() {
    return fetches.get();
  }

  /** The in-flight fetch, a new one, or null when rate-limited. */
  private Future<Void> refetch(Instant now) {
    Promise<Void> started;
    synchronized (this) {
      if (inFlight != null) {
        return inFlight;
      }
      if (lastAttempt != null && now.isBefore(lastAttempt.plus(options.refetchInterval()))) {
        return null;
      }
      lastAttempt = now;
      started = Promise.promise();
      inFlight = started.future();
    }
    // started outside the lock: a fetch that fails at once must not complete inside it
    fetch().onComplete(ar -> {
      synchronized (this) {
        inFlight = null;
      }
      if (ar.succeeded()) {
        keys = ar.result();
        lastSuccess = clock.instant();
        lastFailure = null;
      } else {
        lastFailure = ar.cause();
        LOG.warn("signing keys of tenant {} not refreshed; keeping {} cached key(s): {}", options.tenantId(),
            keys.size(), ar.cause().getMessage());
      }
      started.complete();
    });
    return started.future();
  }

  private Future<Map<String, SigningKey>> fetch() {
    fetches.incrementAndGet();
    OidcMetadata m = metadata;
    Future<OidcMetadata> meta = m != null ? Future.succeededFuture(m)
        : OidcMetadata.fetch(client, options).onSuccess(found -> metadata = found);
    return meta.compose(found -> client.getAbs(found.jwksUri().toString())
        .putHeader("Accept", "application/jwk-set+json, application/json")
        .timeout(options.fetchTimeout().toMillis()).send()
        .transform(ar -> ar.succeeded() ? JwkSet.parse(ar.result(), found.jwksUri())
            : Future.failedFuture(new VerifierUnavailable("JWKS " + found.jwksUri() + " failed: "
                + ar.cause().getMessage(), ar.cause()))));
  }

  /** Unknown after a fetch is a bad token; unknown because fetching failed is an outage. */
  private RuntimeException missing(String kid) {
    Throwable failure = lastFailure;
    if (failure != null) {
      return new VerifierUnavailable("the tenant's signing keys cannot be fetched (" + failure.getMessage()
          + "); key id \"" + Clip.of(kid) + "\" is not cached", failure);
    }
    return new TokenRejected(TokenRejected.UNKNOWN_KEY, "key id \"" + Clip.of(kid)
        + "\" is not one of the tenant's signing keys");
  }
}
