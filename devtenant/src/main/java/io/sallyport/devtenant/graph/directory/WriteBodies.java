package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * Checks a POST/PATCH body against a resource's full shape before anything is stored: every property
 * must exist on the type (nested complex properties too), must not be read-only, and must have the
 * JSON kind the shape has. Then merges it in the way Graph's PATCH does: complex values merge,
 * everything else (collections included) is replaced.
 */
public final class WriteBodies {

  private WriteBodies() {}

  /**
   * @param shape     the resource with every property present (nulls where unset)
   * @param type      e.g. {@code microsoft.graph.application}, for the error message
   * @param nested    type names of complex properties, by property name
   * @param readOnly  properties a client may not set
   */
  public static void check(JsonObject body, JsonObject shape, String type, Map<String, String> nested,
      Set<String> readOnly) {
    for (String key : body.fieldNames()) {
      if (key.startsWith("@odata.")) {
        continue;
      }
      if (!shape.containsKey(key)) {
        throw GraphError.badRequest("Property '" + key + "' does not exist on type '" + type + "'.");
      }
      if (readOnly.contains(key)) {
        throw GraphError.badRequest("Property '" + key + "' is read-only and cannot be set.");
      }
      Object want = shape.getValue(key);
      Object got = body.getValue(key);
      if (got == null || want == null) {
        continue;
      }
      if (want instanceof JsonObject o && got instanceof JsonObject g) {
        check(g, o, nested.getOrDefault(key, "microsoft.graph." + key), nested, Set.of());
      } else if (!sameKind(want, got)) {
        throw GraphError.badRequest("Invalid value for property '" + key + "' of type '" + type + "': expected "
            + kind(want) + ", got " + kind(got) + ".");
      }
    }
  }

  /** Merges {@code patch} into {@code target} in place; annotations are not stored. */
  public static JsonObject merge(JsonObject target, JsonObject patch) {
    for (String key : patch.fieldNames()) {
      if (key.startsWith("@odata.")) {
        continue;
      }
      Object v = patch.getValue(key);
      if (v instanceof JsonObject p && target.getValue(key) instanceof JsonObject t) {
        merge(t, p);
      } else {
        target.put(key, v instanceof JsonObject p ? p.copy() : v instanceof JsonArray a ? a.copy() : v);
      }
    }
    return target;
  }

  private static boolean sameKind(Object a, Object b) {
    return kind(a).equals(kind(b));
  }

  private static String kind(Object v) {
    if (v instanceof JsonObject) {
      return "an object";
    }
    if (v instanceof JsonArray) {
      return "a collection";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof Number) {
      return "a number";
    }
    return "a string";
  }
}
