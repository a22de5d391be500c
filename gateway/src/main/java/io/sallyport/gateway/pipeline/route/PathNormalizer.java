package io.sallyport.gateway.pipeline.route;

/**
 * Puts a request path into the one form that both route matching and the upstream see, so a
 * request cannot match a public prefix here and mean a protected path there
 * ({@code /public/../admin}, {@code /%61dmin}, {@code //admin}).
 *
 * <p>Percent-encoded unreserved characters are decoded (RFC 3986 §6.2.2.2), other escapes are
 * upper-cased, repeated slashes are merged; dot segments (raw or encoded) and backslashes are
 * refused rather than resolved, because upstreams disagree on how to resolve them.
 */
public final class PathNormalizer {

  private PathNormalizer() {}

  /** @return the normalized path, or null when the path is ambiguous and must be refused */
  public static String normalize(String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      return null;
    }
    StringBuilder out = null;
    int n = path.length();
    for (int i = 0; i < n; i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= n || hex(path.charAt(i + 1)) < 0 || hex(path.charAt(i + 2)) < 0) {
          return null;
        }
        char decoded = (char) (hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2)));
        if (out == null) {
          out = new StringBuilder(n).append(path, 0, i);
        }
        if (unreserved(decoded)) {
          out.append(decoded);
        } else {
          out.append('%').append(Character.toUpperCase(path.charAt(i + 1)))
              .append(Character.toUpperCase(path.charAt(i + 2)));
        }
        i += 2;
      } else if (c == '\\' || c < 0x21 || c == 0x7f) {
        return null;
      } else if (c == '/' && i > 0 && path.charAt(i - 1) == '/') {
        if (out == null) {
          out = new StringBuilder(n).append(path, 0, i);
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    String result = out == null ? path : out.toString();
    return hasDotSegment(result) ? null : result;
  }

  private static boolean hasDotSegment(String p) {
    int start = 1;
    int n = p.length();
    while (start <= n) {
      int end = p.indexOf('/', start);
      if (end < 0) {
        end = n;
      }
      int len = end - start;
      if ((len == 1 && p.charAt(start) == '.')
          || (len == 2 && p.charAt(start) == '.' && p.charAt(start + 1) == '.')) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
