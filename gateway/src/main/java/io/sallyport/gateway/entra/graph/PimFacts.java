package io.sallyport.gateway.entra.graph;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A user's PIM assignments and eligibilities from Graph (app-only), cached per user and kind, the
 * pattern of {@link GroupMemberships}: fresh for {@code pimRefresh}, refreshed in the background in
 * its last fifth, past it used only if Graph fails and only within {@code staleIfError}. Single
 * flight through Caffeine; no caller waits longer than {@code checkTimeout}. Eligibilities only feed
 * the activation offer, so their failure leaves them unknown rather than failing the check.
 */
public final class PimFacts {

  /** The shortest age at which a standing that denies is fetched again at once (one user cannot drive Graph). */
  static final Duration RECHECK_AFTER = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final GraphClient graph;
  private final GraphOptions options;
  private final Clock clock;
  private final GraphMetrics metrics;
  private final AsyncLoadingCache<Key, PimStanding> cache;
  private final io.micrometer.core.instrument.Counter roleHits;
  private final io.micrometer.core.instrument.Counter groupHits;
  private final long refreshMillis;

  private record Key(String oid, PimSchedules.Kind kind) {}

  public PimFacts(Vertx vertx, GraphClient graph, GraphOptions options, GraphMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.graph = graph;
    this.options = options;
    this.clock = clock;
    this.metrics = metrics;
    this.roleHits = metrics.cacheCounter(PimSchedules.Kind.ROLES.operation, "hit");
    this.groupHits = metrics.cacheCounter(PimSchedules.Kind.GROUPS.operation, "hit");
    Duration refresh = options.pimRefresh();
    this.refreshMillis = refresh.toMillis();
    this.cache = Caffeine.newBuilder().executor(Runnable::run)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .maximumSize(100_000)
        .expireAfterWrite(refresh.plus(options.staleIfError()))
        .refreshAfterWrite(refresh.minus(refresh.dividedBy(5)))
        .buildAsync((key, executor) -> load(key));
  }

  /** The user's directory-role standing. Fails with {@link GraphUnavailable} when Graph cannot say in time. */
  public Future<PimStanding> roles(String oid) {
    return standing(new Key(oid, PimSchedules.Kind.ROLES));
  }

  /** The user's PIM-for-Groups standing. */
  public Future<PimStanding> groups(String oid) {
    return standing(new Key(oid, PimSchedules.Kind.GROUPS));
  }

  /** The cached standing when it is fresh and settled, else null: the no-allocation path of a warm check. */
  public PimStanding cachedRoles(String oid) {
    return fresh(new Key(oid, PimSchedules.Kind.ROLES));
  }

  public PimStanding cachedGroups(String oid) {
    return fresh(new Key(oid, PimSchedules.Kind.GROUPS));
  }

  /**
   * After a standing denied: Graph's answer now (the user may have just activated), unless the
   * standing is younger than {@link #RECHECK_AFTER}. Fails like {@link #roles}.
   */
  public Future<PimStanding> recheck(String oid, boolean groups, PimStanding denied) {
    Key key = new Key(oid, groups ? PimSchedules.Kind.GROUPS : PimSchedules.Kind.ROLES);
    if (denied.fetchedAt().plus(RECHECK_AFTER).isAfter(clock.instant())) {
      return Future.succeededFuture(denied);
    }
    metrics.cache(key.kind().operation, "recheck");
    // Caffeine stores a refreshed value in a callback of the refresh future registered before ours, and
    // the JDK's CompletableFuture runs the newest callback first: a caller acting on the answer (the activation
    // page sending the browser to the route) could otherwise be ahead of the cache, and the route's next
    // check would judge the standing from before the activation. Put it first; the refresh's own write
    // then sees the entry changed and is dropped.
    return bounded(cache.synchronous().refresh(key).thenApply(s -> {
      cache.put(key, CompletableFuture.completedFuture(s));
      return s;
    }));
  }

  private PimStanding fresh(Key key) {
    CompletableFuture<PimStanding> f = cache.getIfPresent(key);
    if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
      PimStanding s = f.join();
      if (s.fetchedAt().toEpochMilli() + refreshMillis >= clock.millis()) {
        (key.kind() == PimSchedules.Kind.GROUPS ? groupHits : roleHits).increment();
        return s;
      }
    }
    return null;
  }

  private Future<PimStanding> standing(Key key) {
    CompletableFuture<PimStanding> f;
    try {
      f = cache.get(key);
    } catch (GraphUnavailable e) {
      return Future.failedFuture(e);
    }
    if (f.isDone() && !f.isCompletedExceptionally()) {
      PimStanding s = f.join();
      if (!s.fetchedAt().plus(options.pimRefresh()).isBefore(clock.instant())) {
        metrics.cache(key.kind().operation, "hit");
        return Future.succeededFuture(s);
      }
      // past the refresh bound, kept only for stale-if-error: Graph's answer first, the old one if Graph fails
      metrics.cache(key.kind().operation, "stale");
      return bounded(cache.synchronous().refresh(key)).recover(t -> {
        boolean within = !s.fetchedAt().plus(options.pimRefresh()).plus(options.staleIfError())
            .isBefore(clock.instant());
        return within ? Future.succeededFuture(s) : Future.failedFuture(t);
      });
    }
    metrics.cache(key.kind().operation, "miss");
    return bounded(f);
  }

  private Future<PimStanding> bounded(CompletableFuture<PimStanding> f) {
    Duration limit = options.checkTimeout();
    return Deadline.bound(vertx, f, limit, () -> new GraphUnavailable(GraphUnavailable.CHECK_TIMEOUT,
            "Graph did not answer within the check timeout (" + limit.toMillis() + " ms)"))
        .recover(t -> Future.failedFuture(GraphUnavailable.of(t instanceof CompletionException
            && t.getCause() != null ? t.getCause() : t)));
  }

  private CompletableFuture<PimStanding> load(Key key) {
    PimSchedules.Kind kind = key.kind();
    String active;
    String eligible;
    try {
      active = PimSchedules.path(kind.assignments, kind, key.oid());
      eligible = PimSchedules.path(kind.eligibilities, kind, key.oid());
    } catch (GraphUnavailable e) {
      return CompletableFuture.failedFuture(e);
    }
    Instant asked = clock.instant();
    Future<List<PimInstance>> a = graph.list(kind.operation + ".assignments", active)
        .map(items -> PimSchedules.parse(kind, items));
    Future<List<PimInstance>> e = graph.list(kind.operation + ".eligibilities", eligible)
        .map(items -> PimSchedules.parse(kind, items))
        .otherwise((List<PimInstance>) null);
    return Future.all(a, e).map(all -> new PimStanding(a.result(), e.result(), asked))
        .toCompletionStage().toCompletableFuture();
  }
}
