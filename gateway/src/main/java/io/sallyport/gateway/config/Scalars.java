package io.sallyport.gateway.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the scalar forms the file uses. Each returns null for text it does not accept, so
 * the caller can phrase the error with the key's own expectation.
 */
final class Scalars {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
  // a unit is required: a bare "30" is ambiguous between seconds and milliseconds
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,15})(B|KB|MB|GB|KiB|MiB|GiB)?");
  private static final int MAX_QUOTED = 200;

  private Scalars() {}

  static Integer integer(String s) {
    if (!INTEGER.matcher(s).matches()) {
      return null;
    }
    long v = Long.parseLong(s);
    return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) v;
  }

  /** YAML 1.2 booleans only: "yes", "on" and friends are too easy to write by accident. */
  static Boolean bool(String s) {
    return switch (s) {
      case "true", "True", "TRUE" -> Boolean.TRUE;
      case "false", "False", "FALSE" -> Boolean.FALSE;
      default -> null;
    };
  }

  static Duration duration(String s) {
    Matcher m = DURATION.matcher(s);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** Bytes; KB/MB/GB are decimal, KiB/MiB/GiB binary, a bare number is bytes. */
  static Long size(String s) {
    Matcher m = SIZE.matcher(s);
    if (!m.matches()) {
      return null;
    }
    long factor = switch (m.group(2) == null ? "B" : m.group(2)) {
      case "KB" -> 1_000L;
      case "MB" -> 1_000_000L;
      case "GB" -> 1_000_000_000L;
      case "KiB" -> 1L << 10;
      case "MiB" -> 1L << 20;
      case "GiB" -> 1L << 30;
      default -> 1L;
    };
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** A value as it appears in a message: double-quoted, escaped, and cut if very long. */
  static String quote(String s) {
    String cut = s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "..." : s;
    StringBuilder b = new StringBuilder(cut.length() + 2).append('"');
    for (char c : cut.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
