package io.sallyport.gateway.pipeline.forward;

/**
 * Removes Sallyport's own cookies (the session and the sign-in in progress, with or without the
 * {@code __Host-} prefix) from a Cookie header bound upstream. Kept allocation-free for the usual
 * header that holds none of them.
 */
final class OwnCookies {

  private OwnCookies() {}

  /** @return the header without our cookies; null when nothing is left */
  static String strip(String header) {
    if (!header.contains("sallyport")) {
      return header;
    }
    StringBuilder b = new StringBuilder(header.length());
    for (String part : header.split(";")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      String name = eq < 0 ? p : p.substring(0, eq).trim();
      if (p.isEmpty() || ours(name)) {
        continue;
      }
      b.append(b.length() == 0 ? "" : "; ").append(p);
    }
    return b.length() == 0 ? null : b.toString();
  }

  private static boolean ours(String name) {
    String n = name.startsWith("__Host-") ? name.substring(7) : name;
    return n.equals("sallyport") || n.equals("sallyport-signin");
  }
}
