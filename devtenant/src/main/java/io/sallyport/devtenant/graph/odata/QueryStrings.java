package io.sallyport.devtenant.graph.odata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Rebuilds a request's query string for a next link: every original parameter, re-encoded strictly. */
final class QueryStrings {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private QueryStrings() {}

  /**
   * {@code rawQuery} (as received, may be null) without any {@code name} parameter, then
   * {@code name=value} appended. Parameters are decoded and re-encoded so a client's loosely encoded
   * query (raw quotes, {@code +} for space) still yields a link any HTTP client sends unchanged.
   */
  static String replace(String rawQuery, String name, String value) {
    List<String> pairs = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (key.equalsIgnoreCase(name)) {
          continue;
        }
        pairs.add(eq < 0 ? encode(key) : encode(key) + "=" + encode(decode(pair.substring(eq + 1))));
      }
    }
    pairs.add(encode(name) + "=" + encode(value));
    return String.join("&", pairs);
  }

  /** Percent-encodes all but RFC 3986 unreserved characters and {@code $} (Graph's links keep it). */
  static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~$".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a stray '%': keep the text as sent rather than fail the page
    }
  }
}
