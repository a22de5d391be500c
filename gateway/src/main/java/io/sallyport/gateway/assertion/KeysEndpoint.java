package io.sallyport.gateway.assertion;

import io.sallyport.gateway.http.Problem;
import io.sallyport.gateway.store.AuditEvent;
import io.sallyport.gateway.store.AuditStore;
import io.sallyport.gateway.store.StaleVersionException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Management {@value #PREFIX}: {@code GET} lists the keys (kid, state, created, retire time; never
 * private material), {@code POST .../rotate} makes a fresh key current on every node.
 */
public final class KeysEndpoint implements Handler<HttpServerRequest> {
  public static final String PREFIX = "/assertion/keys";
  private static final Logger LOG = LoggerFactory.getLogger(KeysEndpoint.class);

  static final String AUDIT_ROTATED = "assertion.key.rotated";

  private final KeyRing ring;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Supplier<AuditStore> audit;

  /** @param audit the audit trail once the store is open; null before */
  public KeysEndpoint(KeyRing ring, Clock clock, Supplier<String> ids, Supplier<AuditStore> audit) {
    this.ring = ring;
    this.clock = clock;
    this.ids = ids;
    this.audit = audit;
  }

  @Override
  public void handle(HttpServerRequest req) {
    String id = ids.get();
    String path = req.path();
    boolean list = path.equals(PREFIX) || path.equals(PREFIX + "/");
    boolean rotate = path.equals(PREFIX + "/rotate");
    if (!list && !rotate) {
      problem(req, id, new Problem(404, "management.not_found", "Not found", "No endpoint at \"" + clip(path)
          + "\"; expected GET " + PREFIX + " or POST " + PREFIX + "/rotate."));
      return;
    }
    HttpMethod expected = list ? HttpMethod.GET : HttpMethod.POST;
    if (req.method() != expected) {
      req.response().headers().set("allow", expected.name());
      problem(req, id, new Problem(405, "request.method_not_allowed", "Method not allowed", clip(path)
          + " answers " + expected.name() + " only, not " + req.method().name() + "."));
      return;
    }
    if (list) {
      KeySet keys = ring.current();
      if (keys == null) {
        problem(req, id, unavailable());
      } else {
        json(req, 200, listing(keys, clock.instant()));
      }
      return;
    }
    KeySet before = ring.current();
    ring.rotate().onComplete(ar -> {
      if (ar.succeeded()) {
        audit(id, before == null ? null : before.current().kid(), ar.result().kid());
        KeySet after = ring.current();
        json(req, 200, listing(after, clock.instant()).put("rotated", new JsonObject()
            .put("from", before == null ? null : before.current().kid()).put("to", ar.result().kid())));
      } else if (ar.cause() instanceof KeyRing.OperatorKeyException e) {
        problem(req, id, new Problem(409, "assertion.operator_key", "Operator-supplied key", e.getMessage()));
      } else if (ar.cause() instanceof StaleVersionException) {
        problem(req, id, new Problem(409, "assertion.rotation_conflict", "Rotation conflict",
            "Another rotation finished first; the keys were reloaded. Check GET " + PREFIX + " before retrying."));
      } else {
        LOG.warn("assertion key rotation failed (request {}): {}", id, ar.cause().toString());
        problem(req, id, unavailable());
      }
    });
  }

  /** Best effort: the rotation happened whether or not the trail could be written; the log says so. */
  private void audit(String requestId, String from, String to) {
    AuditStore trail = audit.get();
    if (trail == null) {
      return;
    }
    trail.append(new AuditEvent(UUID.randomUUID().toString(), clock.instant(), AUDIT_ROTATED, "management", null,
        requestId, new JsonObject().put("from", from).put("to", to)))
        .onFailure(e -> LOG.warn("audit event {} for key {} not written: {}", AUDIT_ROTATED, to, e.toString()));
  }

  static JsonObject listing(KeySet keys, Instant now) {
    JsonArray out = new JsonArray();
    for (SigningKey k : keys.all()) {
      String state = k == keys.current() ? "current"
          : keys.published().contains(k) ? "published" : "retired";
      out.add(new JsonObject().put("kid", k.kid()).put("state", state).put("algorithm", k.algorithm().name())
          .put("created", k.createdAt().toString())
          .put("retireAt", k.retireAt() == null ? null : k.retireAt().toString()));
    }
    return new JsonObject().put("source", keys.operator() ? "key-file" : "store").put("keys", out);
  }

  private static Problem unavailable() {
    return new Problem(503, "assertion.keys_unavailable", "Keys unavailable",
        "The signing keys could not be read or written; the store may be unreachable. Retry shortly.");
  }

  private static void problem(HttpServerRequest req, String id, Problem p) {
    p.send(req.response(), id, false);
  }

  private static void json(HttpServerRequest req, int status, JsonObject body) {
    req.response().setStatusCode(status).putHeader("content-type", "application/json")
        .putHeader("cache-control", "no-store").end(body.toBuffer());
  }

  private static String clip(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
