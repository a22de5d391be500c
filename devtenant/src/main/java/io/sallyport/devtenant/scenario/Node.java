package io.sallyport.devtenant.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A typed, path-aware view of one YAML mapping. Every read records what it consumed so unknown
 * keys are reported, and every bad value adds an error (with its path) instead of throwing, so one
 * run of the loader reports all problems at once.
 */
final class Node {

  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern RELATIVE = Pattern.compile("now(?:\\s*([+-])\\s*(\\d+)([smhd]))?");

  private final String path;
  private final Map<String, Object> map;
  private final List<String> errors;
  private final Instant now;

  Node(String path, Map<String, Object> map, List<String> errors, Instant now) {
    this.path = path;
    this.map = map;
    this.errors = errors;
    this.now = now;
  }

  String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void allow(String... keys) {
    Set<String> known = Set.of(keys);
    for (String k : map.keySet()) {
      if (!known.contains(k)) {
        errors.add(at(k) + ": unknown key (expected one of " + String.join(", ", keys) + ")");
      }
    }
  }

  boolean has(String key) {
    return map.containsKey(key) && map.get(key) != null;
  }

  String string(String key, String fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Map || v instanceof List) {
      errors.add(at(key) + ": expected a text value, got " + (v instanceof Map ? "a mapping" : "a list"));
      return fallback;
    }
    return String.valueOf(v);
  }

  String required(String key) {
    String v = string(key, null);
    if (v == null || v.isBlank()) {
      errors.add(at(key) + ": required");
      return "";
    }
    return v;
  }

  String guid(String key, String fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    if (!GUID.matcher(v).matches()) {
      errors.add(at(key) + ": not a GUID: \"" + v + "\"");
      return fallback;
    }
    return v.toLowerCase();
  }

  static String newGuid() {
    return UUID.randomUUID().toString();
  }

  /**
   * A GUID derived from the tenant and an entry's natural key, for entries the file gives no id:
   * the same scenario yields the same object ids at every start, so oids in tokens, demo.json and
   * anything keyed on them (sessions, SCIM) survive a restart.
   */
  static String stableGuid(String tenantId, String kind, String key) {
    return UUID.nameUUIDFromBytes((tenantId + "/" + kind + "/" + key).toLowerCase(java.util.Locale.ROOT)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  boolean bool(String key, boolean fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    errors.add(at(key) + ": expected true or false, got \"" + v + "\"");
    return fallback;
  }

  int integer(String key, int fallback, int min, int max) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Integer i && i >= min && i <= max) {
      return i;
    }
    errors.add(at(key) + ": expected a whole number from " + min + " to " + max + ", got \"" + v + "\"");
    return fallback;
  }

  /** ISO-8601 duration ({@code PT8H}, {@code P90D}) or shorthand ({@code 8h}, {@code 90d}). */
  Duration duration(String key, Duration fallback) {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    Duration d = parseDuration(v);
    if (d == null) {
      errors.add(at(key) + ": not a duration (ISO-8601 like PT8H or P90D, or 30s/15m/8h/90d): \"" + v + "\"");
      return fallback;
    }
    return d;
  }

  static Duration parseDuration(String v) {
    String t = v.trim();
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        return Duration.parse(t);
      }
      var m = Pattern.compile("(\\d+)([smhd])").matcher(t);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
    return null;
  }

  /** An instant: ISO-8601, or relative to the scenario's start: {@code now}, {@code now-30d}, {@code now+8h}. */
  Instant instant(String key, Instant fallback) {
    String v = string(key, null);
    if (v == null || v.equalsIgnoreCase("never")) {
      return fallback;
    }
    var m = RELATIVE.matcher(v.trim());
    if (m.matches()) {
      if (m.group(1) == null) {
        return now;
      }
      Duration d = parseDuration(m.group(2) + m.group(3));
      return m.group(1).equals("+") ? now.plus(d) : now.minus(d);
    }
    try {
      return Instant.parse(v.trim());
    } catch (DateTimeParseException e) {
      errors.add(at(key) + ": not a time (ISO-8601 like 2026-01-01T00:00:00Z, or now, now-30d, now+8h): \"" + v + "\"");
      return fallback;
    }
  }

  List<String> strings(String key) {
    Object v = map.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      if (v instanceof Map) {
        errors.add(at(key) + ": expected a list");
        return List.of();
      }
      return List.of(String.valueOf(v));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object o = list.get(i);
      if (o == null || o instanceof Map || o instanceof List) {
        errors.add(at(key) + "[" + i + "]: expected a text value");
      } else {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  Node child(String key) {
    Object v = map.get(key);
    if (v == null) {
      return new Node(at(key), Map.of(), errors, now);
    }
    if (!(v instanceof Map<?, ?> m)) {
      errors.add(at(key) + ": expected a mapping");
      return new Node(at(key), Map.of(), errors, now);
    }
    return new Node(at(key), stringKeys(m), errors, now);
  }

  List<Node> list(String key) {
    Object v = map.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      errors.add(at(key) + ": expected a list");
      return List.of();
    }
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String p = at(key) + "[" + i + "]";
      if (list.get(i) instanceof Map<?, ?> m) {
        out.add(new Node(p, stringKeys(m), errors, now));
      } else {
        errors.add(p + ": expected a mapping");
      }
    }
    return out;
  }

  void error(String key, String message) {
    errors.add(at(key) + ": " + message);
  }

  static Map<String, Object> stringKeys(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
