package io.sallyport.scim.http;

import io.vertx.core.buffer.Buffer;

/**
 * Measures how deeply a JSON text nests, in one pass without recursion, before any parser sees it:
 * a body of a million '[' must cost a linear scan and a 400, not a parser's stack.
 */
final class JsonDepth {

  private JsonDepth() {}

  /** The first nesting depth above {@code max}, or -1 if the text never nests deeper than max. */
  static int exceeds(Buffer json, int max) {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0, n = json.length(); i < n; i++) {
      byte b = json.getByte(i);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        if (++depth > max) {
          return depth;
        }
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return -1;
  }
}
