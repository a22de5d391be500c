package io.sallyport.scim.patch;

import io.sallyport.scim.resource.Attr;
import io.vertx.core.json.JsonObject;
import java.util.function.Predicate;

/**
 * A PATCH path resolved against the resource's schema: the attribute, an optional sub-attribute,
 * and for value-filter paths the element selector and the element Entra expects when nothing
 * matches ({@code seed}: the filter's equalities, null when the filter is not just equalities).
 */
record Target(String text, Attr attr, Attr sub, Predicate<JsonObject> selector, JsonObject seed) {

  boolean filtered() {
    return selector != null;
  }
}
