package io.sallyport.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML mapping: reports unknown keys once, then hands out typed values. Every getter
 * reports its own problem and returns the default, so a section keeps going and the caller sees
 * all errors of a file at once.
 */
final class Section {
  final String path;
  final Errors errors;
  final Path baseDir;
  private final Map<String, Node> entries;
  private final boolean present;

  @SuppressWarnings("unchecked")
  Section(String path, Node node, Errors errors, Path baseDir, List<String> keys) {
    this.path = path;
    this.errors = errors;
    this.baseDir = baseDir;
    this.present = node != null && !node.isNull();
    if (!present || node.isInvalid()) {
      entries = Map.of();
    } else if (!(node.value() instanceof Map<?, ?>)) {
      errors.add(path, "expected a mapping with keys " + String.join(", ", keys) + ", got " + node.describe());
      entries = Map.of();
    } else {
      entries = (Map<String, Node>) node.value();
      for (String key : entries.keySet()) {
        if (!keys.contains(key)) {
          String hint = Suggestions.closest(key, keys);
          errors.add(Node.child(path, key), hint != null ? "unknown key; did you mean \"" + hint + "\"?"
              : "unknown key; expected one of: " + String.join(", ", keys));
        }
      }
    }
  }

  /** False when the key was absent or empty; then every getter returns its default. */
  boolean present() {
    return present;
  }

  boolean has(String key) {
    Node n = entries.get(key);
    return n != null && !n.isNull();
  }

  String path(String key) {
    return Node.child(path, key);
  }

  Node node(String key) {
    return entries.get(key);
  }

  Section section(String key, String... keys) {
    return new Section(path(key), entries.get(key), errors, baseDir, List.of(keys));
  }

  /** The scalar text at key; null when absent, already reported, or not a scalar (reported). */
  String text(String key, String expected) {
    Node n = entries.get(key);
    if (n == null || n.isNull() || n.isInvalid()) {
      return null;
    }
    if (!(n.value() instanceof String s)) {
      bad(key, expected, n.describe());
      return null;
    }
    return s;
  }

  void bad(String key, String expected, String got) {
    errors.add(path(key), "expected " + expected + ", got " + got);
  }

  void badValue(String key, String expected, String value) {
    bad(key, expected, Scalars.quote(value));
  }

  void required(String key, String expected) {
    Node n = entries.get(key);
    if (n == null || n.isNull()) {
      errors.add(path(key), "required; expected " + expected);
    }
  }

  String string(String key, String def, String expected) {
    String s = text(key, expected);
    return s == null ? def : s;
  }

  int integer(String key, int def, int min, int max, String expected) {
    String s = text(key, expected);
    if (s == null) {
      return def;
    }
    Integer v = Scalars.integer(s);
    if (v == null || v < min || v > max) {
      badValue(key, expected, s);
      return def;
    }
    return v;
  }

  boolean bool(String key, boolean def) {
    String expected = "true or false";
    String s = text(key, expected);
    Boolean v = s == null ? null : Scalars.bool(s);
    if (s != null && v == null) {
      badValue(key, expected, s);
    }
    return v == null ? def : v;
  }

  Duration duration(String key, Duration def, boolean zeroAllowed) {
    String expected = "a duration with a unit, like 500ms, 5s, 15m, 4h or 1d"
        + (zeroAllowed ? "" : " (more than zero)");
    String s = text(key, expected);
    Duration v = s == null ? null : Scalars.duration(s);
    if (s != null && (v == null || !zeroAllowed && v.isZero())) {
      badValue(key, expected, s);
      return def;
    }
    return v == null ? def : v;
  }

  /** A size in bytes; "unlimited" gives -1 where allowed. */
  long size(String key, long def, long min, long max, String range, boolean unlimitedAllowed) {
    String expected = "a size like 100, 64KiB, 1MiB or 10MB" + (unlimitedAllowed ? ", or unlimited" : "")
        + (range == null ? "" : ", " + range);
    String s = text(key, expected);
    if (s == null) {
      return def;
    }
    if (unlimitedAllowed && s.equals("unlimited")) {
      return -1;
    }
    Long v = Scalars.size(s);
    if (v == null || v < min || v > max) {
      badValue(key, expected, s);
      return def;
    }
    return v;
  }

  /** A secret: env references already resolved, then {@code file:} read. Never echoes the value. */
  String secret(String key) {
    String s = text(key, "a string, or file:/path/to/secret");
    return s == null ? null : References.secret(s, baseDir, path(key), errors);
  }

  /** A path relative to the config file's directory that must name a readable regular file. */
  Path existingFile(String key, String expected) {
    String s = text(key, expected);
    if (s == null) {
      return null;
    }
    Path p = baseDir.resolve(s).normalize();
    String problem = !Files.exists(p) ? "file does not exist"
        : !Files.isRegularFile(p) ? "not a regular file"
        : !Files.isReadable(p) ? "file is not readable" : null;
    if (problem != null) {
      errors.add(path(key), problem + ": " + Scalars.quote(p.toString()) + "; expected " + expected);
    }
    return p;
  }
}
