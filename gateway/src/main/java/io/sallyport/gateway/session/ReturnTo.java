package io.sallyport.gateway.session;

/**
 * Where a browser may be sent after signing in: a path on this gateway, nothing else. Anything that
 * a browser could read as another origin ({@code //host}, {@code /\host}, a scheme, control
 * characters, backslashes anywhere) falls back to {@code /}.
 */
public final class ReturnTo {

  static final int MAX_LENGTH = 2048;

  private ReturnTo() {}

  public static String safe(String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH || candidate.charAt(0) != '/') {
      return "/";
    }
    if (candidate.length() > 1 && (candidate.charAt(1) == '/' || candidate.charAt(1) == '\\')) {
      return "/";
    }
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '\\') {
        return "/";
      }
    }
    // an encoded slash or backslash right after the first one decodes to "//" in some stacks
    String head = candidate.length() >= 4 ? candidate.substring(1, 4).toLowerCase(java.util.Locale.ROOT) : "";
    if (head.equals("%2f") || head.equals("%5c")) {
      return "/";
    }
    return candidate;
  }
}
