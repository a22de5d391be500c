package io.sallyport.gateway.pipeline.forward;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address bytes of a peer's IP literal, without ever doing a DNS lookup. */
final class IpLiteral {

  private IpLiteral() {}

  static byte[] bytes(String literal) {
    if (literal == null || literal.isEmpty() || !literal.matches("[0-9a-fA-F:.%a-zA-Z0-9]+")) {
      return null;
    }
    int zone = literal.indexOf('%');
    String bare = zone >= 0 ? literal.substring(0, zone) : literal;
    if (!bare.matches("[0-9a-fA-F:.]+")) {
      return null;
    }
    try {
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
