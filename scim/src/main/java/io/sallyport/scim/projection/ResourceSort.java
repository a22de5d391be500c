package io.sallyport.scim.projection;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.filter.AttributePath;
import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.ResolvedAttribute;
import io.sallyport.scim.schema.ResourceJson;
import io.sallyport.scim.schema.Schemas;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code sortBy} / {@code sortOrder} (RFC 7644 §3.4.2.3) as a comparator over resource JSON:
 * by the attribute's type (strings per {@code caseExact}, numbers numerically, dateTimes as
 * instants, false before true); a multi-valued attribute sorts by its primary value or else its
 * first; resources without a value come last ascending and first descending. Ties fall back to
 * {@code id}, so pages of a sorted listing never overlap.
 */
public final class ResourceSort {

  private ResourceSort() {}

  /** The comparator, or empty when {@code sortBy} is absent (storage order then). */
  public static Optional<Comparator<JsonObject>> comparator(ResourceKind kind, String sortBy, String sortOrder) {
    boolean descending = descending(sortOrder);
    if (sortBy == null || sortBy.isBlank()) {
      return Optional.empty();
    }
    AttributePath path = AttributePath.parse(sortBy.strip(), ScimType.INVALID_VALUE, "sortBy");
    if (path.valueFilter() != null) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, "sortBy: '" + sortBy
          + "' has a value filter; expected an attribute path such as name.familyName");
    }
    ResolvedAttribute r = Schemas.find(kind, path).orElseThrow(() -> ScimException.badRequest(
        ScimType.INVALID_VALUE, "sortBy: unknown attribute '" + sortBy + "' for " + kind.type()));
    AttributeDef target = r.target();
    if (target.isComplex()) {
      target = target.significantValue().orElseThrow(() -> ScimException.badRequest(ScimType.INVALID_VALUE,
          "sortBy: '" + r.canonicalName() + "' is complex; expected one of its sub-attributes, such as "
              + r.canonicalName() + "." + r.target().subAttributes().get(0).name()));
    }
    AttributeDef key = target;
    Function<JsonObject, Comparable<Object>> extract = resource -> sortKey(r, key, resource);
    Comparator<JsonObject> byKey = Comparator.comparing(extract, Comparator.nullsLast(Comparator.naturalOrder()));
    if (descending) {
      byKey = byKey.reversed();
    }
    return Optional.of(byKey.thenComparing(res -> String.valueOf(res.getValue("id")), Comparator.naturalOrder()));
  }

  private static boolean descending(String sortOrder) {
    if (sortOrder == null || sortOrder.isBlank() || sortOrder.strip().equalsIgnoreCase("ascending")) {
      return false;
    }
    if (sortOrder.strip().equalsIgnoreCase("descending")) {
      return true;
    }
    throw ScimException.badRequest(ScimType.INVALID_VALUE, "sortOrder: '" + sortOrder
        + "'; expected ascending or descending");
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> sortKey(ResolvedAttribute r, AttributeDef key, JsonObject resource) {
    Object raw = r.valueIn(resource);
    if (r.attribute().multiValued()) {
      raw = primaryOrFirst(raw);
    }
    if (raw instanceof JsonObject obj) {
      raw = ResourceJson.get(obj, key.name());
    }
    Comparable<?> k = typed(raw, key);
    return (Comparable<Object>) k;
  }

  private static Object primaryOrFirst(Object raw) {
    if (!(raw instanceof JsonArray array) || array.isEmpty()) {
      return null;
    }
    for (Object v : array) {
      if (v instanceof JsonObject o) {
        Object p = ResourceJson.get(o, "primary");
        if (Boolean.TRUE.equals(p) || (p instanceof String s && s.equalsIgnoreCase("true"))) {
          return o;
        }
      }
    }
    return array.getValue(0);
  }

  /** The value as a comparable of the attribute's type, or null when absent or of another type. */
  private static Comparable<?> typed(Object v, AttributeDef def) {
    switch (def.type()) {
      case STRING, REFERENCE, BINARY -> {
        if (!(v instanceof String s)) {
          return null;
        }
        return def.caseExact() ? s : s.toLowerCase(Locale.ROOT);
      }
      case INTEGER, DECIMAL -> {
        return v instanceof Number n ? new BigDecimal(n.toString()) : null;
      }
      case DATE_TIME -> {
        return v instanceof String s ? ResourceJson.dateTime(s) : null;
      }
      case BOOLEAN -> {
        return v instanceof Boolean b ? b : v instanceof String s && (s.equalsIgnoreCase("true")
            || s.equalsIgnoreCase("false")) ? Boolean.valueOf(s.toLowerCase(Locale.ROOT)) : null;
      }
      default -> {
        return null;
      }
    }
  }
}
