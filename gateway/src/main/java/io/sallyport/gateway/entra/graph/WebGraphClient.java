package io.sallyport.gateway.entra.graph;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GraphClient} over a Vert.x WebClient: non-blocking, so a Graph round trip costs a request
 * no thread. One call = up to {@code 1 + maxRetries} attempts, each bounded by the call timeout.
 * A 429 with Retry-After closes a gate for the whole client until then: other calls wait at the
 * gate (or give up) instead of spending the app's throttling budget.
 */
final class WebGraphClient implements GraphClient {

  private static final Logger LOG = LoggerFactory.getLogger(WebGraphClient.class);
  /** A Retry-After longer than this is not waited for: the call fails, the gate stays closed. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
  private static final Duration BACKOFF = Duration.ofMillis(200);
  private static final int MAX_PAGES = 100;

  private final Vertx vertx;
  private final GraphOptions options;
  private final AppTokens tokens;
  private final GraphMetrics metrics;
  private final Clock clock;
  private final WebClient web;
  /** The Graph SDK, for the writes: created with the client, loaded and connected on first use. */
  private final SdkWrites writes;
  private volatile long closedUntilMillis;
  private volatile GraphUnavailable refused;

  WebGraphClient(Vertx vertx, GraphOptions options, AppTokens tokens, GraphMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.options = options;
    this.tokens = tokens;
    this.metrics = metrics;
    this.clock = clock;
    WebClientOptions web = new WebClientOptions().setUserAgent("sallyport-gateway").setFollowRedirects(false)
        .setConnectTimeout((int) options.callTimeout().toMillis()).setKeepAlive(true);
    if (options.caPem() != null) {
      web.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(options.caPem())));
    }
    this.web = WebClient.create(vertx, web);
    this.writes = new SdkWrites(vertx, options, metrics);
  }

  @Override
  public Future<JsonObject> get(String operation, String pathAndQuery) {
    long start = System.nanoTime();
    return attempt(operation, URI.create(options.graphUrl() + pathAndQuery), 0, null)
        .andThen(ar -> done(operation, start, ar.failed() ? ar.cause() : null));
  }

  @Override
  public Future<List<JsonObject>> list(String operation, String pathAndQuery) {
    return listAs(operation, pathAndQuery, null);
  }

  @Override
  public Future<List<JsonObject>> listAs(String operation, String pathAndQuery, String delegated) {
    long start = System.nanoTime();
    List<JsonObject> items = new ArrayList<>();
    return page(operation, URI.create(options.graphUrl() + pathAndQuery), items, 1, delegated)
        .andThen(ar -> done(operation, start, ar.failed() ? ar.cause() : null));
  }

  @Override
  public Future<Reply> selfActivate(String operation, PimActivation.Request request, String userToken) {
    return writes.selfActivate(operation, request, userToken);
  }

  /** Once per call (not per waiting request: callers share calls), so an outage logs in proportion to users. */
  private void done(String operation, long start, Throwable failure) {
    metrics.call(operation, start, failure);
    if (failure != null) {
      GraphUnavailable g = GraphUnavailable.of(failure);
      LOG.warn("Graph {} failed ({}): {}", operation, g.kind(), g.getMessage());
    }
  }

  private Future<List<JsonObject>> page(String operation, URI url, List<JsonObject> items, int n,
                                        String delegated) {
    return attempt(operation, url, 0, delegated).compose(body -> {
      if (!(body.getValue("value") instanceof JsonArray value)) {
        return Future.failedFuture(new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE,
            "a Graph collection without a \"value\" array from " + url.getRawPath()));
      }
      for (Object o : value) {
        if (!(o instanceof JsonObject item)) {
          return Future.failedFuture(new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE,
              "a Graph collection item that is not an object from " + url.getRawPath()));
        }
        items.add(item);
      }
      Object link = body.getValue("@odata.nextLink");
      if (link == null) {
        return Future.succeededFuture(items);
      }
      URI next = link instanceof String s ? NextLink.onOrigin(options.graphUrl(), s) : null;
      if (next == null) {
        // following it would hand the app's token to whoever the link names
        return Future.failedFuture(new GraphUnavailable(GraphUnavailable.FOREIGN_LINK,
            "an @odata.nextLink off the configured Graph origin " + options.graphUrl() + ": " + link));
      }
      if (n >= MAX_PAGES) {
        return Future.failedFuture(new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE,
            "more than " + MAX_PAGES + " pages from " + url.getRawPath()));
      }
      return page(operation, next, items, n + 1, delegated);
    });
  }

  /** @param delegated  a user's token (on-behalf-of) to call with, or null for the app's own */
  private Future<JsonObject> attempt(String operation, URI url, int n, String delegated) {
    long gate = closedUntilMillis - clock.millis();
    if (gate > 0) {
      if (n >= options.maxRetries() + 1 || gate > MAX_RETRY_AFTER.toMillis()) {
        return Future.failedFuture(new GraphUnavailable(GraphUnavailable.THROTTLED, 429, Duration.ofMillis(gate),
            "Graph asked to wait " + gate + " ms (Retry-After)", null));
      }
      return later(gate).compose(v -> attempt(operation, url, n, delegated));
    }
    Future<String> token = delegated != null ? Future.succeededFuture(delegated)
        : tokens.token(GraphOptions.GRAPH_SCOPE);
    return token.compose(t -> send(operation, url, t, delegated == null))
        .recover(t -> retry(operation, url, n, GraphUnavailable.of(t), delegated));
  }

  private Future<JsonObject> send(String operation, URI url, String token, boolean appToken) {
    long timeout = options.callTimeout().toMillis();
    Future<HttpResponse<Buffer>> sent = web.getAbs(url.toString())
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Accept", "application/json")
        .putHeader("client-request-id", UUID.randomUUID().toString())
        .timeout(timeout).send();
    return Deadline.bound(vertx, sent, options.callTimeout(), () -> new GraphUnavailable(GraphUnavailable.TIMEOUT,
            "no answer from Graph within " + timeout + " ms"))
        .transform(ar -> {
          if (ar.failed()) {
            metrics.request(operation, 0);
            return Future.failedFuture(ar.cause() instanceof GraphUnavailable g ? g
                : new GraphUnavailable(GraphUnavailable.CONNECTION, 0, null,
                    "Graph unreachable: " + ar.cause().getClass().getSimpleName(), ar.cause()));
          }
          HttpResponse<Buffer> r = ar.result();
          metrics.request(operation, r.statusCode());
          return Future.succeededFuture(answer(r, appToken));
        }).compose(f -> f);
  }

  /** 2xx with a JSON object, or the failure it means. */
  private Future<JsonObject> answer(HttpResponse<Buffer> r, boolean appToken) {
    int status = r.statusCode();
    if (status >= 200 && status < 300) {
      try {
        JsonObject body = r.body() == null ? null : new JsonObject(r.body());
        if (body == null) {
          throw new DecodeException("empty body");
        }
        if (appToken) {
          refused = null;
        }
        return Future.succeededFuture(body);
      } catch (DecodeException | ClassCastException e) {
        return Future.failedFuture(new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, status, null,
            "Graph answered " + status + " without a JSON object", null));
      }
    }
    Duration after = RetryAfter.parse(r.getHeader("Retry-After"), clock.instant());
    String code = errorCode(r);
    String kind = status == 429 ? GraphUnavailable.THROTTLED : GraphUnavailable.STATUS;
    GraphUnavailable g = new GraphUnavailable(kind, status, after, "Graph answered " + status
        + (code == null ? "" : " " + code) + " (request-id " + r.getHeader("request-id") + ")", null);
    if (status == 429 && after != null) {
      closedUntilMillis = Math.max(closedUntilMillis, clock.millis() + after.toMillis());
    }
    if (!appToken) {
      return Future.failedFuture(g); // the user's token refused: says nothing of the app's standing
    }
    if (status == 401) {
      tokens.invalidate(GraphOptions.GRAPH_SCOPE); // revoked or expired early: the next call asks afresh
    }
    if (status == 401 || status == 403) {
      refused = g;
      LOG.warn("Microsoft Graph refused the app: {} (check its application permissions, e.g."
          + " GroupMember.Read.All, and admin consent)", g.getMessage());
    }
    return Future.failedFuture(g);
  }

  /** Retries what a retry can fix (throttling, 503/504, timeouts, dropped connections), within the budget. */
  private Future<JsonObject> retry(String operation, URI url, int n, GraphUnavailable g, String delegated) {
    boolean transientFailure = g.status() == 429 || g.status() == 503 || g.status() == 504
        || g.status() == 0 && (GraphUnavailable.TIMEOUT.equals(g.kind()) || GraphUnavailable.CONNECTION.equals(g.kind()));
    if (!transientFailure || n >= options.maxRetries()) {
      return Future.failedFuture(g);
    }
    Duration wait = g.retryAfter() != null ? g.retryAfter() : BACKOFF.multipliedBy(1L << n);
    if (wait.compareTo(MAX_RETRY_AFTER) > 0) {
      return Future.failedFuture(g);
    }
    return later(wait.toMillis()).compose(v -> attempt(operation, url, n + 1, delegated));
  }

  private Future<Void> later(long millis) {
    if (millis <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    vertx.setTimer(millis, id -> p.complete());
    return p.future();
  }

  private static String errorCode(HttpResponse<Buffer> r) {
    try {
      JsonObject e = r.body() == null ? null : new JsonObject(r.body()).getJsonObject("error");
      return e == null ? null : e.getString("code");
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public Future<Void> ready() {
    GraphUnavailable g = refused;
    if (g != null) {
      return Future.failedFuture(g.getMessage());
    }
    return tokens.token(GraphOptions.GRAPH_SCOPE).<Void>mapEmpty()
        .recover(t -> Future.failedFuture(t.getMessage()));
  }

  @Override
  public long tokenRequests() {
    return tokens.requests();
  }

  @Override
  public void close() {
    web.close();
    writes.close();
    tokens.close();
  }
}
