package io.sallyport.devtenant.graph.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Compares a served body with Microsoft's documented example by key sets, recursively: the same
 * member names at every level of nesting (objects inside arrays are compared with the example's first
 * element). Values are instance-specific and not compared; a value the example has as null may be an
 * object served, and vice versa, since the example shows one tenant's data.
 */
public final class DocumentedShape {

  private DocumentedShape() {}

  /** @param extras members live Graph serves beyond the (truncated) documented example */
  public static void assertSameKeys(JsonObject served, String documented, Set<String> extras) {
    compare("$", served, new JsonObject(documented), extras);
  }

  private static void compare(String path, JsonObject served, JsonObject documented, Set<String> extras) {
    Set<String> want = new java.util.TreeSet<>(documented.fieldNames());
    if ("$".equals(path)) {
      want.addAll(extras);
    }
    assertThat(new java.util.TreeSet<>(served.fieldNames())).as("members of %s", path).isEqualTo(want);
    for (String k : documented.fieldNames()) {
      Object d = documented.getValue(k);
      Object s = served.getValue(k);
      if (d instanceof JsonObject dobj && s instanceof JsonObject sobj) {
        compare(path + "." + k, sobj, dobj, Set.of());
      } else if (d instanceof JsonArray darr && s instanceof JsonArray sarr && !darr.isEmpty()
          && darr.getValue(0) instanceof JsonObject first) {
        for (int i = 0; i < sarr.size(); i++) {
          compare(path + "." + k + "[" + i + "]", sarr.getJsonObject(i), first, Set.of());
        }
      } else if (d != null && s != null) {
        assertThat(s instanceof JsonArray).as("%s.%s is a collection", path, k).isEqualTo(d instanceof JsonArray);
      }
    }
  }
}
