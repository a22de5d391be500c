package io.sallyport.scim.resource;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.schema.AttributeDef;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Group member references as clients send them ({@code [{"value": id, "$ref": null}, …]}, Entra's
 * {@code "$ref": null} included), reduced to the ids storage keeps. Members never enter a group's
 * stored attributes: storage holds them in its member index.
 */
public final class MemberIds {

  private MemberIds() {}

  /** The ids in {@code value} (an array of member objects, or one), in order, without duplicates. */
  public static List<String> from(AttributeDef members, Object value, String where) {
    JsonArray array = value instanceof JsonObject one ? new JsonArray().add(one) : null;
    if (value instanceof JsonArray a) {
      array = a;
    }
    if (array == null) {
      throw AttributeValues.invalid(where, "an array of member objects like {\"value\": \"<id>\"}", value);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Object element : array) {
      Object checked = AttributeValues.coerceOne(members, element, where);
      Object id = checked instanceof JsonObject o ? o.getValue("value") : null;
      if (!(id instanceof String s) || s.isBlank()) {
        throw ScimException.badRequest(ScimType.INVALID_VALUE,
            "Attribute '" + where + "' expects each member to have a \"value\" id, got " + AttributeValues.show(element));
      }
      ids.add(s);
    }
    return new ArrayList<>(ids);
  }
}
