package io.sallyport.gateway.assertion;

import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The assertion's claims. Names follow Entra's where they mean the same thing (oid, tid, name,
 * upn, appid, groups), so an app that read Entra tokens reads these without a mapping table.
 */
final class Claims {
  private Claims() {}

  static JsonObject of(String issuer, Route route, Decision decision, Principal p, long iat, long exp) {
    JsonObject c = new JsonObject()
        .put("iss", issuer)
        .put("aud", route.config().assertionAudience())
        .put("sub", p.oid() != null ? p.oid() : p.appId())
        // no nbf: it would equal iat, and every byte here is carried on every upstream request
        .put("iat", iat)
        .put("exp", exp)
        .put("tid", p.tenantId());
    putIfPresent(c, "oid", p.oid());
    putIfPresent(c, "name", p.name());
    putIfPresent(c, "upn", p.upn());
    // appid marks an app-only caller; a user's token names its client too, but the user is the caller
    if (p.upn() == null && p.appId() != null) {
      c.put("appid", p.appId());
    }
    c.put("groups", new JsonArray(p.groups()));
    c.put("route", route.name());
    putIfPresent(c, "sid", p.sessionId());
    JsonArray reasons = new JsonArray();
    for (Reason r : decision.reasons()) {
      reasons.add(r.code());
    }
    c.put("decision", new JsonObject().put("verdict", decision.verdict().label()).put("reasons", reasons));
    return c;
  }

  private static void putIfPresent(JsonObject c, String name, String value) {
    if (value != null) {
      c.put(name, value);
    }
  }
}
