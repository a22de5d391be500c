package io.sallyport.scim.filter;

import io.sallyport.scim.ScimType;
import io.sallyport.scim.filter.FilterLexer.Kind;
import io.sallyport.scim.filter.FilterLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive descent over RFC 7644 §3.4.2.2: {@code or} binds loosest, then {@code and}, then
 * {@code not}; parentheses group; {@code attr[valFilter]} filters a complex attribute's values.
 * Recursion happens only through '(', 'not' and '[', each counted against {@link #MAX_DEPTH}, and
 * the input is capped at {@link #MAX_LENGTH}, so no input can exhaust the stack.
 */
final class FilterParser {

  static final int MAX_LENGTH = 4096;
  static final int MAX_DEPTH = 32;

  private static final String EXPECT_OPERATOR = "an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr)";
  private static final String EXPECT_VALUE = "a value (a quoted string, a number, true, false or null)";
  private static final String EXPECT_TERM = "an attribute, '(' or 'not'";

  private final String input;
  private final SyntaxErrors errors;
  private final List<Token> tokens;
  private int index;
  private int depth;

  private FilterParser(String input, SyntaxErrors errors) {
    this.input = input;
    this.errors = errors;
    this.tokens = FilterLexer.tokens(input, errors);
  }

  static Filter parseFilter(String text) {
    FilterParser p = start(text, ScimType.INVALID_FILTER, "filter");
    Filter f = p.or(false);
    p.expectEnd();
    return f;
  }

  static AttributePath parsePath(String text, ScimType type, String label) {
    FilterParser p = start(text, type, label);
    Token word = p.peek();
    if (word.kind() != Kind.WORD || word.text().startsWith(".")) {
      throw p.unexpected(word, "an attribute");
    }
    p.index++;
    AttributePath path = PathText.parse(word, false, p.errors);
    if (p.peek().kind() == Kind.LBRACKET) {
      path = p.valueFilterOf(path, word);
      Token sub = p.peek();
      if (sub.kind() == Kind.WORD && sub.text().startsWith(".") && sub.start() == p.tokens.get(p.index - 1).end()) {
        p.index++;
        String name = PathText.subAttributeAfterBracket(sub, p.errors);
        path = new AttributePath(path.schemaUrn(), path.attribute(), name, path.valueFilter());
      }
    }
    p.expectEnd();
    return path;
  }

  private static FilterParser start(String text, ScimType type, String label) {
    String in = text == null ? "" : text;
    SyntaxErrors errors = new SyntaxErrors(in, type, label);
    if (in.length() > MAX_LENGTH) {
      throw errors.plain(in.length() + " characters; the limit is " + MAX_LENGTH);
    }
    if (in.isBlank()) {
      throw errors.plain("empty; expected " + ("filter".equals(label) ? "an expression such as userName eq \"bjensen\""
          : "an attribute path such as name.givenName"));
    }
    return new FilterParser(in, errors);
  }

  private Filter or(boolean inValue) {
    List<Filter> terms = new ArrayList<>();
    terms.add(and(inValue));
    while (isWord(peek(), "or")) {
      index++;
      terms.add(and(inValue));
    }
    return terms.size() == 1 ? terms.get(0) : new Filter.Or(terms);
  }

  private Filter and(boolean inValue) {
    List<Filter> terms = new ArrayList<>();
    terms.add(unary(inValue));
    while (isWord(peek(), "and")) {
      index++;
      terms.add(unary(inValue));
    }
    return terms.size() == 1 ? terms.get(0) : new Filter.And(terms);
  }

  private Filter unary(boolean inValue) {
    Token t = peek();
    if (isWord(t, "not")) {
      index++;
      enter(t);
      // RFC 7644 writes not "(" … ")"; a bare "not attr op value" is read the same way.
      Filter inner = unary(inValue);
      depth--;
      return new Filter.Not(inner);
    }
    if (t.kind() == Kind.LPAREN) {
      index++;
      enter(t);
      Filter inner = or(inValue);
      expect(Kind.RPAREN, "')' to close the '(' at position " + t.start());
      depth--;
      return inner;
    }
    if (t.kind() == Kind.WORD && !t.text().startsWith(".") && !isKeyword(t)) {
      return attributeExpression(inValue);
    }
    throw unexpected(t, EXPECT_TERM);
  }

  private Filter attributeExpression(boolean inValue) {
    Token word = next();
    AttributePath path = PathText.parse(word, inValue, errors);
    if (peek().kind() == Kind.LBRACKET) {
      if (inValue) {
        throw errors.at(peek().start(), "a value filter cannot contain another value filter");
      }
      AttributePath filtered = valueFilterOf(path, word);
      Token sub = peek();
      if (sub.kind() == Kind.WORD && sub.text().startsWith(".") && sub.start() == tokens.get(index - 1).end()) {
        // Entra's emails[type eq "work"].value eq "x": the comparison joins the value filter.
        index++;
        String name = PathText.subAttributeAfterBracket(sub, errors);
        Filter leaf = comparison(AttributePath.of(name));
        return new Filter.ValuePath(filtered.withoutFilter(), new Filter.And(List.of(filtered.valueFilter(), leaf)));
      }
      return new Filter.ValuePath(filtered.withoutFilter(), filtered.valueFilter());
    }
    return comparison(path);
  }

  private AttributePath valueFilterOf(AttributePath path, Token word) {
    Token open = next();
    if (path.subAttribute() != null) {
      throw errors.at(open.start(), "a value filter follows the attribute itself, as in emails[type eq \"work\"].value; got '"
          + SyntaxErrors.quote(word.text()) + "['");
    }
    enter(open);
    Filter inner = or(true);
    expect(Kind.RBRACKET, "']' to close the '[' at position " + open.start());
    depth--;
    return new AttributePath(path.schemaUrn(), path.attribute(), null, inner);
  }

  private Filter comparison(AttributePath path) {
    Token opToken = peek();
    if (opToken.kind() != Kind.WORD) {
      throw unexpected(opToken, EXPECT_OPERATOR);
    }
    if (opToken.text().equalsIgnoreCase("pr")) {
      index++;
      return new Filter.Present(path);
    }
    CompareOp op = CompareOp.fromWord(opToken.text());
    if (op == null) {
      throw unexpected(opToken, EXPECT_OPERATOR);
    }
    index++;
    return new Filter.Compare(path, op, value());
  }

  private Object value() {
    Token t = peek();
    switch (t.kind()) {
      case STRING, NUMBER -> {
        index++;
        return t.value();
      }
      case WORD -> {
        String w = t.text().toLowerCase(Locale.ROOT);
        if (w.equals("true") || w.equals("false")) {
          index++;
          return Boolean.valueOf(w);
        }
        if (w.equals("null")) {
          index++;
          return null;
        }
        throw unexpected(t, EXPECT_VALUE);
      }
      default -> throw unexpected(t, EXPECT_VALUE);
    }
  }

  private void expectEnd() {
    Token t = peek();
    if (t.kind() == Kind.END) {
      return;
    }
    String expected = "'and', 'or' or the end";
    if (t.kind() == Kind.RPAREN) {
      expected += " (no '(' is open)";
    } else if (t.kind() == Kind.RBRACKET) {
      expected += " (no '[' is open)";
    }
    throw unexpected(t, expected);
  }

  private void expect(Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw unexpected(t, what);
    }
    index++;
  }

  private void enter(Token at) {
    if (++depth > MAX_DEPTH) {
      throw errors.at(at.start(), "nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private io.sallyport.scim.ScimException unexpected(Token t, String expected) {
    return t.kind() == Kind.END ? errors.unexpectedEnd(expected) : errors.unexpected(t.text(), t.start(), expected);
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token next() {
    return tokens.get(index++);
  }

  private static boolean isWord(Token t, String word) {
    return t.kind() == Kind.WORD && t.text().equalsIgnoreCase(word);
  }

  private static boolean isKeyword(Token t) {
    return isWord(t, "and") || isWord(t, "or");
  }
}
