package io.sallyport.devtenant.graph.odata;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Value semantics shared by {@code $filter} and {@code $orderby}. Values are normalized to String,
 * BigDecimal, Boolean, Instant, JsonObject, JsonArray or null before they are compared.
 */
final class FilterValues {
  private static final Pattern INSTANT_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

  private FilterValues() {}

  /** Follows a path from {@code start}; names match JSON keys case-insensitively, as Graph's do. */
  static Object resolve(Object start, List<String> segments) {
    Object current = normalize(start);
    for (String segment : segments) {
      if (segment.equalsIgnoreCase("$count")) {
        current = current instanceof JsonArray a ? BigDecimal.valueOf(a.size()) : null;
      } else if (current instanceof JsonObject o) {
        String key = key(o, segment);
        current = key == null ? null : normalize(o.getValue(key));
      } else {
        return null;
      }
    }
    return current;
  }

  /** The object's own spelling of {@code name}, exact match first; null when absent. */
  static String key(JsonObject o, String name) {
    if (o.containsKey(name)) {
      return name;
    }
    for (String k : o.fieldNames()) {
      if (k.equalsIgnoreCase(name)) {
        return k;
      }
    }
    return null;
  }

  static Object normalize(Object raw) {
    if (raw == null || raw instanceof String || raw instanceof Boolean || raw instanceof BigDecimal
        || raw instanceof Instant || raw instanceof JsonObject || raw instanceof JsonArray) {
      return raw;
    }
    if (raw instanceof Double d && !Double.isFinite(d) || raw instanceof Float f && !Float.isFinite(f)) {
      return null; // NaN and infinities are not JSON values: treat as absent
    }
    if (raw instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    return raw instanceof Enum<?> e ? e.name() : String.valueOf(raw);
  }

  /**
   * OData {@code eq}: null equals only null; strings compare case-insensitively (Graph matches enum and
   * directory values that way) and as instants when both are ISO-8601 timestamps.
   */
  static boolean equal(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof String x && b instanceof String y && x.equalsIgnoreCase(y)) {
      return true;
    }
    Integer order = compare(a, b);
    return order != null && order == 0;
  }

  /** Ordering for gt/ge/lt/le and $orderby; null when the two values cannot be ordered. */
  static Integer compare(Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    Instant ia = instant(a);
    Instant ib = instant(b);
    if (ia != null && ib != null) {
      return ia.compareTo(ib);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareToIgnoreCase(y);
    }
    return null;
  }

  /** The value as an instant when it is one or is a string shaped like one; else null. */
  static Instant instant(Object v) {
    if (v instanceof Instant i) {
      return i;
    }
    if (!(v instanceof String s) || !INSTANT_SHAPE.matcher(s).matches()) {
      return null;
    }
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s.toUpperCase(Locale.ROOT), Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
