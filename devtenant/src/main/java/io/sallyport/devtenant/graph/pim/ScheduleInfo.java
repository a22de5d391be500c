package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A request's {@code scheduleInfo} (Graph's requestSchedule): when it starts and how it expires.
 * Input is read leniently as Graph does ({@code AfterDuration} or {@code afterDuration}); output is
 * Graph's camelCase. A start in the scenario's past means "now": clients send their wall-clock time,
 * which is behind a scenario clock that tests moved forward.
 *
 * @param type     notSpecified, noExpiration, afterDateTime or afterDuration
 * @param duration set for afterDuration
 * @param endAt    set for afterDateTime
 */
public record ScheduleInfo(Instant requestedStart, String type, Duration duration, Instant endAt) {

  public static ScheduleInfo parse(JsonObject body, Instant now) {
    Object raw = body.getValue("scheduleInfo");
    if (raw != null && !(raw instanceof JsonObject)) {
      throw invalid("scheduleInfo", String.valueOf(raw), "microsoft.graph.requestSchedule");
    }
    JsonObject info = raw == null ? new JsonObject() : (JsonObject) raw;
    Instant start = instant(info, "startDateTime");
    Object exp = info.getValue("expiration");
    if (exp != null && !(exp instanceof JsonObject)) {
      throw invalid("expiration", String.valueOf(exp), "microsoft.graph.expirationPattern");
    }
    JsonObject expiration = exp == null ? new JsonObject() : (JsonObject) exp;
    String type = type(expiration.getValue("type"));
    Duration duration = null;
    if (expiration.getValue("duration") != null) {
      String text = String.valueOf(expiration.getValue("duration"));
      try {
        duration = Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw invalid("duration", text, "Edm.Duration");
      }
      if (duration.isNegative() || duration.isZero()) {
        throw new GraphError(400, "InvalidRoleAssignmentRequest",
            "The expiration duration must be positive, not '" + text + "'.");
      }
    }
    Instant end = instant(expiration, "endDateTime");
    if (type.equals("afterDuration") && duration == null) {
      throw new GraphError(400, "InvalidRoleAssignmentRequest",
          "An expiration of type afterDuration requires a duration.");
    }
    if (type.equals("afterDateTime") && end == null) {
      throw new GraphError(400, "InvalidRoleAssignmentRequest",
          "An expiration of type afterDateTime requires an endDateTime.");
    }
    return new ScheduleInfo(start, type, duration, end);
  }

  private static String type(Object raw) {
    if (raw == null) {
      return "notSpecified";
    }
    String v = String.valueOf(raw);
    for (String t : new String[] {"notSpecified", "noExpiration", "afterDateTime", "afterDuration"}) {
      if (t.equalsIgnoreCase(v)) {
        return t;
      }
    }
    throw new GraphError(400, "BadRequest", "Requested value '" + v + "' was not found.");
  }

  private static Instant instant(JsonObject o, String key) {
    Object v = o.getValue(key);
    if (v == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(String.valueOf(v)).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(key, String.valueOf(v), "Edm.DateTimeOffset");
    }
  }

  private static GraphError invalid(String field, String value, String type) {
    return new GraphError(400, "BadRequest", "Cannot convert the literal '" + value + "' to the expected type '"
        + type + "' (property '" + field + "').");
  }

  /** When the schedule starts on the scenario clock. */
  public Instant startAt(Instant now) {
    return requestedStart == null || requestedStart.isBefore(now) ? now : requestedStart;
  }

  /** When it ends; {@code fallback} for notSpecified, null for noExpiration. */
  public Instant endFrom(Instant start, Duration fallback) {
    return switch (type) {
      case "afterDuration" -> start.plus(duration);
      case "afterDateTime" -> endAt;
      case "noExpiration" -> null;
      default -> fallback == null ? null : start.plus(fallback);
    };
  }

  /** How long an activation would last, for the ExpirationRule; null when it would never end. */
  public Duration length(Instant start, Duration fallback) {
    Instant end = endFrom(start, fallback);
    return end == null ? null : Duration.between(start, end);
  }

  /** Graph's requestSchedule JSON, camelCase, with recurrence (always null here). */
  public JsonObject json(Instant start) {
    JsonObject expiration = new JsonObject().put("type", type)
        .put("endDateTime", endAt == null ? null : endAt.toString())
        .put("duration", duration == null ? null : duration.toString());
    return new JsonObject().put("startDateTime", start.toString()).putNull("recurrence").put("expiration", expiration);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
