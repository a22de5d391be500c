package io.sallyport.gateway.entra.graph;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Microsoft Graph, as the gateway uses it: GETs of small documented JSON shapes, with the app's
 * token, a per-call timeout, Retry-After honoured on 429/503/504, and metrics per operation. Every
 * failure is a {@link GraphUnavailable}. Reads use a non-blocking client (the per-request facts);
 * the rare writes use the Graph SDK v6 on a worker pool; both behind this one interface. Built by
 * {@link TenantGraph}.
 */
public interface GraphClient extends AutoCloseable {

  /**
   * GET {@code {graphUrl}{pathAndQuery}}.
   *
   * @param operation     the metrics label, stable and low-cardinality ({@code groups.transitive})
   * @param pathAndQuery  starts with {@code /v1.0/}; already percent-encoded
   */
  Future<JsonObject> get(String operation, String pathAndQuery);

  /** A collection: every page's {@code value} items, following {@code @odata.nextLink} on the Graph origin only. */
  Future<List<JsonObject>> list(String operation, String pathAndQuery);

  /**
   * As {@link #list}, called with {@code delegatedToken} (a user's Graph token, on-behalf-of) instead
   * of the app's: for what Graph serves to delegated callers only (terms of use acceptances).
   */
  Future<List<JsonObject>> listAs(String operation, String pathAndQuery, String delegatedToken);
  /** A Graph answer of any status, for a write whose refusals carry meaning (PIM policy rules). */
  record Reply(int status, JsonObject body) {
    /** Graph's {@code error.code}, or null. */
    public String errorCode() {
      JsonObject e = body == null ? null : body.getJsonObject("error");
      return e == null ? null : e.getString("code");
    }

    public String errorMessage() {
      JsonObject e = body == null ? null : body.getJsonObject("error");
      return e == null ? "" : e.getString("message", "");
    }
  }

  /**
   * A PIM {@code selfActivate} request as the user ({@code userToken}: their Graph token, on-behalf-of),
   * sent once through the Graph SDK on a worker pool: a write is not retried (it may have happened).
   * Fails with {@link GraphUnavailable} only when Graph gave no usable answer (none in time, 429, 5xx).
   */
  Future<Reply> selfActivate(String operation, PimActivation.Request request, String userToken);

  /** Ready when an app token can be had and Graph has not refused the app (401/403) since the last success. */
  Future<Void> ready();

  @Override
  void close();

  /** Token requests this client's token source sent so far (each one a token-cache miss). */
  long tokenRequests();
}
