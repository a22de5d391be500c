package io.sallyport.gateway.entra.oidc;

/** Attacker-chosen values quoted in details are cut short and stripped of control characters. */
final class Clip {

  private static final int MAX = 80;

  private Clip() {}

  static String of(Object value) {
    String s = String.valueOf(value);
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX + 3));
    for (int i = 0; i < s.length() && b.length() < MAX; i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return s.length() > MAX ? b + "..." : b.toString();
  }
}
