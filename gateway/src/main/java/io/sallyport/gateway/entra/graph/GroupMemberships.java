package io.sallyport.gateway.entra.graph;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Interner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A user's transitive group membership from Graph, for tokens in the groups-overage form. Cached
 * per user: fresh for {@code groupsTtl}; from {@code groupsTtl - refreshAhead} a request still gets
 * the cached answer while one background refresh runs; past {@code groupsTtl} an answer is used
 * only if Graph fails and only within {@code staleIfError}. Caffeine gives the single flight: one
 * Graph call per user at a time, however many requests wait for it. No caller waits longer than
 * {@code checkTimeout}; the lookup it started carries on and fills the cache.
 */
public final class GroupMemberships {

  private record Membership(List<String> groupIds, Instant fetchedAt) {}

  private final Vertx vertx;
  private final GraphClient graph;
  private final GraphOptions options;
  private final Clock clock;
  private final GraphMetrics metrics;
  private final AsyncLoadingCache<String, Membership> cache;
  // the same few thousand group ids recur in every user's list: one String each, not one per user
  private final Interner<String> ids = Interner.newWeakInterner();

  public GroupMemberships(Vertx vertx, GraphClient graph, GraphOptions options, GraphMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.graph = graph;
    this.options = options;
    this.clock = clock;
    this.metrics = metrics;
    this.cache = Caffeine.newBuilder().executor(Runnable::run)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .maximumWeight(options.maxGroupIds())
        .weigher((String oid, Membership m) -> 1 + m.groupIds().size())
        .expireAfterWrite(options.groupsTtl().plus(options.staleIfError()))
        .refreshAfterWrite(options.groupsTtl().minus(options.refreshAhead()))
        .buildAsync((oid, executor) -> load(oid));
  }

  /**
   * The group object ids (lower case) the user is in, directly or through nesting. Fails with
   * {@link GraphUnavailable} when Graph cannot say within the check timeout.
   */
  public Future<List<String>> transitiveGroupIds(String oid) {
    CompletableFuture<Membership> f;
    try {
      f = cache.get(oid);
    } catch (GraphUnavailable e) {
      return Future.failedFuture(e);
    }
    if (f.isDone() && !f.isCompletedExceptionally()) {
      Membership m = f.join();
      if (!m.fetchedAt().plus(options.groupsTtl()).isBefore(clock.instant())) {
        metrics.cache(TransitiveGroups.OPERATION, "hit");
        return Future.succeededFuture(m.groupIds());
      }
      // past its ttl, kept only for stale-if-error: Graph's fresh answer first, the old one if Graph fails
      metrics.cache(TransitiveGroups.OPERATION, "stale");
      return bounded(cache.synchronous().refresh(oid)).map(Membership::groupIds).recover(t -> {
        boolean within = !m.fetchedAt().plus(options.groupsTtl()).plus(options.staleIfError()).isBefore(clock.instant());
        return within ? Future.succeededFuture(m.groupIds()) : Future.failedFuture(t);
      });
    }
    metrics.cache(TransitiveGroups.OPERATION, "miss");
    return bounded(f).map(Membership::groupIds);
  }

  /** When the cached answer for this user was fetched, if one is held: tests wait on a background refresh with it. */
  java.util.Optional<Instant> fetchedAt(String oid) {
    return java.util.Optional.ofNullable(cache.synchronous().getIfPresent(oid)).map(Membership::fetchedAt);
  }

  private Future<Membership> bounded(CompletableFuture<Membership> f) {
    Duration limit = options.checkTimeout();
    return Deadline.bound(vertx, f, limit, () -> new GraphUnavailable(GraphUnavailable.CHECK_TIMEOUT,
            "Graph did not answer within the check timeout (" + limit.toMillis() + " ms)"))
        .recover(t -> Future.failedFuture(GraphUnavailable.of(t instanceof java.util.concurrent.CompletionException
            && t.getCause() != null ? t.getCause() : t)));
  }

  private CompletableFuture<Membership> load(String oid) {
    String path;
    try {
      path = TransitiveGroups.path(oid, options.pageSize());
    } catch (GraphUnavailable e) {
      return CompletableFuture.failedFuture(e);
    }
    return graph.list(TransitiveGroups.OPERATION, path)
        .map(items -> new Membership(TransitiveGroups.ids(items).stream().map(ids::intern).toList(), clock.instant()))
        .toCompletionStage().toCompletableFuture();
  }
}
