package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.projection.Projection;
import io.sallyport.scim.projection.ResourceSort;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The query parameters of a SCIM read (RFC 7644 §3.4.2), normalised as the RFC says: startIndex
 * below 1 is 1, a negative count is 0, and count is capped at the server's page size. Parameters
 * the RFC does not define (such as Entra's {@code aadOptscim062020} flag) are ignored. The
 * attribute names are kept as sent (null when absent): only a resource kind can resolve them.
 */
record ListQuery(String filter, int startIndex, int count, String sortBy, boolean descending,
    String attributes, String excludedAttributes) {

  static ListQuery from(MultiMap params, int maxPageSize) {
    String filter = blankToNull(params.get("filter"));
    long start = integer(params, "startIndex", 1);
    long count = integer(params, "count", maxPageSize);
    String sortBy = blankToNull(params.get("sortBy"));
    String order = blankToNull(params.get("sortOrder"));
    boolean descending = false;
    if (order != null) {
      switch (order.toLowerCase(Locale.ROOT)) {
        case "ascending" -> descending = false;
        case "descending" -> descending = true;
        default -> throw ScimException.badRequest(ScimType.INVALID_VALUE,
            "sortOrder '" + order + "' is not supported; expected ascending or descending");
      }
    }
    return new ListQuery(filter, (int) Math.max(1, Math.min(start, Integer.MAX_VALUE)),
        (int) Math.max(0, Math.min(count, maxPageSize)), sortBy, descending,
        names(params, "attributes"), names(params, "excludedAttributes"));
  }

  /** Only attributes/excludedAttributes, for reads of one resource and write responses. */
  static ListQuery projectionOnly(MultiMap params) {
    return new ListQuery(null, 1, 0, null, false, names(params, "attributes"), names(params, "excludedAttributes"));
  }

  /** What to return of each resource; an unknown or malformed name is a 400 invalidValue. */
  Projection projection(ResourceKind kind) {
    return Projection.parse(kind, attributes, excludedAttributes);
  }

  /** The order of a sorted listing, empty without sortBy; sortOrder was checked by {@link #from}. */
  Optional<Comparator<JsonObject>> order(ResourceKind kind) {
    return ResourceSort.comparator(kind, sortBy, descending ? "descending" : "ascending");
  }

  private static long integer(MultiMap params, String name, long absent) {
    String raw = blankToNull(params.get(name));
    if (raw == null) {
      return absent;
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      if (raw.matches("[+-]?\\d+")) {
        return raw.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      throw ScimException.badRequest(ScimType.INVALID_VALUE, name + " '" + raw + "' is not an integer");
    }
  }

  /**
   * Comma-separated, possibly repeated ({@code attributes=userName,emails&attributes=name}): the
   * repeats are joined into one list for {@link Projection#parse}, which judges each item.
   */
  private static String names(MultiMap params, String name) {
    List<String> values = new ArrayList<>();
    for (String value : params.getAll(name)) {
      if (!value.isBlank()) {
        values.add(value);
      }
    }
    return values.isEmpty() ? null : String.join(",", values);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
