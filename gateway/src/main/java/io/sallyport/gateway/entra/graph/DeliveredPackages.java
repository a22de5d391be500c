package io.sallyport.gateway.entra.graph;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /v1.0/identityGovernance/entitlementManagement/assignments?$filter=target/objectId eq
 * '{oid}' and state eq 'delivered'&$expand=accessPackage}: the request, and the access package ids
 * it delivers with when each assignment ends ({@code schedule.expiration.endDateTime}, so a cached
 * answer stops counting an assignment the moment it ends, not a ttl later). An item that is not
 * Graph's documented shape refuses the whole answer (fail closed).
 */
final class DeliveredPackages {

  static final String OPERATION = "access_packages.assignments";
  /** The end of an assignment without one. */
  static final Instant NEVER = Instant.MAX;

  private DeliveredPackages() {}

  /** The first page's path and query; the oid must be a GUID (it goes into the filter). */
  static String path(String oid, int pageSize) {
    if (oid == null || !TransitiveGroups.GUID.matcher(oid).matches()) {
      throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "the caller's oid is not a GUID: " + oid);
    }
    // percent-encoded: spaces %20, quotes %27, slash kept (legal in a query)
    return "/v1.0/identityGovernance/entitlementManagement/assignments?$filter=target/objectId%20eq%20%27"
        + oid.toLowerCase(Locale.ROOT) + "%27%20and%20state%20eq%20%27delivered%27&$expand=accessPackage&$top="
        + pageSize;
  }

  /** Lower-case package id → the latest end among its delivered assignments ({@link #NEVER} for none). */
  static Map<String, Instant> ends(List<JsonObject> items) {
    Map<String, Instant> out = new HashMap<>();
    for (JsonObject item : items) {
      if (!"delivered".equalsIgnoreCase(item.getString("state", ""))) {
        continue; // the filter asked for delivered only; anything else never grants
      }
      Object pkg = item.getValue("accessPackage");
      Object id = pkg instanceof JsonObject p ? p.getValue("id") : null;
      if (!(id instanceof String s) || !TransitiveGroups.GUID.matcher(s).matches()) {
        throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE,
            "an assignment without an accessPackage id: " + (id == null ? "none" : id));
      }
      out.merge(s.toLowerCase(Locale.ROOT), end(item), (a, b) -> a.isAfter(b) ? a : b);
    }
    return Map.copyOf(out);
  }

  private static Instant end(JsonObject item) {
    Object schedule = item.getValue("schedule");
    Object expiration = schedule instanceof JsonObject s ? s.getValue("expiration") : null;
    Object end = expiration instanceof JsonObject e ? e.getValue("endDateTime") : null;
    if (end == null) {
      return NEVER;
    }
    try {
      return Instant.parse(end.toString());
    } catch (DateTimeParseException e) {
      throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "an assignment's endDateTime is not a time: "
          + end);
    }
  }
}
