package io.sallyport.gateway.directory;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.sallyport.gateway.store.DirectoryStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Group id → name, shared by every user's standing: loading a user then costs two queries (the
 * user, their group ids) instead of one more per group. Dropped on {@code directory.group.changed}.
 */
final class GroupNames {
  static final long MAX_GROUPS = 50_000;

  private final AsyncLoadingCache<String, DirectoryStanding.Group> cache;

  GroupNames(Supplier<DirectoryStore> store, Ticker ticker, Duration ttl) {
    // a group that no longer exists loads as null, which Caffeine does not keep
    this.cache = Caffeine.newBuilder().executor(Runnable::run).ticker(ticker).maximumSize(MAX_GROUPS)
        .expireAfterWrite(ttl)
        .buildAsync((id, executor) -> store.get().group(id)
            .map(g -> g.map(x -> new DirectoryStanding.Group(x.id(), x.externalId(), x.displayName())).orElse(null))
            .toCompletionStage().toCompletableFuture());
  }

  /** The group, or null when it does not exist. */
  Future<DirectoryStanding.Group> get(String id) {
    return Future.fromCompletionStage(cache.get(id));
  }

  void invalidate(String id) {
    cache.synchronous().invalidate(id);
  }

  void invalidateAll() {
    cache.synchronous().invalidateAll();
  }
}
