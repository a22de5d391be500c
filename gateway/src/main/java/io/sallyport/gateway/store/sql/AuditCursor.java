package io.sallyport.gateway.store.sql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Position in the audit trail: the last event's time and sequence number. Encoded opaque so
 * callers do not build cursors by hand, and parsed strictly so a forged one is an error rather
 * than a silently different page.
 */
record AuditCursor(Instant at, long seq) {
  private static final String VERSION = "a1";

  String encode() {
    String plain = VERSION + ":" + at.getEpochSecond() + ":" + at.getNano() + ":" + seq;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        plain.getBytes(StandardCharsets.UTF_8));
  }

  static AuditCursor parse(String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = plain.split(":");
      if (parts.length != 4 || !VERSION.equals(parts[0])) {
        throw new IllegalArgumentException("wrong shape");
      }
      return new AuditCursor(
          Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
          Long.parseLong(parts[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("audit cursor \"" + cursor
          + "\" is not one this store issued; expected the nextCursor of a previous page", e);
    }
  }
}
