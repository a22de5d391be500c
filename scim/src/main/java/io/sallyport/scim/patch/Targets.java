package io.sallyport.scim.patch;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.resource.Attr;
import io.sallyport.scim.resource.Attr.Mutability;
import io.sallyport.scim.resource.Attr.Type;
import io.sallyport.scim.resource.AttributeValues;
import io.sallyport.scim.resource.StandInSchemas;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Predicate;

/** Resolves PATCH paths to {@link Target}s for one resource kind. */
final class Targets {

  private Targets() {}

  static Target resolve(ResourceKind kind, String text) {
    StandInPath p = StandInPath.parse(text);
    Attr attr = StandInSchemas.find(kind, p.schema(), p.attribute());
    if (attr == null) {
      throw ScimException.badRequest(ScimType.INVALID_PATH,
          "Path \"" + text + "\" names no attribute of a " + kind.type());
    }
    if (attr.mutability() == Mutability.READ_ONLY) {
      // Before any sub-attribute check: meta.anything is as read-only as meta.
      throw ScimException.badRequest(ScimType.MUTABILITY, "Attribute '" + text + "' is readOnly");
    }
    Attr sub = null;
    if (p.sub() != null) {
      sub = attr.sub(p.sub());
      if (sub == null) {
        throw ScimException.badRequest(ScimType.INVALID_PATH, "Path \"" + text + "\" names no sub-attribute of '"
            + attr.name() + "'");
      }
    }
    if (p.equalities() == null) {
      return new Target(text, attr, sub, null, null);
    }
    if (!attr.multiValued() || attr.type() != Type.COMPLEX) {
      throw ScimException.badRequest(ScimType.INVALID_PATH,
          "Path \"" + text + "\" filters '" + attr.name() + "', which is not a multi-valued complex attribute");
    }
    JsonObject seed = new JsonObject();
    for (Map.Entry<String, Object> e : p.equalities().entrySet()) {
      Attr s = attr.sub(e.getKey());
      if (s == null) {
        throw ScimException.badRequest(ScimType.INVALID_PATH, "Path \"" + text + "\" filters on '" + e.getKey()
            + "', which is no sub-attribute of '" + attr.name() + "'");
      }
      seed.put(s.name(), AttributeValues.coerceOne(s, e.getValue(), attr.name() + "." + s.name()));
    }
    Predicate<JsonObject> selector = element -> seed.stream().allMatch(e -> same(element.getValue(e.getKey()), e.getValue()));
    return new Target(text, attr, sub, selector, seed);
  }

  private static boolean same(Object stored, Object wanted) {
    if (stored instanceof String s && wanted instanceof String w) {
      return s.equalsIgnoreCase(w);
    }
    return wanted.equals(stored);
  }
}
