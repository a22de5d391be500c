package io.sallyport.devtenant.control;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A control request's JSON body, read strictly: only the named fields are allowed (anything else is
 * a 400 naming it, so a typo never silently falls back to a default), and every getter checks the
 * type and names the field and the value it got.
 */
final class JsonBody {

  private final JsonObject json;

  private JsonBody(JsonObject json) {
    this.json = json;
  }

  /** The body; an absent body is {} when {@code optional}, else a 400. */
  static JsonBody of(RoutingContext rc, boolean optional, String... allowed) {
    Buffer raw = rc.body() == null ? null : rc.body().buffer();
    JsonObject json;
    if (raw == null || raw.length() == 0 || raw.toString().isBlank()) {
      if (!optional) {
        throw ControlError.badRequest("invalid_body", "the body must be a JSON object with "
            + String.join(", ", allowed));
      }
      json = new JsonObject();
    } else {
      Object parsed;
      try {
        parsed = io.vertx.core.json.Json.decodeValue(raw);
      } catch (DecodeException e) {
        String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("")
            .replace("Failed to decode:", "").trim();
        throw ControlError.badRequest("invalid_body", "the body is not valid JSON: " + why);
      }
      if (!(parsed instanceof JsonObject o)) {
        throw ControlError.badRequest("invalid_body", "the body must be a JSON object, got " + raw);
      }
      json = o;
    }
    Set<String> unknown = new TreeSet<>(json.fieldNames());
    unknown.removeAll(List.of(allowed));
    if (!unknown.isEmpty()) {
      throw ControlError.badRequest("unknown_field", "unknown field" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown.stream().map(u -> "\"" + u + "\"").toList()) + " in the body of "
          + rc.request().method() + " " + rc.request().path() + "; allowed: " + String.join(", ", allowed));
    }
    return new JsonBody(json);
  }

  boolean has(String key) {
    return json.containsKey(key) && json.getValue(key) != null;
  }

  String string(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw invalid(key, "a string", v);
    }
    return s;
  }

  String requiredString(String key) {
    String s = string(key);
    if (s == null || s.isBlank()) {
      throw ControlError.badRequest("missing_field", "\"" + key + "\" is required");
    }
    return s;
  }

  Long integer(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw invalid(key, "an integer", v);
    }
    return n.longValue();
  }

  Double number(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n)) {
      throw invalid(key, "a number", v);
    }
    return n.doubleValue();
  }

  Boolean bool(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw invalid(key, "true or false", v);
    }
    return b;
  }

  JsonObject object(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw invalid(key, "a JSON object", v);
    }
    return o;
  }

  /** An ISO-8601 duration such as PT1H. */
  Duration duration(String key) {
    String s = string(key);
    if (s == null) {
      return null;
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw invalid(key, "an ISO-8601 duration such as PT1H or P1D", s);
    }
  }

  /** An ISO-8601 instant such as 2025-01-31T10:00:00Z. */
  Instant instant(String key) {
    String s = string(key);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw invalid(key, "an ISO-8601 UTC instant such as 2025-01-31T10:00:00Z", s);
    }
  }

  static ControlError invalid(String key, String expected, Object got) {
    String shown = got instanceof String s ? "\"" + s + "\"" : got instanceof JsonArray || got instanceof JsonObject
        ? got.toString() : String.valueOf(got);
    return ControlError.badRequest("invalid_value", "\"" + key + "\" must be " + expected + ", got " + shown);
  }

}
