package io.sallyport.scim.schema;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/**
 * Case-insensitive access to resource JSON. Attribute names are case-insensitive in SCIM (RFC
 * 7643 §2.1), so a key written as {@code Emails} by a client still names {@code emails}.
 */
public final class ResourceJson {

  private ResourceJson() {}

  /** The value under {@code name}, trying the exact key first (the common case) then any case. */
  public static Object get(JsonObject object, String name) {
    Object exact = object.getValue(name);
    if (exact != null || object.containsKey(name)) {
      return exact;
    }
    for (Map.Entry<String, Object> e : object) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The key actually used for {@code name} in {@code object}, or null when there is none. */
  public static String key(JsonObject object, String name) {
    if (object.containsKey(name)) {
      return name;
    }
    for (String k : object.fieldNames()) {
      if (k.equalsIgnoreCase(name)) {
        return k;
      }
    }
    return null;
  }

  /** The object under {@code name}, or null when absent or not an object. */
  public static JsonObject object(JsonObject object, String name) {
    Object v = get(object, name);
    if (v instanceof JsonObject o) {
      return o;
    }
    if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      return new JsonObject(map);
    }
    return null;
  }

  /** An xsd:dateTime as an instant; one without an offset is taken as UTC. Null if unparseable. */
  public static Instant dateTime(String s) {
    try {
      TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
      return t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
