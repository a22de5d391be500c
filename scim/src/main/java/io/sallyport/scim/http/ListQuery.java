package io.sallyport.scim.http;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters of a SCIM read (RFC 7644 §3.4.2), normalised as the RFC says: startIndex
 * below 1 is 1, a negative count is 0, and count is capped at the server's page size. Parameters
 * the RFC does not define (such as Entra's {@code aadOptscim062020} flag) are ignored.
 */
record ListQuery(String filter, int startIndex, int count, String sortBy, boolean descending,
    List<String> attributes, List<String> excludedAttributes) {

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

  boolean projects() {
    return !attributes.isEmpty() || !excludedAttributes.isEmpty();
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

  /** Comma-separated, possibly repeated: {@code attributes=userName,emails&attributes=name}. */
  private static List<String> names(MultiMap params, String name) {
    List<String> names = new ArrayList<>();
    for (String value : params.getAll(name)) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          names.add(part.trim());
        }
      }
    }
    return List.copyOf(names);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
