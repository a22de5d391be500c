package io.sallyport.scim.filter;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;

/**
 * Builds the 400s of the filter and path parsers. Every message names the position (0-based) and
 * what was found and expected, and quotes client text only escaped and cut short, so a hostile
 * filter cannot put control characters or a megabyte into the error body.
 */
final class SyntaxErrors {

  private static final int QUOTE_LIMIT = 100;

  private final String input;
  private final ScimType type;
  private final String label;

  SyntaxErrors(String input, ScimType type, String label) {
    this.input = input;
    this.type = type;
    this.label = label;
  }

  ScimException at(int position, String message) {
    return ScimException.badRequest(type, label + ": " + message + " (position " + position + ")");
  }

  /** "unexpected end after 'userName eq' (position 11); expected a value". */
  ScimException unexpectedEnd(String expected) {
    return ScimException.badRequest(type, label + ": unexpected end after '" + quote(input.strip())
        + "' (position " + input.length() + "); expected " + expected);
  }

  /** "unexpected ')' at position 5 after 'x pr'; expected 'and', 'or' or the end". */
  ScimException unexpected(String token, int position, String expected) {
    String before = input.substring(0, position).strip();
    String after = before.isEmpty() ? "" : " after '" + quote(before) + "'";
    return ScimException.badRequest(type, label + ": unexpected '" + quote(token) + "' at position " + position
        + after + "; expected " + expected);
  }

  ScimException plain(String message) {
    return ScimException.badRequest(type, label + ": " + message);
  }

  /** The text escaped (control and non-ASCII-printable characters as \\uXXXX) and cut to the limit. */
  static String quote(String text) {
    String s = text;
    String prefix = "";
    if (s.length() > QUOTE_LIMIT) {
      s = s.substring(s.length() - QUOTE_LIMIT);
      prefix = "…";
    }
    StringBuilder b = new StringBuilder(prefix);
    s.codePoints().forEach(cp -> {
      if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || Character.getType(cp) == Character.FORMAT
          || Character.getType(cp) == Character.SURROGATE) {
        b.append(String.format("\\u%04X", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }

  /** "'=' (U+003D)" for a character outside the grammar. */
  static String describe(int codePoint) {
    return "'" + quote(new String(Character.toChars(codePoint))) + "' (U+" + String.format("%04X", codePoint) + ")";
  }
}
