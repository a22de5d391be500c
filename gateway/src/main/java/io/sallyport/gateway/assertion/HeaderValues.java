package io.sallyport.gateway.assertion;

/**
 * Which identity values may go into a plain header. A header value with CR, LF or other control
 * characters could split or smuggle headers upstream; a value that fails is omitted.
 */
final class HeaderValues {
  private static final String UPN_SPECIALS = ".!#$%&'*+/=?^_`{|}~@-";

  private HeaderValues() {}

  /** An Entra object id: a GUID in practice; letters, digits and dashes, at most 64. */
  static boolean objectId(String v) {
    if (v == null || v.isEmpty() || v.length() > 64) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** A user principal name: email-like, ASCII letters, digits and RFC 5322 atom specials, at most 256. */
  static boolean upn(String v) {
    if (v == null || v.isEmpty() || v.length() > 256 || v.indexOf('@') <= 0) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || UPN_SPECIALS.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }
}
