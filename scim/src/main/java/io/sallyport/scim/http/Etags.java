package io.sallyport.scim.http;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;

/**
 * ETags are the storage version as a weak tag, {@code W/"7"}; {@code meta.version} carries the same
 * string. Preconditions compare weakly (RFC 7232 §2.3.2): {@code "7"} and {@code W/"7"} match.
 */
final class Etags {

  private Etags() {}

  static String of(long version) {
    return "W/\"" + version + "\"";
  }

  /** True when the header (a list of tags, or {@code *}) names {@code version}. */
  static boolean matches(String header, long version) {
    for (String tag : header.split(",")) {
      String t = tag.trim();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals("\"" + version + "\"")) {
        return true;
      }
    }
    return false;
  }

  /** If-Match: a stale tag is 412 and the client must re-read (RFC 7644 §3.14). */
  static void requireMatch(String ifMatch, String resource, long version) {
    if (ifMatch != null && !matches(ifMatch, version)) {
      throw new ScimException(412, ScimType.INVALID_VERS,
          "If-Match " + ifMatch + " does not match " + resource + ", which is at " + of(version));
    }
  }
}
