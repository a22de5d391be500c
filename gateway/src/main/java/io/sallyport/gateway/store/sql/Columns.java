package io.sallyport.gateway.store.sql;

import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How Java values meet SQL columns, the same way in every table. */
final class Columns {
  private Columns() {
  }

  /**
   * Both databases keep microseconds; truncating before writing means what a caller gets back
   * equals what a later read returns.
   */
  static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    ps.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static String json(JsonObject object) {
    return object.encode();
  }

  static JsonObject json(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? new JsonObject() : new JsonObject(text);
  }

  /** Case folding for case-insensitive keys; ROOT so a Turkish locale cannot change "I". */
  static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  static void checkPage(int offset, int limit) {
    if (offset < 0 || limit < 0 || limit > 1000) {
      throw new IllegalArgumentException(
          "page offset " + offset + " limit " + limit + "; expected offset >= 0 and limit 0..1000");
    }
  }

  static long count(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
