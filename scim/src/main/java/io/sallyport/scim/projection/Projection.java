package io.sallyport.scim.projection;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.filter.AttributePath;
import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.ResolvedAttribute;
import io.sallyport.scim.schema.ResourceJson;
import io.sallyport.scim.schema.Returned;
import io.sallyport.scim.schema.SchemaDef;
import io.sallyport.scim.schema.Schemas;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code attributes} / {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5)
 * applied to resource JSON. {@code returned: always} attributes (id, meta, schemas) survive any
 * selection, {@code never} ones (password) never appear, {@code request} ones only when named.
 * When both parameters are given, {@code attributes} selects and {@code excludedAttributes} then
 * removes from that selection.
 */
public final class Projection {

  private final ResourceKind kind;
  private final Set<String> selected;
  private final Set<String> excluded;

  private Projection(ResourceKind kind, Set<String> selected, Set<String> excluded) {
    this.kind = kind;
    this.selected = selected;
    this.excluded = excluded;
  }

  /** The default projection: every attribute except {@code never} and {@code request} ones. */
  public static Projection defaults(ResourceKind kind) {
    return new Projection(kind, null, Set.of());
  }

  /**
   * Parses the two parameters (null or blank means absent). Each is a comma-separated list of
   * attribute paths, sub-attributes and URN-prefixed names included, or a bare schema URN for a
   * whole extension; anything unknown or malformed is a 400 invalidValue naming the parameter.
   */
  public static Projection parse(ResourceKind kind, String attributes, String excludedAttributes) {
    Set<String> selected = blank(attributes) ? null : names(kind, attributes, "attributes");
    Set<String> excluded = blank(excludedAttributes) ? Set.of() : names(kind, excludedAttributes, "excludedAttributes");
    return new Projection(kind, selected, excluded);
  }

  /** Whether any part of a top-level attribute can be returned; lets storage skip loading members. */
  public boolean mayReturn(String attribute) {
    ResolvedAttribute r = Schemas.find(kind, null, attribute, null).orElse(null);
    return r == null || decide(r.attribute(), r.canonicalName(), r.containerKey()) != Decision.DROP;
  }

  /** Whether a top-level core attribute defined as {@code def} is returned (for definitions no served schema has). */
  boolean returns(AttributeDef def) {
    return decide(def, def.name(), null) != Decision.DROP;
  }

  /** A new JSON object with only the attributes this projection returns. */
  public JsonObject apply(JsonObject resource) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : resource) {
      String key = e.getKey();
      Object value = e.getValue();
      if (key.equalsIgnoreCase("schemas")) {
        out.put(key, value);
        continue;
      }
      SchemaDef extension = Schemas.schema(kind, key).filter(s -> !s.id().equals(kind.coreSchema())).orElse(null);
      if (extension != null) {
        if (value instanceof JsonObject obj) {
          JsonObject inner = project(obj, extension.id());
          if (!inner.isEmpty()) {
            out.put(key, inner);
          }
        }
        continue;
      }
      ResolvedAttribute r = Schemas.find(kind, null, key, null).filter(a -> !a.extension()).orElse(null);
      if (r == null) {
        // Not in any schema (a client's foreign extension): only the default view shows it.
        if (selected == null) {
          out.put(key, value);
        }
        continue;
      }
      put(out, key, value, r.attribute(), r.canonicalName(), null);
    }
    return out;
  }

  private JsonObject project(JsonObject extensionValue, String urn) {
    SchemaDef schema = Schemas.schema(urn).orElseThrow();
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : extensionValue) {
      AttributeDef def = schema.attribute(e.getKey()).orElse(null);
      if (def == null) {
        if (selected == null || selected.contains(key(urn))) {
          out.put(e.getKey(), e.getValue());
        }
        continue;
      }
      put(out, e.getKey(), e.getValue(), def, urn + ":" + def.name(), urn);
    }
    return out;
  }

  private enum Decision { KEEP, DROP, PARTIAL }

  private void put(JsonObject out, String key, Object value, AttributeDef def, String name, String container) {
    switch (decide(def, name, container)) {
      case KEEP -> out.put(key, value);
      case PARTIAL -> {
        Object narrowed = narrow(value, def, name);
        if (narrowed != null) {
          out.put(key, narrowed);
        }
      }
      default -> { }
    }
  }

  private Decision decide(AttributeDef def, String name, String container) {
    if (def.returned() == Returned.NEVER) {
      return Decision.DROP;
    }
    if (def.returned() == Returned.ALWAYS) {
      return Decision.KEEP;
    }
    String k = key(name);
    String schemaKey = key(container == null ? kind.coreSchema() : container);
    boolean dropped = excluded.contains(k) || excluded.contains(schemaKey);
    boolean whole;
    if (selected == null) {
      whole = def.returned() != Returned.REQUEST;
    } else {
      whole = selected.contains(k) || selected.contains(schemaKey);
      if (!whole && hasSubs(selected, k)) {
        return dropped ? Decision.DROP : Decision.PARTIAL;
      }
    }
    if (!whole || dropped) {
      return Decision.DROP;
    }
    return hasSubs(excluded, k) || hasHiddenSubs(def) ? Decision.PARTIAL : Decision.KEEP;
  }

  /** A complex value with only the sub-attributes this projection returns; null when nothing is left. */
  private Object narrow(Object value, AttributeDef def, String name) {
    if (value instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      array.forEach(v -> {
        Object n = narrow(v, def, name);
        if (n != null) {
          out.add(n);
        }
      });
      return out.isEmpty() ? null : out;
    }
    if (!(value instanceof JsonObject obj)) {
      return selected == null ? value : null;
    }
    String k = key(name);
    boolean subsNamed = selected != null && hasSubs(selected, k) && !selected.contains(k);
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : obj) {
      AttributeDef sub = def.subAttribute(e.getKey()).orElse(null);
      String subKey = k + "." + (sub == null ? e.getKey() : sub.name()).toLowerCase(Locale.ROOT);
      boolean keep = sub == null ? !subsNamed
          : sub.returned() == Returned.ALWAYS
              || (sub.returned() != Returned.NEVER && !excluded.contains(subKey)
                  && (subsNamed ? selected.contains(subKey) : sub.returned() != Returned.REQUEST
                      || (selected != null && selected.contains(subKey))));
      if (keep) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static boolean hasHiddenSubs(AttributeDef def) {
    return def.subAttributes().stream().anyMatch(s -> s.returned() == Returned.NEVER || s.returned() == Returned.REQUEST);
  }

  private static boolean hasSubs(Set<String> names, String attributeKey) {
    String prefix = attributeKey + ".";
    return names.stream().anyMatch(n -> n.startsWith(prefix));
  }

  private static Set<String> names(ResourceKind kind, String list, String parameter) {
    Set<String> out = new HashSet<>();
    for (String raw : list.split(",", -1)) {
      String item = raw.strip();
      if (item.isEmpty()) {
        throw ScimException.badRequest(ScimType.INVALID_VALUE, parameter + ": empty item in '" + list
            + "'; expected comma-separated attribute paths such as userName,name.givenName");
      }
      if (item.equalsIgnoreCase("schemas")) {
        continue; // returned always, so naming it changes nothing
      }
      SchemaDef schema = Schemas.schema(kind, item).orElse(null);
      if (schema != null) {
        out.add(key(schema.id()));
        continue;
      }
      AttributePath path = AttributePath.parse(item, ScimType.INVALID_VALUE, parameter);
      if (path.valueFilter() != null) {
        throw ScimException.badRequest(ScimType.INVALID_VALUE, parameter + ": '" + item
            + "' has a value filter; expected attribute paths only");
      }
      ResolvedAttribute r = Schemas.find(kind, path).orElseThrow(() -> ScimException.badRequest(
          ScimType.INVALID_VALUE, parameter + ": unknown attribute '" + item + "' for " + kind.type()));
      out.add(key(r.canonicalName()));
    }
    return out;
  }

  private static String key(String canonicalName) {
    return canonicalName.toLowerCase(Locale.ROOT);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
