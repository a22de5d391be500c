package io.sallyport.scim.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** A schema resource per RFC 7643 §7: its URN, name, description and top-level attributes. */
public record SchemaDef(String id, String name, String description, List<AttributeDef> attributes) {

  public static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

  public SchemaDef {
    attributes = List.copyOf(attributes);
  }

  /** A top-level attribute by name, case-insensitively. */
  public Optional<AttributeDef> attribute(String attributeName) {
    for (AttributeDef a : attributes) {
      if (a.name().equalsIgnoreCase(attributeName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * The /Schemas representation. {@code schemas} is not in RFC 7643 §8.7.1's example but every
   * SCIM resource carries it (§3) and clients that validate resources expect it.
   */
  public JsonObject toJson(String location) {
    JsonArray attrs = new JsonArray();
    attributes.forEach(a -> attrs.add(a.toJson()));
    return new JsonObject().put("schemas", new JsonArray().add(SCHEMA_SCHEMA)).put("id", id)
        .put("name", name).put("description", description).put("attributes", attrs)
        .put("meta", new JsonObject().put("resourceType", "Schema").put("location", location));
  }
}
