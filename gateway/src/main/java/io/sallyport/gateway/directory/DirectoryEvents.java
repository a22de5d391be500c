package io.sallyport.gateway.directory;

import com.github.benmanes.caffeine.cache.Cache;
import io.sallyport.gateway.store.EventChannel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns directory events from any node into cache invalidations. Users are dropped by key
 * (userName, externalId) where the event names them, else by SCIM id with one pass over the cache;
 * entries still loading are dropped too, since they may have read the store before the write.
 * An event that cannot be read drops everything: cheaper than a wrong answer.
 */
final class DirectoryEvents {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryEvents.class);

  private final Cache<String, DirectoryFactsCache.Loaded> users;
  private final Map<String, CompletableFuture<DirectoryFactsCache.Loaded>> loading;
  private final GroupNames groups;

  DirectoryEvents(Cache<String, DirectoryFactsCache.Loaded> users,
                  Map<String, CompletableFuture<DirectoryFactsCache.Loaded>> loading, GroupNames groups) {
    this.users = users;
    this.loading = loading;
    this.groups = groups;
  }

  Future<Void> subscribe(EventChannel channel) {
    return Future.all(channel.subscribe(DirectoryChanges.USER_TOPIC, this::user),
        channel.subscribe(DirectoryChanges.GROUP_TOPIC, this::group),
        channel.subscribe(Deprovisioning.TOPIC, this::user)).mapEmpty();
  }

  /** {@code {"id","userNames":[..],"externalId"}}, {@code {"id","userName"}} or {@code {"ids":[..]}}. */
  void user(String payload) {
    try {
      JsonObject o = new JsonObject(payload);
      Set<String> ids = new HashSet<>();
      JsonArray many = o.getJsonArray("ids");
      if (many != null) {
        many.forEach(id -> ids.add((String) id));
      }
      if (o.getString("id") != null) {
        ids.add(o.getString("id"));
      }
      JsonArray names = o.getJsonArray("userNames", new JsonArray());
      if (o.getString("userName") != null) {
        names.add(o.getString("userName"));
      }
      names.forEach(n -> users.invalidate(DirectoryFactsCache.key((String) n, null)));
      if (o.getString("externalId") != null) {
        users.invalidate(DirectoryFactsCache.key(null, o.getString("externalId")));
      }
      drop(s -> ids.contains(s.id()));
    } catch (RuntimeException e) {
      everything(e);
    }
  }

  /** {@code {"id"}}: a group renamed or deleted; every user holding it is re-read. */
  void group(String payload) {
    try {
      String id = new JsonObject(payload).getString("id");
      groups.invalidate(id);
      drop(s -> s.groups().stream().anyMatch(g -> g.id().equals(id)));
    } catch (RuntimeException e) {
      everything(e);
    }
  }

  private void drop(Predicate<DirectoryStanding> affected) {
    loading.forEach((key, f) -> {
      DirectoryFactsCache.Loaded l = f.isDone() && !f.isCompletedExceptionally() ? f.getNow(null) : null;
      if (!f.isDone() || l != null && l.standing() != null && affected.test(l.standing())) {
        loading.remove(key, f);
      }
    });
  }

  private void everything(RuntimeException e) {
    LOG.warn("directory: unreadable event ({}); dropping every cached standing", e.toString());
    users.invalidateAll();
    groups.invalidateAll();
  }
}
