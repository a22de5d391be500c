package io.sallyport.gateway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR notation, matched against a peer's address bytes. */
public record Cidr(byte[] network, int prefixLength, String text) {

  /** @throws IllegalArgumentException with a message that names the bad value */
  public static Cidr parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    // only literals: anything else would make InetAddress do a DNS lookup ("deadbeef", "1.2.3")
    boolean v4 = addr.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    boolean v6 = addr.contains(":") && addr.matches("[0-9a-fA-F:.]+");
    if (!v4 && !v6) {
      throw new IllegalArgumentException("not an IP address or CIDR: \"" + text + "\"");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(addr).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address or CIDR: \"" + text + "\"");
    }
    int max = bytes.length * 8;
    int len = max;
    if (slash >= 0) {
      try {
        len = Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a CIDR prefix length: \"" + text + "\"");
      }
      if (len < 0 || len > max) {
        throw new IllegalArgumentException("CIDR prefix length must be 0.." + max + ": \"" + text + "\"");
      }
    }
    return new Cidr(bytes, len, s);
  }

  public boolean contains(byte[] address) {
    if (address == null || address.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[full] & mask) == (network[full] & mask);
  }

  /** By value: the record default would compare the address arrays by identity. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && prefixLength == c.prefixLength && java.util.Arrays.equals(network, c.network)
        && text.equals(c.text);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    return text;
  }
}
