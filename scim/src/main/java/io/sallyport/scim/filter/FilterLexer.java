package io.sallyport.scim.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits filter text into tokens: words (attribute paths, operators, keywords, {@code true},
 * {@code false}, {@code null}), JSON strings, JSON numbers and the four brackets. Strings follow
 * JSON (RFC 8259) exactly: the escapes it defines and no raw control characters.
 */
final class FilterLexer {

  enum Kind { WORD, STRING, NUMBER, LPAREN, RPAREN, LBRACKET, RBRACKET, END }

  /** A token and where it sits in the input; {@code value} is the decoded String or BigDecimal. */
  record Token(Kind kind, String text, int start, int end, Object value) {}

  private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  private final String in;
  private final SyntaxErrors errors;
  private int pos;

  private FilterLexer(String in, SyntaxErrors errors) {
    this.in = in;
    this.errors = errors;
  }

  static List<Token> tokens(String in, SyntaxErrors errors) {
    return new FilterLexer(in, errors).all();
  }

  private List<Token> all() {
    List<Token> out = new ArrayList<>();
    while (true) {
      while (pos < in.length() && (in.charAt(pos) == ' ' || in.charAt(pos) == '\t')) {
        pos++;
      }
      if (pos >= in.length()) {
        out.add(new Token(Kind.END, "", pos, pos, null));
        return out;
      }
      out.add(next());
    }
  }

  private Token next() {
    int start = pos;
    char c = in.charAt(pos);
    switch (c) {
      case '(': pos++; return new Token(Kind.LPAREN, "(", start, pos, null);
      case ')': pos++; return new Token(Kind.RPAREN, ")", start, pos, null);
      case '[': pos++; return new Token(Kind.LBRACKET, "[", start, pos, null);
      case ']': pos++; return new Token(Kind.RBRACKET, "]", start, pos, null);
      case '"': return string();
      default:
        break;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    if (isWordChar(c)) {
      while (pos < in.length() && isWordChar(in.charAt(pos))) {
        pos++;
      }
      return new Token(Kind.WORD, in.substring(start, pos), start, pos, null);
    }
    int cp = in.codePointAt(pos);
    throw errors.at(start, "unexpected character " + SyntaxErrors.describe(cp)
        + "; expected an attribute, an operator, a value, a bracket or a space");
  }

  /** Attribute names, URNs (colons, dots in "2.0"), {@code $ref}, and the sub-attribute after ']'. */
  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-' || c == ':' || c == '.' || c == '$';
  }

  private Token number() {
    int start = pos;
    int end = start;
    while (end < in.length() && (isWordChar(in.charAt(end)) || in.charAt(end) == '+')) {
      end++;
    }
    String text = in.substring(start, end);
    Matcher m = NUMBER.matcher(text);
    if (!m.matches()) {
      throw errors.at(start, "malformed number '" + SyntaxErrors.quote(text)
          + "'; expected a JSON number such as 42, -1.5 or 1e3");
    }
    pos = end;
    return new Token(Kind.NUMBER, text, start, end, new BigDecimal(text));
  }

  private Token string() {
    int start = pos;
    StringBuilder b = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= in.length()) {
        throw errors.at(start, "unterminated string '" + SyntaxErrors.quote(in.substring(start))
            + "'; expected a closing '\"'");
      }
      char c = in.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(Kind.STRING, in.substring(start, pos), start, pos, b.toString());
      }
      if (c < 0x20) {
        throw errors.at(pos, "control character " + SyntaxErrors.describe(c)
            + " inside a string; expected it escaped, as \\n or \\u00XX");
      }
      if (c == '\\') {
        escape(b);
      } else {
        b.append(c);
        pos++;
      }
    }
  }

  private void escape(StringBuilder b) {
    int at = pos;
    if (pos + 1 >= in.length()) {
      throw errors.at(at, "unterminated escape at the end of a string; expected a closing '\"'");
    }
    char e = in.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case '"' -> b.append('"');
      case '\\' -> b.append('\\');
      case '/' -> b.append('/');
      case 'b' -> b.append('\b');
      case 'f' -> b.append('\f');
      case 'n' -> b.append('\n');
      case 'r' -> b.append('\r');
      case 't' -> b.append('\t');
      case 'u' -> {
        if (pos + 4 > in.length() || !in.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
          throw errors.at(at, "invalid escape '" + SyntaxErrors.quote(in.substring(at, Math.min(in.length(), at + 6)))
              + "'; expected \\u and four hex digits");
        }
        b.append((char) Integer.parseInt(in.substring(pos, pos + 4), 16));
        pos += 4;
      }
      default -> throw errors.at(at, "invalid escape '\\" + SyntaxErrors.quote(String.valueOf(e))
          + "' in a string; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
    }
  }
}
