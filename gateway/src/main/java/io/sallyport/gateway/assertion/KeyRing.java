package io.sallyport.gateway.assertion;

import io.sallyport.gateway.config.AssertionConfig;
import io.sallyport.gateway.store.EventChannel;
import io.sallyport.gateway.store.SigningKeyStore;
import io.sallyport.gateway.store.StoredSigningKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's signing keys on this node. Generated keys live in the store, so every node signs
 * with the same current key and publishes the same JWKS; a rotation on one node is announced on
 * {@value #TOPIC} and every node reloads (and, should that event be missed, on a timer). An
 * operator-supplied key ({@code assertion.key-file}) replaces all of that: it alone is used.
 *
 * <p>{@link #current()} is the hot-path read: one volatile read, plus a rebuild of the in-memory
 * set when a published key's retire time has just passed.
 */
public final class KeyRing {
  public static final String TOPIC = "assertion.keys";
  /** How often every node re-reads the keys even without an event (events are at most once). */
  static final Duration REFRESH = Duration.ofSeconds(30);
  /** Retired rows are kept this long, so the key listing can show recent history. */
  static final Duration HISTORY = Duration.ofDays(1);
  private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);

  private final Vertx vertx;
  private final Supplier<AssertionConfig> config;
  private final Clock clock;
  private final AtomicReference<KeySet> stored = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile KeySet operatorSet;
  private volatile KeyPair operatorSource;
  private volatile SigningKeyStore store;
  private volatile EventChannel events;
  private EventChannel.Subscription subscription;
  private long timer = -1;

  public KeyRing(Vertx vertx, Supplier<AssertionConfig> config, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
  }

  /** Rotation is refused while an operator-supplied key is configured: the operator rotates the file. */
  public static final class OperatorKeyException extends IllegalStateException {
    OperatorKeyException() {
      super("assertion.key-file supplies the signing key; rotate by pointing key-file at a new key file");
    }
  }

  /** Loads (or, on an empty store, generates) the keys and starts listening for rotations. */
  public Future<Void> start(SigningKeyStore keyStore, EventChannel channel) {
    this.store = keyStore;
    this.events = channel;
    return reload().compose(v -> events.subscribe(TOPIC, kid -> reload()))
        .map(sub -> {
          subscription = sub;
          timer = vertx.setPeriodic(REFRESH.toMillis(), id -> reload());
          return null;
        });
  }

  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return subscription == null ? Future.succeededFuture() : subscription.close();
  }

  /** The keys to sign with and publish now; null until the first load finished. */
  public KeySet current() {
    KeyPair operatorKey = config.get().key();
    if (operatorKey != null) {
      KeySet ks = operatorSet;
      return operatorKey == operatorSource && ks != null && !ks.stale(clock.millis()) ? ks : operator(operatorKey);
    }
    KeySet ks = stored.get();
    if (ks == null && store != null && loading.compareAndSet(false, true)) {
      // started with an operator key that a reload has since removed: load the store's keys now
      // rather than at the next refresh (requests meanwhile get a 503, never an unsigned pass)
      reload().onComplete(ar -> loading.set(false));
    }
    if (ks != null && ks.stale(clock.millis())) {
      KeySet pruned = KeySet.of(ks.all(), clock.instant(), false);
      stored.compareAndSet(ks, pruned);
      return pruned;
    }
    return ks;
  }

  /** How long a replaced key stays published: assertions it signed stay valid for a lifetime, a node
   * that missed the event keeps signing with it until its next refresh. */
  static Duration overlap(Duration lifetime) {
    return lifetime.multipliedBy(2).plus(REFRESH);
  }

  /**
   * Makes a fresh key current on every node. Fails with {@link OperatorKeyException} under an
   * operator key and with the store's {@code StaleVersionException} when another rotation came first.
   */
  public Future<SigningKey> rotate() {
    if (config.get().key() != null) {
      return Future.failedFuture(new OperatorKeyException());
    }
    KeySet ks = stored.get();
    if (ks == null) {
      return Future.failedFuture(new IllegalStateException("the signing keys are not loaded yet; retry shortly"));
    }
    Instant now = clock.instant();
    Instant retireAt = now.plus(overlap(config.get().lifetime()));
    long next = ks.current().generation() + 1;
    return vertx.executeBlocking(() -> SigningKey.generate(next, now), false)
        .compose(k -> store.rotate(k.toStored(), retireAt).map(k))
        .onFailure(e -> reload())
        .compose(k -> store.deleteRetired(now.minus(HISTORY)).otherwiseEmpty()
            .compose(ignored -> reload())
            .compose(v -> events.publish(TOPIC, k.kid()).otherwiseEmpty())
            .map(v -> {
              LOG.info("assertion signing key rotated: {} (generation {}) is current; {} stays published until {}",
                  k.kid(), k.generation(), ks.current().kid(), retireAt);
              return k;
            }));
  }

  /** Re-reads the store; keeps the newer set when two reloads overlap. */
  Future<Void> reload() {
    if (config.get().key() != null || store == null) {
      return Future.succeededFuture();
    }
    return store.keys().compose(list -> list.isEmpty() ? first() : Future.succeededFuture(list))
        .compose(list -> vertx.executeBlocking(() -> parse(list), false))
        .map(keys -> {
          KeySet fresh = KeySet.of(keys, clock.instant(), false);
          stored.accumulateAndGet(fresh, (old, neu) -> old == null
              || neu.current().generation() >= old.current().generation() ? neu : old);
          return (Void) null;
        })
        .onFailure(e -> LOG.warn("assertion signing keys could not be loaded: {}", e.toString()));
  }

  /** No key anywhere: generate one on a worker; if another node stored one first, theirs wins. */
  private Future<List<StoredSigningKey>> first() {
    return vertx.executeBlocking(() -> SigningKey.generate(1, clock.instant()), false)
        .compose(k -> store.createFirst(k.toStored()))
        .compose(k -> store.keys());
  }

  private static List<SigningKey> parse(List<StoredSigningKey> rows) {
    List<SigningKey> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(SigningKey.fromStored(r)));
    return out;
  }

  /** An operator key changed by a reload keeps the previous one published for the overlap. */
  private synchronized KeySet operator(KeyPair key) {
    KeySet ks = operatorSet;
    Instant now = clock.instant();
    if (key != operatorSource) {
      List<SigningKey> keys = new ArrayList<>();
      keys.add(SigningKey.of(key, 0, now, null));
      if (ks != null && !ks.current().kid().equals(keys.get(0).kid())) {
        SigningKey old = ks.current();
        keys.add(old.retiringAt(now.plus(overlap(config.get().lifetime()))));
      }
      ks = KeySet.of(keys, now, true);
      operatorSource = key;
      operatorSet = ks;
    } else if (ks.stale(now)) {
      ks = KeySet.of(ks.all(), now, true);
      operatorSet = ks;
    }
    return ks;
  }
}
