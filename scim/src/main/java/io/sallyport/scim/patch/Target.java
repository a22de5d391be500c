package io.sallyport.scim.patch;

import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.ResolvedAttribute;
import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;

/**
 * A PATCH path resolved against the resource's schemas: the attribute, an optional sub-attribute,
 * and for value-filter paths the element selector and the element Entra expects when nothing
 * matches ({@code seed}: the filter's equalities, null when the filter is not just equalities).
 */
record Target(String text, ResolvedAttribute resolved, Predicate<JsonObject> selector, JsonObject seed) {

  AttributeDef attr() {
    return resolved.attribute();
  }

  AttributeDef sub() {
    return resolved.subAttribute();
  }

  /** The extension URN the attribute is stored under, or null for a top-level attribute. */
  String containerKey() {
    return resolved.containerKey();
  }

  boolean filtered() {
    return selector != null;
  }
}
