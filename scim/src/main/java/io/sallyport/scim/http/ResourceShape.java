package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.filter.AttributePath;
import io.sallyport.scim.schema.ResolvedAttribute;
import io.sallyport.scim.schema.ResourceJson;
import io.sallyport.scim.schema.Schemas;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code attributes}/{@code excludedAttributes} (RFC 7644 §3.4.2.5) and {@code sortBy} (§3.4.2.3)
 * over rendered resources, with names resolved against the schemas (any case, URN-qualified or
 * not). {@code id} and {@code schemas} are always returned; names the schemas do not know are
 * ignored in projections, as the RFC's "returned" rules leave them nothing to select, and refused
 * in sortBy, which must name something to order by.
 */
final class ResourceShape {

  private static final String CORE_ALWAYS = "id";

  private ResourceShape() {}

  static JsonObject project(ResourceKind kind, JsonObject resource, ListQuery query) {
    if (!query.attributes().isEmpty()) {
      JsonObject out = new JsonObject().put("schemas", resource.getValue("schemas")).put(CORE_ALWAYS, resource.getValue("id"));
      for (String name : query.attributes()) {
        resolve(kind, name).ifPresent(r -> copy(resource, out, r));
      }
      return out;
    }
    if (query.excludedAttributes().isEmpty()) {
      return resource;
    }
    JsonObject out = resource.copy();
    for (String name : query.excludedAttributes()) {
      resolve(kind, name).ifPresent(r -> remove(out, r));
    }
    return out;
  }

  static Comparator<JsonObject> sort(ResourceKind kind, String sortBy, boolean descending) {
    ResolvedAttribute r = AttributePath.parse(sortBy, ScimType.INVALID_VALUE, "sortBy").resolve(kind, ScimType.INVALID_VALUE);
    boolean caseExact = r.target().caseExact();
    Comparator<Object> values = (a, b) -> compare(a, b, caseExact);
    Comparator<Object> ordered = descending ? values.reversed() : values;
    // resources without a value come last in either order
    return Comparator.comparing((JsonObject res) -> sortValue(res, r), Comparator.nullsLast(ordered));
  }

  private static Optional<ResolvedAttribute> resolve(ResourceKind kind, String name) {
    try {
      return Schemas.find(kind, AttributePath.parse(name, ScimType.INVALID_VALUE, "attributes"));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void copy(JsonObject from, JsonObject to, ResolvedAttribute r) {
    JsonObject source = r.extension() ? ResourceJson.object(from, r.schema().id()) : from;
    if (source == null) {
      return;
    }
    JsonObject target = to;
    if (r.extension()) {
      target = to.getJsonObject(r.schema().id());
      if (target == null) {
        target = new JsonObject();
        to.put(r.schema().id(), target);
      }
    }
    String key = ResourceJson.key(source, r.attribute().name());
    if (key == null) {
      return;
    }
    Object value = source.getValue(key);
    if (r.subAttribute() == null || value == null) {
      target.put(key, value);
    } else if (value instanceof JsonArray array) {
      JsonArray picked = target.getValue(key) instanceof JsonArray existing ? existing : new JsonArray();
      for (int i = 0; i < array.size(); i++) {
        JsonObject element = picked.size() > i ? picked.getJsonObject(i) : new JsonObject();
        pick(array.getJsonObject(i), element, r.subAttribute().name());
        if (picked.size() <= i) {
          picked.add(element);
        }
      }
      target.put(key, picked);
    } else if (value instanceof JsonObject complex) {
      JsonObject picked = target.getValue(key) instanceof JsonObject existing ? existing : new JsonObject();
      pick(complex, picked, r.subAttribute().name());
      target.put(key, picked);
    }
  }

  private static void pick(JsonObject from, JsonObject to, String sub) {
    String key = from == null ? null : ResourceJson.key(from, sub);
    if (key != null) {
      to.put(key, from.getValue(key));
    }
  }

  private static void remove(JsonObject resource, ResolvedAttribute r) {
    if (!r.extension() && r.subAttribute() == null && r.attribute().name().equals("id")) {
      return;
    }
    JsonObject container = r.extension() ? ResourceJson.object(resource, r.schema().id()) : resource;
    String key = container == null ? null : ResourceJson.key(container, r.attribute().name());
    if (key == null) {
      return;
    }
    if (r.subAttribute() == null) {
      container.remove(key);
      return;
    }
    Object value = container.getValue(key);
    if (value instanceof JsonArray array) {
      array.forEach(e -> removeSub(e, r.subAttribute().name()));
    } else {
      removeSub(value, r.subAttribute().name());
    }
  }

  private static void removeSub(Object complex, String sub) {
    if (complex instanceof JsonObject o) {
      String key = ResourceJson.key(o, sub);
      if (key != null) {
        o.remove(key);
      }
    }
  }

  /** The value ordered by: a multi-valued attribute sorts by its primary (else first) value. */
  private static Object sortValue(JsonObject resource, ResolvedAttribute r) {
    Object value = r.valueIn(resource);
    if (value instanceof JsonArray array) {
      value = array.isEmpty() ? null : array.getValue(0);
      for (Object e : array) {
        if (e instanceof JsonObject o && Boolean.TRUE.equals(o.getValue("primary"))) {
          value = o;
        }
      }
    }
    if (value instanceof JsonObject complex) {
      value = ResourceJson.get(complex, r.subAttribute() != null ? r.subAttribute().name() : "value");
    }
    return value instanceof JsonObject || value instanceof JsonArray ? null : value;
  }

  private static int compare(Object a, Object b, boolean caseExact) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return x.compareTo(y);
    }
    String x = a.toString();
    String y = b.toString();
    return caseExact ? x.compareTo(y) : x.toLowerCase(Locale.ROOT).compareTo(y.toLowerCase(Locale.ROOT));
  }
}
