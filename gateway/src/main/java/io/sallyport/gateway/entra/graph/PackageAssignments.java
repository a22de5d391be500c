package io.sallyport.gateway.entra.graph;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A user's delivered access package assignments from Graph (app-only), cached per user with the
 * same bounds as {@link GroupMemberships}: fresh for the facts ttl, refreshed in the background
 * ahead of it, used past it only while Graph fails and only within stale-if-error, one Graph call
 * per user at a time, no caller waiting longer than the check timeout. On demand too: a caller
 * refused by a cached answer older than {@link #RECHECK_AFTER} asks Graph once more
 * ({@link #recheck}), so a package assigned a minute ago opens the route at the next request,
 * while a refused user's retries cannot turn into one Graph call per request.
 */
public final class PackageAssignments {

  /** The youngest cached answer a deny may trigger a refetch of. */
  public static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

  /** Package id (lower case) → when the latest delivered assignment ends ({@link Instant#MAX}: never). */
  public record Delivered(Map<String, Instant> ends, Instant fetchedAt) {

    /** True when {@code packageId} (lower case) has a delivered assignment that has not ended at {@code now}. */
    public boolean holds(String packageId, Instant now) {
      Instant end = ends.get(packageId);
      return end != null && end.isAfter(now);
    }
  }

  private final Vertx vertx;
  private final GraphClient graph;
  private final GraphOptions options;
  private final Clock clock;
  private final GraphMetrics metrics;
  private final AsyncLoadingCache<String, Delivered> cache;
  private final Counter hits;
  private final long ttlMillis;

  public PackageAssignments(Vertx vertx, GraphClient graph, GraphOptions options, GraphMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.graph = graph;
    this.options = options;
    this.clock = clock;
    this.metrics = metrics;
    this.hits = metrics.cacheCounter(DeliveredPackages.OPERATION, "hit");
    this.ttlMillis = options.groupsTtl().toMillis();
    this.cache = Caffeine.newBuilder().executor(Runnable::run)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .maximumWeight(options.maxGroupIds())
        .weigher((String oid, Delivered d) -> 1 + d.ends().size())
        .expireAfterWrite(options.groupsTtl().plus(options.staleIfError()))
        .refreshAfterWrite(options.groupsTtl().minus(options.refreshAhead()))
        .buildAsync((oid, executor) -> load(oid));
  }

  /** The cached answer for the user when it is fresh: no future, no allocation (the warm path); else null. */
  public Delivered fresh(String oid) {
    CompletableFuture<Delivered> f = cache.getIfPresent(oid);
    if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
      return null;
    }
    Delivered d = f.join();
    if (clock.millis() - d.fetchedAt().toEpochMilli() > ttlMillis) {
      return null;
    }
    // getIfPresent above also started the refresh-ahead when the answer is due for one
    hits.increment();
    return d;
  }

  /** The user's delivered packages; fails with {@link GraphUnavailable} when Graph cannot say in time. */
  public Future<Delivered> lookup(String oid) {
    CompletableFuture<Delivered> f;
    try {
      f = cache.get(oid);
    } catch (GraphUnavailable e) {
      return Future.failedFuture(e);
    }
    if (f.isDone() && !f.isCompletedExceptionally()) {
      Delivered d = f.join();
      if (!d.fetchedAt().plus(options.groupsTtl()).isBefore(clock.instant())) {
        metrics.cache(DeliveredPackages.OPERATION, "hit");
        return Future.succeededFuture(d);
      }
      metrics.cache(DeliveredPackages.OPERATION, "stale");
      return refetch(oid, d);
    }
    metrics.cache(DeliveredPackages.OPERATION, "miss");
    return bounded(f);
  }

  /**
   * After a deny by {@code d}: Graph's answer now when {@code d} is older than {@link #RECHECK_AFTER},
   * else {@code d}. Graph failing leaves {@code d} standing (it already refused).
   */
  public Future<Delivered> recheck(String oid, Delivered d) {
    if (d.fetchedAt().plus(RECHECK_AFTER).isAfter(clock.instant())) {
      return Future.succeededFuture(d);
    }
    metrics.cache(DeliveredPackages.OPERATION, "recheck");
    return bounded(cache.synchronous().refresh(oid)).recover(t -> Future.succeededFuture(d));
  }

  // past its ttl: Graph's fresh answer first, the old one only within stale-if-error
  private Future<Delivered> refetch(String oid, Delivered d) {
    return bounded(cache.synchronous().refresh(oid)).recover(t -> {
      boolean within = !d.fetchedAt().plus(options.groupsTtl()).plus(options.staleIfError())
          .isBefore(clock.instant());
      return within ? Future.succeededFuture(d) : Future.failedFuture(t);
    });
  }

  private Future<Delivered> bounded(CompletableFuture<Delivered> f) {
    Duration limit = options.checkTimeout();
    return Deadline.bound(vertx, f, limit, () -> new GraphUnavailable(GraphUnavailable.CHECK_TIMEOUT,
            "Graph did not answer within the check timeout (" + limit.toMillis() + " ms)"))
        .recover(t -> Future.failedFuture(GraphUnavailable.of(t instanceof CompletionException
            && t.getCause() != null ? t.getCause() : t)));
  }

  private CompletableFuture<Delivered> load(String oid) {
    String path;
    try {
      path = DeliveredPackages.path(oid, options.pageSize());
    } catch (GraphUnavailable e) {
      return CompletableFuture.failedFuture(e);
    }
    return graph.list(DeliveredPackages.OPERATION, path)
        .map(items -> new Delivered(DeliveredPackages.ends(items), clock.instant()))
        .toCompletionStage().toCompletableFuture();
  }
}
