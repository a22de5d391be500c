package io.sallyport.gateway.pipeline.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1): meaningful for one connection only, so never forwarded
 * in either direction. Checked by length first because it runs for every header of every request.
 */
final class HopByHop {

  private HopByHop() {}

  static boolean is(String name) {
    switch (name.length()) {
      case 2:
        return name.equalsIgnoreCase("te");
      case 7:
        return name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
      case 10:
        return name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
      case 16:
        return name.equalsIgnoreCase("proxy-connection");
      case 17:
        return name.equalsIgnoreCase("transfer-encoding");
      case 18:
        return name.equalsIgnoreCase("proxy-authenticate");
      case 19:
        return name.equalsIgnoreCase("proxy-authorization");
      default:
        return false;
    }
  }

  /** The extra header names a Connection header declares hop-by-hop, lower case; empty if none. */
  static List<String> declaredBy(List<String> connectionValues) {
    if (connectionValues.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(2);
    for (String v : connectionValues) {
      for (String token : v.split(",")) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty() && !t.equals("close") && !t.equals("keep-alive") && !t.equals("upgrade")) {
          names.add(t);
        }
      }
    }
    return names;
  }

  static boolean listed(List<String> declared, String name) {
    for (int i = 0; i < declared.size(); i++) {
      if (declared.get(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
