package io.sallyport.gateway.entra.graph;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Graph's {@code Retry-After}: seconds, possibly fractional ({@code 2.128} in Microsoft's own
 * example), or an HTTP-date (RFC 9110). Anything else is treated as absent, never as "retry now
 * and forever".
 */
final class RetryAfter {

  private RetryAfter() {}

  /** The delay it asks for (zero or more); null when absent or unreadable. */
  static Duration parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.strip();
    int comma = v.indexOf(',');
    if (comma > 0 && Character.isDigit(v.charAt(0))) {
      v = v.substring(0, comma).strip(); // a comma list of numbers: the first one (as Kiota reads it)
    }
    if (v.matches("\\d{1,9}(\\.\\d{1,9})?")) {
      BigDecimal seconds = new BigDecimal(v);
      return Duration.ofMillis(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact());
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
