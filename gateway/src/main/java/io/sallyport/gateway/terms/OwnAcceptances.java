package io.sallyport.gateway.terms;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.sallyport.gateway.store.AuditEvent;
import io.sallyport.gateway.store.AuditQuery;
import io.sallyport.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Acceptances of terms shown on Sallyport's own page. They live in the audit log as
 * {@value #ACCEPTED} events (actor: the user's object id; details: agreement, tenant) rather than in
 * a table of their own: the audit log is already the durable, shared, append-only record an
 * acceptance must be (a re-acceptance is a new event, the history stays), and it is queryable by
 * type and actor newest first, which is exactly the lookup. Answers are cached per (user,
 * agreement): an acceptance for {@link #KEEP_ACCEPTED}, "none" for {@link #KEEP_NONE} only, so an
 * acceptance on another node is seen within seconds. A store that fails or is slow fails the
 * lookup (the caller denies with {@code tou.unavailable}).
 */
public final class OwnAcceptances {

  public static final String ACCEPTED = "tou.accepted";
  static final Duration KEEP_ACCEPTED = Duration.ofMinutes(5);
  static final Duration KEEP_NONE = Duration.ofSeconds(5);
  /** A user's newest acceptances read at once; an agreement accepted before 1000 others is offered again. */
  private static final int SCAN = 1000;

  private final Supplier<Store> store;
  private final Clock clock;
  private final AsyncCache<String, Optional<Instant>> cache;

  public OwnAcceptances(Supplier<Store> store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.cache = Caffeine.newBuilder().executor(Runnable::run)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .expireAfter(Expiry.<String, Optional<Instant>>creating((k, v) -> v.isPresent() ? KEEP_ACCEPTED : KEEP_NONE))
        .maximumSize(100_000).buildAsync();
  }

  /** When the user last accepted the agreement on Sallyport's page; empty if never. */
  public Future<Optional<Instant>> latest(String oid, String agreement) {
    Store s = store.get();
    if (s == null) {
      return Future.failedFuture("the store is not open");
    }
    CompletableFuture<Optional<Instant>> f = cache.get(oid + "|" + agreement, (k, e) ->
        s.audit().page(new AuditQuery(ACCEPTED, oid, null, null, SCAN, null)).map(page -> page.events().stream()
                .filter(ev -> agreement.equals(ev.details().getString("agreementId")))
                .map(AuditEvent::at).findFirst())
            .toCompletionStage().toCompletableFuture());
    io.vertx.core.Context ctx = io.vertx.core.Vertx.currentContext();
    return ctx == null ? Future.fromCompletionStage(f) : Future.fromCompletionStage(f, ctx);
  }

  /** Records an acceptance now (the audit event), then remembers it. */
  public Future<Instant> record(String tenantId, String oid, String upn, String agreement, String route,
                                String requestId) {
    Store s = store.get();
    if (s == null) {
      return Future.failedFuture("the store is not open");
    }
    Instant now = clock.instant();
    AuditEvent e = new AuditEvent(UUID.randomUUID().toString(), now, ACCEPTED, oid, route, requestId,
        new JsonObject().put("agreementId", agreement).put("tenantId", tenantId).put("upn", upn));
    return s.audit().append(e).map(v -> {
      cache.put(oid + "|" + agreement, CompletableFuture.completedFuture(Optional.of(now)));
      return now;
    });
  }
}
