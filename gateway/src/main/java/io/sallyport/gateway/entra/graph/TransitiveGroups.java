package io.sallyport.gateway.entra.graph;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET /v1.0/users/{oid}/transitiveMemberOf/microsoft.graph.group?$select=id}: the request,
 * and the group ids from its items. An item without a GUID {@code id} is not Graph's documented
 * shape: the whole answer is refused rather than half-used (fail closed).
 */
final class TransitiveGroups {

  static final String OPERATION = "groups.transitive";
  static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private TransitiveGroups() {}

  /** The first page's path and query; the oid must be a GUID (it comes from a verified token, but it goes into a path). */
  static String path(String oid, int pageSize) {
    if (oid == null || !GUID.matcher(oid).matches()) {
      throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "the token's oid is not a GUID: " + oid);
    }
    return "/v1.0/users/" + oid.toLowerCase(Locale.ROOT)
        + "/transitiveMemberOf/microsoft.graph.group?$select=id&$top=" + pageSize;
  }

  /** Lower-case group ids, in Graph's order, without duplicates. */
  static List<String> ids(List<JsonObject> items) {
    List<String> out = new ArrayList<>(items.size());
    for (JsonObject item : items) {
      Object id = item.getValue("id");
      if (!(id instanceof String s) || !GUID.matcher(s).matches()) {
        throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE,
            "a transitiveMemberOf item without a group id: " + (id == null ? "no id" : "id " + id));
      }
      String lower = s.toLowerCase(Locale.ROOT);
      if (!out.contains(lower)) {
        out.add(lower);
      }
    }
    return List.copyOf(out);
  }
}
