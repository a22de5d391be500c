package io.sallyport.scim.patch;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.filter.AttributePath;
import io.sallyport.scim.filter.CompareOp;
import io.sallyport.scim.filter.Filter;
import io.sallyport.scim.resource.AttributeValues;
import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.Mutability;
import io.sallyport.scim.schema.ResolvedAttribute;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;

/** Resolves PATCH paths to {@link Target}s for one resource kind, with the filter package's parser and evaluator. */
final class Targets {

  private Targets() {}

  static Target resolve(ResourceKind kind, String text) {
    AttributePath path = AttributePath.parse(text);
    ResolvedAttribute bare = new AttributePath(path.schemaUrn(), path.attribute(), null, null)
        .resolve(kind, ScimType.INVALID_PATH);
    if (bare.attribute().mutability() == Mutability.READ_ONLY) {
      // Before any sub-attribute check: meta.anything is as read-only as meta.
      throw ScimException.badRequest(ScimType.MUTABILITY, "Attribute '" + text + "' is readOnly");
    }
    ResolvedAttribute resolved = path.resolve(kind, ScimType.INVALID_PATH);
    if (path.valueFilter() == null) {
      return new Target(text, resolved, null, null);
    }
    AttributeDef attr = resolved.attribute();
    if (!attr.multiValued() || !attr.isComplex()) {
      throw ScimException.badRequest(ScimType.INVALID_PATH,
          "Path \"" + text + "\" filters '" + attr.name() + "', which is not a multi-valued complex attribute");
    }
    Filter filter = path.canonical(kind).valueFilter();
    return new Target(text, resolved, selector(kind, resolved, filter), seed(attr, filter));
  }

  /**
   * The value filter as a test of one element: the filter package evaluates whole resources, so
   * the element is wrapped in a resource holding just it.
   */
  private static Predicate<JsonObject> selector(ResourceKind kind, ResolvedAttribute r, Filter filter) {
    String key = r.containerKey();
    String name = r.attribute().name();
    Predicate<JsonObject> matcher = new Filter.ValuePath(new AttributePath(key, name, null, null), filter).matcher(kind);
    return element -> {
      JsonObject holder = new JsonObject().put(name, new JsonArray().add(element));
      return matcher.test(key == null ? holder : new JsonObject().put(key, holder));
    };
  }

  /** {@code type eq "work"} (and conjunctions of such) as the element they describe; null for any other filter. */
  private static JsonObject seed(AttributeDef attr, Filter filter) {
    List<Filter> terms = filter instanceof Filter.And and ? and.terms() : List.of(filter);
    JsonObject seed = new JsonObject();
    for (Filter term : terms) {
      if (!(term instanceof Filter.Compare c) || c.op() != CompareOp.EQ || c.value() == null
          || c.path().subAttribute() != null || c.path().valueFilter() != null) {
        return null;
      }
      AttributeDef sub = attr.subAttribute(c.path().attribute()).orElse(null);
      if (sub == null) {
        return null;
      }
      try {
        // Entra writes roles[primary eq "True"]: the new element gets a real boolean.
        seed.put(sub.name(), AttributeValues.coerceOne(sub, c.value(), attr.name() + "." + sub.name()));
      } catch (ScimException e) {
        return null;
      }
    }
    return seed;
  }
}
