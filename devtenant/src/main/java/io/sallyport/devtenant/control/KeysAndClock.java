package io.sallyport.devtenant.control;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.crypto.SigningKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;

/**
 * Signing-key rollover (rotate with an overlap, retire rotated-out keys now) and the scenario clock
 * (read it, move it forward). A new RSA key takes tens of milliseconds to generate, so rotation runs
 * on a worker thread.
 */
final class KeysAndClock {

  private final Context ctx;

  KeysAndClock(Context ctx) {
    this.ctx = ctx;
  }

  void keys(RoutingContext rc) {
    Replies.ok(rc, keyState(ctx.keys().published()));
  }

  void rotate(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, true, "overlap-seconds");
    Long overlap = b.has("overlap-seconds") ? b.integer("overlap-seconds") : 300L;
    if (overlap < 0) {
      throw JsonBody.invalid("overlap-seconds", "zero or more seconds", overlap);
    }
    ctx.vertx().executeBlocking(() -> ctx.keys().rotate(Duration.ofSeconds(overlap)), false)
        .onSuccess(k -> Replies.ok(rc, keyState(ctx.keys().published())))
        .onFailure(rc::fail);
  }

  void retire(RoutingContext rc) {
    JsonBody.of(rc, true);
    int retired = ctx.keys().retireAll();
    Replies.ok(rc, keyState(ctx.keys().published()).put("retired", retired));
  }

  void clock(RoutingContext rc) {
    Replies.ok(rc, TenantView.clock(ctx));
  }

  void advance(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, false, "seconds", "duration");
    if (b.has("seconds") == b.has("duration")) {
      throw ControlError.badRequest("invalid_body", "give exactly one of \"seconds\" (an integer) or \"duration\" "
          + "(ISO-8601, e.g. PT1H)");
    }
    Duration by = b.has("seconds") ? Duration.ofSeconds(b.integer("seconds")) : b.duration("duration");
    if (by.isNegative()) {
      throw ControlError.badRequest("invalid_value", "the scenario clock only moves forward; got "
          + (b.has("seconds") ? b.integer("seconds") + " seconds" : "\"" + b.string("duration") + "\""));
    }
    ctx.clock().advance(by);
    Replies.ok(rc, TenantView.clock(ctx));
  }

  private static JsonObject keyState(List<SigningKey> published) {
    JsonArray retiring = new JsonArray();
    published.stream().skip(1).forEach(k -> retiring.add(k.kid()));
    return new JsonObject().put("kid", published.get(0).kid()).put("retiring", retiring);
  }
}
