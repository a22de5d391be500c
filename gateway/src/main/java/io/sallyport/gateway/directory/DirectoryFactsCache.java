package io.sallyport.gateway.directory;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.sallyport.gateway.store.DirectoryQuery;
import io.sallyport.gateway.store.DirectoryStore;
import io.sallyport.gateway.store.DirectoryUser;
import io.sallyport.gateway.store.EventChannel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Each caller's {@link DirectoryStanding}, in memory, so the access decision never queries the
 * store per request. Keyed by the lower-cased UPN (Entra's default mapping: userName = UPN), or by
 * the object id as externalId for a token without a UPN. A miss loads on the store's worker pool,
 * once per key however many requests wait (Caffeine's single flight); waiters give up after the
 * lookup timeout. Every node drops entries on {@link DirectoryChanges}' events and on
 * deprovisioning; the time to live bounds how long a lost event can leave a stale answer.
 *
 * <p>A failed load is kept as a value, not a failed future (Caffeine would log a warning per
 * failure during an outage), and removed as soon as it is read, so the next request retries.
 */
public final class DirectoryFactsCache {

  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_LOOKUP_TIMEOUT = Duration.ofSeconds(2);
  public static final long DEFAULT_MAX_USERS = 100_000;
  private static final char BY_EXTERNAL_ID = '\0'; // NUL cannot be in a stored userName (DirectoryMapping)

  /** A load's outcome: a standing, or why there is none. */
  record Loaded(DirectoryStanding standing, Throwable failure) {}

  private final Vertx vertx;
  private final Duration timeout;
  private final AsyncLoadingCache<String, Loaded> users;
  private final GroupNames groups;
  private final DirectoryEvents events;
  private volatile DirectoryStore directory;

  public DirectoryFactsCache(Vertx vertx) {
    this(vertx, Ticker.systemTicker(), DEFAULT_TTL, DEFAULT_MAX_USERS, DEFAULT_LOOKUP_TIMEOUT);
  }

  public DirectoryFactsCache(Vertx vertx, Ticker ticker, Duration ttl, long maxUsers, Duration timeout) {
    this.vertx = vertx;
    this.timeout = timeout;
    this.users = Caffeine.newBuilder().executor(Runnable::run).ticker(ticker).maximumSize(maxUsers)
        .expireAfterWrite(ttl).buildAsync((key, executor) -> load(key));
    this.groups = new GroupNames(() -> directory, ticker, ttl);
    this.events = new DirectoryEvents(users.synchronous(), users.asMap(), groups);
  }

  /** Reads from {@code directory} from now on and listens for changes made on any node. */
  public Future<Void> start(DirectoryStore directory, EventChannel channel) {
    this.directory = directory;
    return events.subscribe(channel);
  }

  /** The cache key for a caller: the lower-cased UPN, else the object id; null when there is neither. */
  public static String key(String upn, String oid) {
    if (upn != null) {
      return upn.toLowerCase(Locale.ROOT); // the same string when already lower case: no copy
    }
    return oid == null ? null : BY_EXTERNAL_ID + oid;
  }

  /** The standing when it is in memory, else null (then {@link #lookup}). Never touches the store. */
  public DirectoryStanding cached(String key) {
    CompletableFuture<Loaded> f = users.getIfPresent(key);
    if (f == null || !f.isDone()) {
      return null;
    }
    Loaded l = f.getNow(null);
    return l == null ? null : l.standing();
  }

  /**
   * The standing, loading it if needed; fails with {@link DirectoryUnavailable} when the store is
   * not open, fails, or does not answer within the lookup timeout. Completes on the caller's context.
   */
  public Future<DirectoryStanding> lookup(String key) {
    if (directory == null) {
      return Future.failedFuture(new DirectoryUnavailable("the store is not open yet", null));
    }
    CompletableFuture<Loaded> f = users.get(key);
    Context ctx = Vertx.currentContext();
    Future<Loaded> work = ctx == null ? Future.fromCompletionStage(f) : Future.fromCompletionStage(f, ctx);
    Promise<DirectoryStanding> out = Promise.promise();
    // bounds the wait, not the load: a slow load still fills the cache for the next request
    long timer = f.isDone() ? -1 : vertx.setTimer(Math.max(1, timeout.toMillis()), id -> out.tryFail(
        new DirectoryUnavailable("the directory did not answer within " + timeout.toMillis() + " ms", null)));
    work.onComplete(ar -> {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      Throwable failure = ar.failed() ? ar.cause() : ar.result().failure();
      if (failure != null) {
        users.asMap().remove(key, f); // the next request tries again
        out.tryFail(new DirectoryUnavailable("the directory could not be read: " + failure, failure));
      } else {
        out.tryComplete(ar.result().standing());
      }
    });
    return out.future();
  }

  private CompletableFuture<Loaded> load(String key) {
    DirectoryStore d = directory;
    Future<Optional<DirectoryUser>> user = key.charAt(0) == BY_EXTERNAL_ID
        ? d.users(DirectoryQuery.where(DirectoryQuery.Field.EXTERNAL_ID, key.substring(1), 0, 1))
            .map(p -> p.items().stream().findFirst())
        : d.userByUserName(key);
    return user.compose(found -> found.isEmpty() ? Future.succeededFuture(DirectoryStanding.UNKNOWN)
            : withGroups(d, found.get()))
        .map(s -> new Loaded(s, null))
        .otherwise(t -> new Loaded(null, t))
        .toCompletionStage().toCompletableFuture();
  }

  private Future<DirectoryStanding> withGroups(DirectoryStore d, DirectoryUser u) {
    return d.groupsOf(u.id()).compose(ids -> {
      List<Future<DirectoryStanding.Group>> named = new ArrayList<>(ids.size());
      for (String id : ids) {
        named.add(groups.get(id));
      }
      return Future.all(named).map(all -> {
        List<DirectoryStanding.Group> held = new ArrayList<>(ids.size());
        for (Future<DirectoryStanding.Group> g : named) {
          if (g.result() != null) { // deleted since: not a group any more
            held.add(g.result());
          }
        }
        return DirectoryStanding.of(u.id(), u.userName(), u.active(), held);
      });
    });
  }
}
