package io.sallyport.gateway.entra.graph;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Terms of use facts from Graph. A user's acceptances ({@code GET /me/agreementAcceptances}) are
 * readable with a delegated token only (Graph: "Application: Not supported"), so they are fetched
 * on behalf of the user with the token they brought, cached per user (one call serves every
 * agreement), fresh for the facts ttl, past it used only while Graph fails and within
 * stale-if-error. Since only a request brings the user's token, the refresh ahead of the ttl is
 * started by a request that finds the answer in the ttl's last {@code refreshAhead}
 * ({@link #refreshAhead}); that request, and every other, goes on with the cached answer, so a slow
 * Graph does not hold up users whose acceptances are cached. Agreements (their re-acceptance rules)
 * are read with the app's token and cached for the same ttl. No caller waits longer than the check
 * timeout; one Graph call per key at a time.
 */
public final class TermsFacts {

  static final String ACCEPTANCES = "tou.acceptances";
  static final String AGREEMENT = "tou.agreement";
  /** The youngest cached answer a "not accepted" may trigger a refetch of. */
  public static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

  /** One acceptance: state {@code accepted} or {@code declined}; {@code expires} null when Graph gives none. */
  public record Acceptance(String agreementId, String state, Instant recorded, Instant expires) {}

  /** A user's acceptances by agreement id (lower case), as fetched at {@code fetchedAt}. */
  public record Acceptances(Map<String, Acceptance> byAgreement, Instant fetchedAt) {}

  private final Vertx vertx;
  private final GraphClient graph;
  private final DelegatedTokens obo;
  private final GraphOptions options;
  private final Clock clock;
  private final GraphMetrics metrics;
  private final AsyncCache<String, Acceptances> acceptances;
  private final AsyncLoadingCache<String, Agreement> agreements;
  /** The refetch running per user: what makes a refetch single flight (Caffeine's own covers only a miss). */
  private final Map<String, CompletableFuture<Acceptances>> refetching = new ConcurrentHashMap<>();
  private final Counter hits;
  private final long ttlMillis;
  private final long refreshAtMillis;

  public TermsFacts(Vertx vertx, GraphClient graph, DelegatedTokens obo, GraphOptions options, GraphMetrics metrics,
                    Clock clock) {
    this.vertx = vertx;
    this.graph = graph;
    this.obo = obo;
    this.options = options;
    this.clock = clock;
    this.metrics = metrics;
    this.hits = metrics.cacheCounter(ACCEPTANCES, "hit");
    this.ttlMillis = options.groupsTtl().toMillis();
    this.refreshAtMillis = options.groupsTtl().minus(options.refreshAhead()).toMillis();
    this.acceptances = Caffeine.newBuilder().executor(Runnable::run)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .maximumSize(options.maxGroupIds())
        .expireAfterWrite(options.groupsTtl().plus(options.staleIfError()))
        .buildAsync();
    this.agreements = Caffeine.newBuilder().executor(Runnable::run)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .maximumSize(1000)
        .expireAfterWrite(options.groupsTtl().plus(options.staleIfError()))
        .refreshAfterWrite(options.groupsTtl().minus(options.refreshAhead()))
        .buildAsync((id, executor) -> graph.get(AGREEMENT, "/v1.0/identityGovernance/termsOfUse/agreements/" + id)
            .map(Agreement::of).toCompletionStage().toCompletableFuture());
  }

  /** The user's acceptances when cached and fresh, counted as a hit; else null (the caller takes the full path). */
  public Acceptances peek(String oid) {
    CompletableFuture<Acceptances> f = acceptances.getIfPresent(oid);
    if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
      return null;
    }
    Acceptances a = f.join();
    if (clock.millis() - a.fetchedAt().toEpochMilli() > ttlMillis) {
      return null;
    }
    hits.increment();
    return a;
  }

  /** True when {@code a} is in the last {@code refreshAhead} of its ttl: time to fetch the next answer. */
  public boolean due(Acceptances a) {
    return clock.millis() - a.fetchedAt().toEpochMilli() > refreshAtMillis;
  }

  /**
   * Refetches the user's acceptances in the background unless a refetch of them runs already; the
   * caller goes on with the answer it has. The new answer replaces the cached one; a failure leaves
   * it, bounded by its ttl and stale-if-error as before. {@code assertion} (the user's token for
   * Sallyport, possibly read from their session) is asked for only when a refetch starts.
   */
  public void refreshAhead(String oid, Supplier<Future<String>> assertion) {
    if (!refetching.containsKey(oid)) {
      reload(oid, assertion);
    }
  }

  /** The agreement when cached; else null. */
  public Agreement peekAgreement(String id) {
    CompletableFuture<Agreement> f = agreements.getIfPresent(id);
    return f == null || !f.isDone() || f.isCompletedExceptionally() ? null : f.join();
  }

  /** Until when {@code a} counts under the agreement's rules and its own expiry; null when it does not. */
  public static Instant until(Acceptance a, Agreement agreement) {
    if (a == null || !"accepted".equals(a.state())) {
      return null;
    }
    Instant until = agreement.validUntil(a.recorded());
    return a.expires() != null && a.expires().isBefore(until) ? a.expires() : until;
  }

  /** The agreement's rules (app-only; id must be a GUID, checked by the config). */
  public Future<Agreement> agreement(String id) {
    CompletableFuture<Agreement> f = agreements.get(id.toLowerCase(Locale.ROOT));
    // the warm path: a cached agreement without the deadline's timer and future chain
    return f.isDone() && !f.isCompletedExceptionally() ? Future.succeededFuture(f.join()) : bounded(f);
  }

  /**
   * The user's acceptances; {@code assertion} is their token for Sallyport, exchanged on behalf of
   * them only when Graph must be asked.
   *
   * @param recheck  true after a "not accepted": ask Graph again when the cached answer is older
   *                 than {@link #RECHECK_AFTER}, or older than {@code since}
   * @param since    when the user last signed in (a step-up to accept the terms is a new sign-in), or null
   */
  public Future<Acceptances> acceptances(String oid, Supplier<String> assertion, boolean recheck, Instant since) {
    CompletableFuture<Acceptances> f = acceptances.getIfPresent(oid);
    Instant now = clock.instant();
    Supplier<Future<String>> token = () -> Future.succeededFuture(assertion.get());
    if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
      Acceptances a = f.join();
      boolean fresh = !a.fetchedAt().plus(options.groupsTtl()).isBefore(now);
      boolean young = a.fetchedAt().plus(RECHECK_AFTER).isAfter(now)
          // stored sign-in times keep microseconds at best: compare in milliseconds, a tie rechecks
          && (since == null || a.fetchedAt().truncatedTo(ChronoUnit.MILLIS).isAfter(since.truncatedTo(ChronoUnit.MILLIS)));
      if (fresh && (!recheck || young)) {
        hits.increment();
        if (due(a)) {
          refreshAhead(oid, token);
        }
        return Future.succeededFuture(a);
      }
      metrics.cache(ACCEPTANCES, fresh ? "recheck" : "stale");
      boolean within = !a.fetchedAt().plus(options.groupsTtl()).plus(options.staleIfError()).isBefore(now);
      return bounded(reload(oid, token)).recover(t -> fresh || within ? Future.succeededFuture(a)
          : Future.failedFuture(t));
    }
    metrics.cache(ACCEPTANCES, "miss");
    return bounded(f != null ? f : acceptances.get(oid, (k, e) -> load(token)));
  }

  /** One refetch per user at a time: a caller arriving while one runs gets that one. */
  private CompletableFuture<Acceptances> reload(String oid, Supplier<Future<String>> assertion) {
    CompletableFuture<Acceptances> mine = new CompletableFuture<>();
    CompletableFuture<Acceptances> running = refetching.putIfAbsent(oid, mine);
    if (running != null) {
      return running;
    }
    load(assertion).whenComplete((a, t) -> {
      if (t == null) {
        // replaces the entry only on success: a failed refetch leaves the old answer for stale-if-error;
        // put before the refetch is forgotten, so no caller in between finds neither
        acceptances.put(oid, CompletableFuture.completedFuture(a));
      }
      refetching.remove(oid, mine);
      if (t == null) {
        mine.complete(a);
      } else {
        mine.completeExceptionally(t);
      }
    });
    return mine;
  }

  private CompletableFuture<Acceptances> load(Supplier<Future<String>> assertion) {
    Future<String> token;
    try {
      token = assertion.get();
    } catch (RuntimeException e) {
      token = Future.failedFuture(e);
    }
    return token.compose(t -> t != null ? obo.token(t) : Future.failedFuture(new GraphUnavailable(
            GraphUnavailable.TOKEN, "no token of the user to ask Graph on their behalf")))
        .compose(t -> graph.listAs(ACCEPTANCES, "/v1.0/me/agreementAcceptances", t))
        .map(items -> new Acceptances(parse(items), clock.instant()))
        .toCompletionStage().toCompletableFuture();
  }

  static Map<String, Acceptance> parse(List<JsonObject> items) {
    Map<String, Acceptance> out = new HashMap<>();
    for (JsonObject o : items) {
      String agreement = o.getString("agreementId");
      String state = o.getString("state");
      if (agreement == null || state == null || o.getString("recordedDateTime") == null) {
        throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "an agreementAcceptance without agreementId,"
            + " state or recordedDateTime");
      }
      try {
        String exp = o.getString("expirationDateTime");
        Acceptance a = new Acceptance(agreement.toLowerCase(Locale.ROOT), state.toLowerCase(Locale.ROOT),
            Instant.parse(o.getString("recordedDateTime")), exp == null ? null : Instant.parse(exp));
        // per-device acceptances may give several: the newest decides
        out.merge(a.agreementId(), a, (x, y) -> x.recorded().isAfter(y.recorded()) ? x : y);
      } catch (RuntimeException e) {
        throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "an agreementAcceptance time is not a time");
      }
    }
    return Map.copyOf(out);
  }

  private <T> Future<T> bounded(CompletableFuture<T> f) {
    Duration limit = options.checkTimeout();
    return Deadline.bound(vertx, f, limit, () -> new GraphUnavailable(GraphUnavailable.CHECK_TIMEOUT,
            "Graph did not answer within the check timeout (" + limit.toMillis() + " ms)"))
        .recover(t -> Future.failedFuture(GraphUnavailable.of(t instanceof CompletionException
            && t.getCause() != null ? t.getCause() : t)));
  }

  /** Closes the on-behalf-of client's threads. */
  void close() {
    obo.close();
  }
}
