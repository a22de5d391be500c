package io.sallyport.scim.resource;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.Mutability;
import io.sallyport.scim.schema.ResolvedAttribute;
import io.sallyport.scim.schema.Schemas;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a POST or PUT body for one resource kind and returns what to store. Read-only
 * attributes the client sends (Entra sends {@code "meta":{"resourceType":"User"}}) are ignored as
 * RFC 7643 §2.2 allows; a password is dropped, never stored, because Sallyport does not
 * authenticate SCIM users with passwords; group members come back separately.
 */
public final class ResourceValidator {

  private ResourceValidator() {}

  public static ValidatedResource validate(ResourceKind kind, JsonObject body) {
    if (body == null) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "The body must be a JSON object");
    }
    checkSchemas(kind, body.getValue("schemas"));
    JsonObject out = new JsonObject();
    JsonObject ext = new JsonObject();
    List<String> members = new ArrayList<>();
    boolean membersGiven = false;
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, Object> e : body) {
      String key = e.getKey();
      if (key.equals("schemas") || e.getValue() == null) {
        continue;
      }
      if (kind == ResourceKind.USER && SchemaUrns.isEnterprise(key)) {
        if (!(e.getValue() instanceof JsonObject extension)) {
          throw AttributeValues.invalid(ResourceKind.ENTERPRISE_USER, "an object of extension attributes", e.getValue());
        }
        for (Map.Entry<String, Object> x : extension) {
          AttributeDef attr = Schemas.find(kind, ResourceKind.ENTERPRISE_USER, x.getKey(), null)
              .map(ResolvedAttribute::attribute).orElse(null);
          if (attr == null) {
            unknown.add(ResourceKind.ENTERPRISE_USER + ":" + x.getKey());
          } else if (x.getValue() != null) {
            put(ext, attr, x.getValue(), ResourceKind.ENTERPRISE_USER + ":" + attr.name());
          }
        }
        continue;
      }
      ResolvedAttribute resolved = Schemas.find(kind, null, key, null).orElse(null);
      AttributeDef attr = resolved == null ? null : resolved.attribute();
      if (attr == null) {
        unknown.add(key);
      } else if (kind == ResourceKind.GROUP && attr.name().equals("members")) {
        members.addAll(MemberIds.from(attr, e.getValue(), "members"));
        membersGiven = true;
      } else if (attr.mutability() != Mutability.READ_ONLY && attr.mutability() != Mutability.WRITE_ONLY) {
        // Schemas also resolves an extension attribute written without its URN; it is stored under the URN.
        put(resolved.extension() ? ext : out, attr, e.getValue(), resolved.canonicalName());
      }
    }
    if (!unknown.isEmpty()) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX,
          "Unknown attribute(s) for a " + kind.type() + ": " + String.join(", ", unknown));
    }
    if (!ext.isEmpty()) {
      out.put(ResourceKind.ENTERPRISE_USER, ext);
    }
    String required = kind == ResourceKind.USER ? "userName" : "displayName";
    if (!(out.getValue(required) instanceof String s) || s.isBlank()) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE,
          "Attribute '" + required + "' is required for a " + kind.type() + " and must be a non-empty string");
    }
    JsonObject stored = new JsonObject().put("schemas", SchemaUrns.schemasOf(kind, out)).mergeIn(out);
    return new ValidatedResource(stored, members, membersGiven);
  }

  private static void put(JsonObject target, AttributeDef attr, Object value, String where) {
    if (target.containsKey(attr.name())) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "Attribute '" + where + "' is given more than once");
    }
    Object v = AttributeValues.coerce(attr, value, where);
    if (v != null) {
      target.put(attr.name(), v);
    }
  }

  private static void checkSchemas(ResourceKind kind, Object schemas) {
    if (!(schemas instanceof JsonArray array) || array.isEmpty()) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "'schemas' must be a non-empty array including \""
          + kind.coreSchema() + "\", got " + (schemas == null ? "none" : AttributeValues.show(schemas)));
    }
    boolean core = false;
    for (Object urn : array) {
      String canonical = urn instanceof String s ? SchemaUrns.canonical(kind, s) : null;
      if (canonical == null) {
        throw ScimException.badRequest(ScimType.INVALID_SYNTAX,
            "Schema " + AttributeValues.show(urn) + " is not a schema of a " + kind.type());
      }
      core |= canonical.equals(kind.coreSchema());
    }
    if (!core) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX,
          "'schemas' must include \"" + kind.coreSchema() + "\", got " + AttributeValues.show(schemas));
    }
  }
}
