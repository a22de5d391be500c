package io.sallyport.scim.schema;

import io.vertx.core.json.JsonObject;

/**
 * A path resolved against a resource type's schemas: the schema it belongs to ({@code null} for
 * the common attributes id, externalId and meta), the attribute, and the sub-attribute if one was
 * named. Names here are canonical whatever case the client wrote.
 */
public record ResolvedAttribute(SchemaDef schema, boolean extension, AttributeDef attribute,
    AttributeDef subAttribute) {

  /** The definition the path ends at: the sub-attribute if named, else the attribute. */
  public AttributeDef target() {
    return subAttribute != null ? subAttribute : attribute;
  }

  /** True for id, externalId and meta, which belong to no schema. */
  public boolean common() {
    return schema == null;
  }

  /** The JSON key under which the attribute lives: the extension URN, or null for top-level. */
  public String containerKey() {
    return extension ? schema.id() : null;
  }

  /** The canonical path: core attributes bare, extension ones with their URN and a colon. */
  public String canonicalName() {
    String base = extension ? schema.id() + ":" + attribute.name() : attribute.name();
    return subAttribute == null ? base : base + "." + subAttribute.name();
  }

  /** The attribute's raw value in a resource (case-insensitive keys), or null when absent. */
  public Object valueIn(JsonObject resource) {
    JsonObject container = resource;
    if (extension) {
      container = ResourceJson.object(resource, schema.id());
      if (container == null) {
        return null;
      }
    }
    return ResourceJson.get(container, attribute.name());
  }

  /** A copy with {@code sub} as the sub-attribute, keeping schema and attribute. */
  public ResolvedAttribute withSubAttribute(AttributeDef sub) {
    return new ResolvedAttribute(schema, extension, attribute, sub);
  }
}
