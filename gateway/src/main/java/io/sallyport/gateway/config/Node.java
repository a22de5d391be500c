package io.sallyport.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * One YAML value after env references are resolved, with the path every message about it uses.
 *
 * @param value  a String (scalar), {@code Map<String, Node>}, {@code List<Node>}, null (YAML
 *               null or empty), or {@link #INVALID} when an error about it was already reported
 */
record Node(String path, Object value, int line) {

  /** Marks a value that already failed, so later checks stay quiet instead of piling on. */
  static final Object INVALID = new Object() {
    @Override
    public String toString() {
      return "<invalid>";
    }
  };

  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  boolean isNull() {
    return value == null;
  }

  boolean isInvalid() {
    return value == INVALID;
  }

  /** How the value reads in a "got ..." clause. */
  String describe() {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String s) {
      return Scalars.quote(s);
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return "an invalid value";
  }
}
