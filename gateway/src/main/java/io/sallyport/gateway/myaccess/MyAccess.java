package io.sallyport.gateway.myaccess;

import io.sallyport.gateway.entra.graph.PimInstance;
import io.sallyport.gateway.entra.graph.PimStanding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the my-access page shows for one user at one moment. A fact Graph could not give is
 * null with a {@code note} saying why: the page says "cannot say right now", never "none".
 *
 * @param roles     PIM directory roles; null when unknown
 * @param groups    PIM for Groups; null when unknown
 * @param packages  delivered access packages and their ends (null end: none); null when unknown
 * @param terms     each agreement some route requires, and its standing for this user
 * @param routes    each non-public route and the user's verdict on it
 * @param notes     why a fact is missing, per section
 */
record MyAccess(String name, String upn, String oid, Instant sessionEnds, PimStanding roles, PimStanding groups,
                Map<String, Instant> packages, List<Terms> terms, List<RouteAccess> routes, Map<String, String> notes,
                Instant at) {

  /** @param acceptedAt null when not accepted; @param until null when not accepted or unknown */
  record Terms(String agreement, String via, Instant acceptedAt, Instant until, String note) {}

  /**
   * @param path     where the route is reached (its path prefix), or null when it is matched by host only
   * @param allowed  the user would be let through now
   * @param code     the first reason's code
   * @param detail   the first reason, in words
   * @param wayLink  a link that leads through (activation, terms page, the route itself for a step-up), or null
   * @param wayText  what to do, in words (for a refusal)
   */
  record RouteAccess(String name, String path, boolean allowed, String code, String detail, String wayLink,
                     String wayText) {}

  JsonObject toJson() {
    JsonObject o = new JsonObject().put("user", new JsonObject().put("name", name).put("upn", upn).put("oid", oid))
        .put("sessionEnds", str(sessionEnds)).put("at", at.toString());
    o.put("pim", new JsonObject().put("roles", standing(roles)).put("groups", standing(groups)));
    if (packages == null) {
      o.putNull("accessPackages");
    } else {
      JsonArray p = new JsonArray();
      packages.forEach((id, end) -> p.add(new JsonObject().put("id", id).put("end", str(end))));
      o.put("accessPackages", p);
    }
    JsonArray t = new JsonArray();
    terms.forEach(x -> t.add(new JsonObject().put("agreement", x.agreement()).put("via", x.via())
        .put("acceptedAt", str(x.acceptedAt()))
        .put("until", str(x.until())).put("note", x.note())));
    o.put("termsOfUse", t);
    JsonArray r = new JsonArray();
    routes.forEach(x -> r.add(new JsonObject().put("route", x.name()).put("path", x.path()).put("allowed", x.allowed())
        .put("code", x.code()).put("detail", x.detail()).put("wayThrough", x.wayLink()).put("next", x.wayText())));
    o.put("routes", r);
    o.put("notes", new JsonObject(Map.copyOf(notes)));
    return o;
  }

  private static JsonObject standing(PimStanding s) {
    if (s == null) {
      return null;
    }
    return new JsonObject().put("active", instances(s.active()))
        .put("eligible", s.eligible() == null ? null : instances(s.eligible()));
  }

  private static JsonArray instances(List<PimInstance> list) {
    JsonArray a = new JsonArray();
    list.forEach(i -> a.add(new JsonObject().put("id", i.target()).put("qualifier", i.qualifier())
        .put("start", str(i.start())).put("end", str(i.end()))));
    return a;
  }

  /** Null for no end: Graph's far-future "no end" (Instant.MAX in the facts) is not a date to show. */
  private static String str(Instant i) {
    return i == null || endless(i) ? null : i.toString();
  }

  /** Beyond any real schedule (year 9999 and later). */
  static boolean endless(Instant i) {
    return i.isAfter(FAR);
  }

  private static final Instant FAR = Instant.parse("9999-01-01T00:00:00Z");
}
