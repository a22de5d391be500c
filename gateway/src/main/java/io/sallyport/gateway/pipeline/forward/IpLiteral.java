package io.sallyport.gateway.pipeline.forward;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address bytes of a peer's IP literal, without ever doing a DNS lookup. */
final class IpLiteral {

  private IpLiteral() {}

  /** @return the address bytes, or null when {@code literal} is not an IPv4/IPv6 literal */
  static byte[] bytes(String literal) {
    if (literal == null || literal.isEmpty()) {
      return null;
    }
    int zone = literal.indexOf('%');
    int end = zone >= 0 ? zone : literal.length();
    for (int i = 0; i < end; i++) {
      char c = literal.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
      if (!ok) {
        // anything else could make InetAddress resolve a name: refuse instead
        return null;
      }
    }
    try {
      return InetAddress.getByName(literal.substring(0, end)).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
