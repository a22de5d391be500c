package io.sallyport.devtenant.graph.odata;

/**
 * One lexeme of a {@code $filter}. Keywords and operators stay {@link Kind#WORD}s: whether {@code eq}
 * is an operator or a property name depends on where the parser meets it.
 *
 * @param value    the literal's value for STRING (unescaped), NUMBER (BigDecimal), DATETIME (Instant)
 * @param position 0-based character offset in the filter, as Graph reports it
 */
record FilterToken(Kind kind, String text, Object value, int position) {

  enum Kind { WORD, STRING, NUMBER, DATETIME, OPEN, CLOSE, COMMA, COLON, SLASH, END }

  /** Whether this is the given keyword; case-insensitive, as Graph's case-insensitive URI parser is. */
  boolean is(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  /** For messages: the token quoted, or a phrase for the end of input. */
  String describe() {
    return kind == Kind.END ? "the end of the filter" : "'" + text + "'";
  }
}
