package io.sallyport.gateway.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sallyport.gateway.config.SessionsConfig;
import io.sallyport.gateway.store.AuditEvent;
import io.sallyport.gateway.store.AuditStore;
import io.sallyport.gateway.store.EventChannel;
import io.sallyport.gateway.store.NotFoundException;
import io.sallyport.gateway.store.SessionStore;
import io.sallyport.gateway.store.StaleVersionException;
import io.sallyport.gateway.store.StoredSession;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions for the request path: an in-memory copy of each live session in front of the store,
 * so a request costs a map lookup, not a query. Every node hears every end ({@value #REVOKED}) and
 * change ({@value #UPDATED}) through the store's event channel and drops its copy at once; copies
 * are also re-read from the store every {@link #REVALIDATE} so an event lost in transit costs at
 * most that long. Activity is written back at most once per {@link #touchEvery()}, not per request.
 */
public final class Sessions {

  public static final String REVOKED = "session.revoked";
  public static final String UPDATED = "session.updated";
  public static final String DEPROVISIONED = "directory.user.deprovisioned";
  static final Duration REVALIDATE = Duration.ofSeconds(15);

  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

  private final SessionStore store;
  private final EventChannel events;
  private final AuditStore audit;
  private final Clock clock;
  private final Supplier<SessionsConfig> config;
  private final SessionSockets sockets;
  private final Supplier<String> ids;
  private final Cache<String, Optional<LiveSession>> cache;
  private final Map<String, Future<Optional<LiveSession>>> loading = new ConcurrentHashMap<>();
  private final Map<String, Future<LiveSession>> refreshing = new ConcurrentHashMap<>();

  public Sessions(SessionStore store, EventChannel events, AuditStore audit, Clock clock,
                  Supplier<SessionsConfig> config, SessionSockets sockets, Supplier<String> ids) {
    this.store = store;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
    this.config = config;
    this.sockets = sockets;
    this.ids = ids;
    this.cache = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(REVALIDATE)
        .ticker(() -> clock.millis() * 1_000_000L).build();
  }

  /** Subscribes to the events that end or change sessions; completes once they are live. */
  public Future<Void> start() {
    return Future.all(
        events.subscribe(REVOKED, this::dropped),
        events.subscribe(UPDATED, id -> cache.invalidate(id)),
        events.subscribe(DEPROVISIONED, this::deprovisioned)).mapEmpty();
  }

  public SessionSockets sockets() {
    return sockets;
  }

  /**
   * The live session the request's session cookie names, or null (no cookie, a malformed one, or
   * as {@link #find}): what every page of the gateway's own starts from.
   */
  public Future<LiveSession> ofRequest(io.vertx.core.http.HttpServerRequest req) {
    String id = SessionCookie.value(req, SessionCookie.name(SessionCookie.SESSION, req.isSSL()));
    return Randoms.wellFormed(id) ? find(id) : Future.succeededFuture(null);
  }

  /** The live session with this id, or null (unknown, ended, revoked). Completed at once when cached. */
  public Future<LiveSession> find(String id) {
    Optional<LiveSession> hit = cache.getIfPresent(id);
    Future<Optional<LiveSession>> found = hit != null ? Future.succeededFuture(hit) : load(id);
    if (found.isComplete() && found.succeeded()) {
      return Future.succeededFuture(usable(id, found.result()));
    }
    return found.map(o -> usable(id, o));
  }

  private LiveSession usable(String id, Optional<LiveSession> o) {
    LiveSession s = o.orElse(null);
    if (s != null && s.ended(clock.instant())) {
      cache.put(id, Optional.empty());
      return null;
    }
    return s;
  }

  private Future<Optional<LiveSession>> load(String id) {
    Future<Optional<LiveSession>> pending = loading.get(id);
    if (pending != null) {
      return pending;
    }
    Future<Optional<LiveSession>> f = store.find(id).map(o -> o.map(LiveSession::of));
    loading.put(id, f);
    return f.andThen(ar -> {
      loading.remove(id, f);
      if (ar.succeeded()) {
        cache.put(id, ar.result());
      }
    });
  }

  /** Stores a new session (a new id at every sign-in: a planted id is never promoted) and audits it. */
  public Future<LiveSession> open(LiveSession fresh, String requestId, JsonObject details) {
    return store.create(fresh.toStored()).map(stored -> {
      LiveSession s = LiveSession.of(stored);
      cache.put(s.id(), Optional.of(s));
      record("session.start", s, requestId, details);
      return s;
    });
  }

  /** A new session's limits from now. */
  public LiveSession limits(LiveSession s, Instant now) {
    SessionsConfig c = config.get();
    return new LiveSession(s.id(), s.userKey(), s.tenantId(), s.oid(), s.name(), s.upn(), s.accessToken(),
        s.refreshToken(), s.idToken(), s.accessExpiresAt(), s.csrf(), now, now, now.plus(c.idleTimeout()),
        now.plus(c.absoluteTimeout()), 0, s.asked());
  }

  /** Ends a session everywhere: revoked in the store, every node told, its WebSockets closed, audited. */
  public Future<Boolean> end(LiveSession s, String why, String requestId) {
    return store.revoke(s.id()).compose(revoked -> {
      cache.put(s.id(), Optional.empty());
      sockets.closeSession(s.id());
      record("session.end", s, requestId, new JsonObject().put("cause", why));
      return events.publish(REVOKED, s.id()).otherwise(t -> {
        LOG.warn("session end not announced to other nodes ({}); they notice within {}s", t.toString(),
            REVALIDATE.toSeconds());
        return null;
      }).map(revoked);
    });
  }

  /** Notes activity: writes the new idle expiry only when the last write is older than {@link #touchEvery()}. */
  public void seen(LiveSession used) {
    Instant now = clock.instant();
    if (Duration.between(used.lastSeenAt(), now).compareTo(touchEvery()) < 0) {
      return;
    }
    // the request may have used a copy that a refresh has replaced since: touch the newest one only
    Optional<LiveSession> cached = cache.getIfPresent(used.id());
    LiveSession s = cached == null ? null : cached.orElse(null);
    if (s == null || s.version() != used.version()
        || Duration.between(s.lastSeenAt(), now).compareTo(touchEvery()) < 0) {
      return;
    }
    Instant idle = min(now.plus(config.get().idleTimeout()), s.absoluteExpiresAt());
    // claim the write in the cache first, so concurrent requests do not all write
    cache.put(s.id(), Optional.of(s.seen(now, idle, s.version())));
    store.touch(s.id(), s.version(), now, idle).onComplete(ar -> {
      if (ar.succeeded()) {
        cache.put(s.id(), Optional.ofNullable(LiveSession.of(ar.result())));
      } else if (ar.cause() instanceof NotFoundException) {
        cache.put(s.id(), Optional.empty());
      } else {
        cache.invalidate(s.id()); // another node wrote first (or the store failed): re-read next time
      }
    });
  }

  Duration touchEvery() {
    Duration tenth = config.get().idleTimeout().dividedBy(10);
    return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
  }

  /** True when the session's access token should be renewed now. */
  public boolean needsRefresh(LiveSession s) {
    return !clock.instant().plus(config.get().refreshBefore()).isBefore(s.accessExpiresAt());
  }

  /**
   * The session with fresh tokens, one refresh per session however many requests ask. A refresh
   * token another node already used is not fatal: the store's newer copy is taken instead.
   *
   * @return fails with {@link OidcClient.GrantRefused} when the user must sign in again (the session
   *     is then ended)
   */
  public Future<LiveSession> refresh(LiveSession s, OidcClient oidc, java.util.function.Function<String,
      Future<Instant>> verifyAccess) {
    return refreshing.computeIfAbsent(s.id(), id -> doRefresh(s, oidc, verifyAccess)
        .andThen(ar -> refreshing.remove(id)));
  }

  private Future<LiveSession> doRefresh(LiveSession s, OidcClient oidc,
                                        java.util.function.Function<String, Future<Instant>> verifyAccess) {
    if (s.refreshToken() == null) {
      return Future.failedFuture(new OidcClient.GrantRefused("the session has no refresh token"));
    }
    return oidc.refresh(s.refreshToken())
        .compose(t -> verifyAccess.apply(t.accessToken()).compose(exp -> save(s.id(), t, exp, 3)))
        .compose(saved -> {
          cache.put(saved.id(), Optional.of(saved));
          return events.publish(UPDATED, saved.id()).otherwiseEmpty().map(saved);
        })
        .recover(t -> newerCopy(s).compose(newer -> {
          LOG.info("session {} of {}: refresh failed: {}", s.id().substring(0, 6), s.userKey(),
              t instanceof OidcClient.GrantRefused ? "refused by the tenant: " + clip(t.getMessage()) : t.toString());
          if (newer != null) {
            return Future.succeededFuture(newer); // another node refreshed first
          }
          if (t instanceof OidcClient.GrantRefused) {
            return end(s, "refresh_refused", null).transform(x -> Future.failedFuture(t));
          }
          return Future.failedFuture(t);
        }));
  }

  /**
   * Writes new tokens onto the newest stored copy. Entra rotates refresh tokens, so once a refresh
   * succeeded its tokens must not be lost to a concurrent write (an activity touch): re-read, retry.
   */
  private Future<LiveSession> save(String id, OidcClient.Tokens t, Instant exp, int attempts) {
    return store.find(id).compose(o -> {
      LiveSession current = o.map(LiveSession::of).orElse(null);
      if (current == null) {
        return Future.failedFuture(new OidcClient.GrantRefused("the session ended while it was refreshed"));
      }
      return store.update(current.withTokens(t.accessToken(), t.refreshToken(), exp).toStored())
          .map(LiveSession::of)
          .recover(e -> e instanceof StaleVersionException && attempts > 1 ? save(id, t, exp, attempts - 1)
              : Future.failedFuture(e));
    });
  }

  /** The stored session if it is at a newer version than {@code s} with other tokens; else null. */
  private Future<LiveSession> newerCopy(LiveSession s) {
    cache.invalidate(s.id());
    return store.find(s.id()).map(o -> o.map(LiveSession::of)
        .filter(n -> n.version() > s.version() && !n.accessToken().equals(s.accessToken())).orElse(null))
        .otherwiseEmpty();
  }

  private void dropped(String id) {
    cache.put(id, Optional.empty());
    sockets.closeSession(id);
  }

  private void deprovisioned(String payload) {
    String userName;
    try {
      userName = new JsonObject(payload).getString("userName");
    } catch (RuntimeException e) {
      return;
    }
    if (userName == null) {
      return;
    }
    String key = userName.toLowerCase(Locale.ROOT);
    // the store already revoked them (the publisher does that first); drop this node's copies
    cache.asMap().forEach((id, o) -> {
      if (o.isPresent() && o.get().userKey().equals(key)) {
        cache.put(id, Optional.empty());
      }
    });
    sockets.closeUser(key);
  }

  private void record(String type, LiveSession s, String requestId, JsonObject details) {
    JsonObject d = details.copy().put("sessionId", s.id()).put("tenantId", s.tenantId()).put("oid", s.oid())
        .put("upn", s.upn());
    audit.append(new AuditEvent(ids.get(), clock.instant(), type, s.oid() != null ? s.oid() : s.userKey(), null,
        requestId, d)).onFailure(t -> LOG.error("audit {} not written: {}", type, t.toString()));
  }

  // sign-ins in progress live in the same table, under their own key (see PendingSignIn)

  Future<Void> begin(PendingSignIn p) {
    return store.create(p.toStored(clock.instant())).mapEmpty();
  }

  /** The sign-in with this id, used up (a callback can be answered once); null when unknown. */
  Future<PendingSignIn> take(String id) {
    return store.find(id).compose(o -> {
      PendingSignIn p = o.map(PendingSignIn::of).orElse(null);
      if (p == null) {
        return Future.succeededFuture(null);
      }
      return store.revoke(id).map(first -> first ? p : null);
    });
  }

  private static String clip(String m) {
    return m == null ? "" : m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** For tests and the explain tool: the sessions of a user as stored. */
  public Future<List<StoredSession>> ofUser(String userKey) {
    return store.listForUser(userKey, 0, 50).map(io.sallyport.gateway.store.Page::items);
  }
}
