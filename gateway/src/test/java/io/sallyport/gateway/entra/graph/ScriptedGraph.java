package io.sallyport.gateway.entra.graph;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Graph whose delegated calls (terms of use acceptances) wait until the test answers them, so a
 * test can hold Graph "slow" while requests arrive and count how many calls they caused. App-only
 * reads answer at once: the agreement with a 90-day re-acceptance, no list items.
 */
public final class ScriptedGraph implements GraphClient {

  /** One delegated call: the token it was made with and its pending answer. */
  public record Call(String token, Promise<List<JsonObject>> answer) {}

  public final List<Call> calls = new CopyOnWriteArrayList<>();

  /** Answers call {@code i} with one acceptance of {@code agreement} recorded at {@code recorded}. */
  public void accept(int i, String agreement, Instant recorded) {
    calls.get(i).answer().complete(List.of(new JsonObject().put("agreementId", agreement).put("state", "accepted")
        .put("recordedDateTime", recorded.toString()).putNull("expirationDateTime")));
  }

  @Override
  public Future<JsonObject> get(String operation, String pathAndQuery) {
    String id = pathAndQuery.substring(pathAndQuery.lastIndexOf('/') + 1);
    return Future.succeededFuture(new JsonObject().put("id", id).put("displayName", "Terms")
        .put("userReacceptRequiredFrequency", "P90D"));
  }

  @Override
  public Future<List<JsonObject>> list(String operation, String pathAndQuery) {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<List<JsonObject>> listAs(String operation, String pathAndQuery, String delegatedToken) {
    Promise<List<JsonObject>> p = Promise.promise();
    calls.add(new Call(delegatedToken, p));
    return p.future();
  }

  @Override
  public Future<Reply> selfActivate(String operation, io.sallyport.gateway.entra.graph.PimActivation.Request request, String userToken) {
    return Future.failedFuture(new GraphUnavailable(GraphUnavailable.STATUS, "no writes here"));
  }

  @Override
  public Future<Void> ready() {
    return Future.succeededFuture();
  }

  @Override
  public void close() {}

  @Override
  public long tokenRequests() {
    return 0;
  }

  /** On-behalf-of tokens that only mark which user token they came from. */
  public static DelegatedTokens obo() {
    return assertion -> Future.succeededFuture("graph-token-for:" + assertion);
  }
}
