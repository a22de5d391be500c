package io.sallyport.gateway.audit;

import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.store.AuditEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One decision event waiting for the store, as plain fields: the event loop copies references
 * only, and the JSON is built on the flushing worker.
 *
 * @param count      how many requests this event stands for (1 unless coalesced)
 * @param lastMillis the last coalesced request's time (equal to {@code atMillis} when count is 1)
 */
record Pending(String type, long atMillis, String route, String requestId, String method, String path, int status,
               String clientIp, String userAgent, Principal principal, List<Reason> reasons, long count,
               long lastMillis) {

  static final int MAX_USER_AGENT = 256;
  static final int MAX_PATH = 1024;

  static Pending of(Exchange ex) {
    Decision d = ex.decision;
    return new Pending(AccessEvents.of(d.verdict()), ex.startEpochMillis, ex.routeName(), ex.requestId, ex.method,
        ex.path, ex.status, ex.clientIp, ex.userAgent, d.principal(), d.reasons(), 1, ex.startEpochMillis);
  }

  Pending coalesced(long total, long last) {
    return new Pending(type, atMillis, route, requestId, method, path, status, clientIp, userAgent, principal,
        reasons, total, last);
  }

  AuditEvent toEvent(String id) {
    JsonArray why = new JsonArray();
    for (Reason r : reasons) {
      why.add(new JsonObject().put("code", r.code()).put("detail", r.detail()));
    }
    JsonObject details = new JsonObject().put("reasons", why).put("status", status).put("method", method)
        // Exchange.path is the request path without its query string, which may carry secrets
        .put("path", clip(path, MAX_PATH)).put("clientIp", clientIp).put("userAgent", clip(userAgent, MAX_USER_AGENT));
    if (principal != null) {
      JsonObject who = new JsonObject();
      putIf(who, "tid", principal.tenantId());
      putIf(who, "oid", principal.oid());
      putIf(who, "upn", principal.upn());
      putIf(who, "appId", principal.appId());
      details.put("principal", who);
      putIf(details, "sessionId", principal.sessionId());
    }
    if (!AccessEvents.ALLOWED.equals(type)) {
      details.put("count", count).put("firstAt", Instant.ofEpochMilli(atMillis).toString())
          .put("lastAt", Instant.ofEpochMilli(lastMillis).toString());
    }
    return new AuditEvent(id, Instant.ofEpochMilli(atMillis), type, actor(), route, requestId, details);
  }

  /** Who, as the audit trail's actor column: the user's (or app's) object id, else the client app. */
  private String actor() {
    if (principal == null) {
      return null;
    }
    if (principal.oid() != null) {
      return principal.oid();
    }
    return principal.appId() == null ? null : "app:" + principal.appId();
  }

  private static void putIf(JsonObject o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max) + "…";
  }
}
