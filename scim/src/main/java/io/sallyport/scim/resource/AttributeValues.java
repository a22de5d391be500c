package io.sallyport.scim.resource;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.AttributeType;
import io.sallyport.scim.schema.Mutability;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Checks one client-sent value against its attribute definition and returns it in stored form:
 * sub-attribute names in the schema's casing, Entra's string booleans as JSON booleans, a plain
 * string manager id as {@code {"value": id}}. {@code null} back means "absent": RFC 7643 §2.5
 * treats null and an empty multi-valued attribute as unassigned, and Entra's legacy examples send
 * {@code "title": null}. Shared by POST/PUT validation and the PATCH engine so both accept exactly
 * the same values.
 */
public final class AttributeValues {

  private static final int SHOWN_CHARS = 80;

  private AttributeValues() {}

  /** The stored form of {@code value} for {@code attr}, or null for absent; {@code where} names it in errors. */
  public static Object coerce(AttributeDef attr, Object value, String where) {
    if (value == null) {
      return null;
    }
    if (!attr.multiValued()) {
      return coerceOne(attr, unwrapSingleton(attr, value, where), where);
    }
    if (!(value instanceof JsonArray array)) {
      throw invalid(where, "an array of " + elementName(attr), value);
    }
    JsonArray out = new JsonArray();
    for (Object element : array) {
      Object v = coerceOne(attr, element, where);
      if (v != null) {
        out.add(v);
      }
    }
    checkPrimary(attr, out, where);
    return out.isEmpty() ? null : out;
  }

  /** One value of {@code attr} (an element when multi-valued), or null for absent. */
  public static Object coerceOne(AttributeDef attr, Object value, String where) {
    if (value == null) {
      return null;
    }
    if (attr.isComplex()) {
      return complex(attr, value, where);
    }
    return simple(attr.type(), value, where);
  }

  /** At most one element of a multi-valued attribute may say {@code "primary": true} (RFC 7643 §2.4). */
  public static void checkPrimary(AttributeDef attr, JsonArray values, String where) {
    long primaries = values.stream()
        .filter(v -> v instanceof JsonObject o && Boolean.TRUE.equals(o.getValue("primary"))).count();
    if (primaries > 1) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, "Attribute '" + where + "' has " + primaries
          + " values with \"primary\": true; at most one is allowed");
    }
  }

  /** The value as JSON, shortened, for error details. */
  public static String show(Object value) {
    String s = value instanceof String str ? Json.encode(str) : Json.encode(value);
    return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "…";
  }

  public static ScimException invalid(String where, String expected, Object got) {
    return ScimException.badRequest(ScimType.INVALID_VALUE,
        "Attribute '" + where + "' expects " + expected + ", got " + show(got));
  }

  // Entra's manager PATCH sends a one-element array for a single-valued attribute (MS-SCIM Example 5).
  private static Object unwrapSingleton(AttributeDef attr, Object value, String where) {
    if (value instanceof JsonArray array && attr.isComplex()) {
      if (array.size() > 1) {
        throw invalid(where, "a single object (it is single-valued)", value);
      }
      return array.isEmpty() ? null : array.getValue(0);
    }
    return value;
  }

  private static Object complex(AttributeDef attr, Object value, String where) {
    boolean reference = !attr.multiValued() && attr.subAttribute("value").isPresent();
    if (value instanceof String id && reference) {
      // Entra also sends the manager as a plain id string (scim-entra.md §0.6).
      return id.isEmpty() ? null : new JsonObject().put("value", id);
    }
    if (!(value instanceof JsonObject object)) {
      throw invalid(where, "an object", value);
    }
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : object) {
      AttributeDef sub = attr.subAttribute(e.getKey()).orElse(null);
      if (sub == null) {
        throw ScimException.badRequest(ScimType.INVALID_SYNTAX,
            "Unknown attribute '" + where + "." + e.getKey() + "'");
      }
      Object v = sub.mutability() == Mutability.READ_ONLY ? null : coerceOne(sub, e.getValue(), where + "." + sub.name());
      if (v != null) {
        out.put(sub.name(), v);
      }
    }
    // A reference without its id (Entra's "Replace with empty" for manager) is no reference at all.
    if (reference && (out.getValue("value") == null || "".equals(out.getValue("value")))) {
      return null;
    }
    return out.isEmpty() ? null : out;
  }

  private static Object simple(AttributeType type, Object value, String where) {
    switch (type) {
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        // Entra without aadOptscim062020 sends "True"/"False" (scim-entra.md §0.2).
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
          return Boolean.valueOf(s.toLowerCase(java.util.Locale.ROOT));
        }
        throw invalid(where, "a boolean", value);
      case INTEGER:
        if (value instanceof Integer || value instanceof Long
            || (value instanceof BigInteger b && b.bitLength() < 64)) {
          return ((Number) value).longValue();
        }
        throw invalid(where, "an integer", value);
      case DECIMAL:
        if (value instanceof Number n) {
          return value instanceof BigDecimal || value instanceof Double ? n : n.longValue();
        }
        throw invalid(where, "a decimal number", value);
      case DATE_TIME:
        if (value instanceof String s) {
          try {
            OffsetDateTime.parse(s);
            return s;
          } catch (DateTimeParseException e) {
            throw invalid(where, "a dateTime like \"2024-05-01T10:00:00Z\"", value);
          }
        }
        throw invalid(where, "a dateTime string", value);
      default:
        if (value instanceof String) {
          return value;
        }
        throw invalid(where, type == AttributeType.STRING ? "a string" : "a " + type.wire() + " string", value);
    }
  }

  private static String elementName(AttributeDef attr) {
    return attr.isComplex() ? "objects" : attr.type().wire() + " values";
  }
}
