package io.sallyport.gateway.http;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Request ids: 128 random bits in hex. Not secrets (they are echoed to clients and logs), so a
 * fast non-cryptographic source is right; injected so tests can pin them.
 */
public final class RequestIds implements Supplier<String> {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  @Override
  public String get() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    char[] out = new char[32];
    fill(out, 0, r.nextLong());
    fill(out, 16, r.nextLong());
    return new String(out);
  }

  private static void fill(char[] out, int at, long v) {
    for (int i = 15; i >= 0; i--) {
      out[at + i] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    }
  }

  /** An incoming id is kept only from a trusted proxy and only when it is harmless to log. */
  public static boolean acceptable(String id) {
    if (id == null || id.isEmpty() || id.length() > 128) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
