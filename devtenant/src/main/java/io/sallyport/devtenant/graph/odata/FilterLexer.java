package io.sallyport.devtenant.graph.odata;

import io.sallyport.devtenant.graph.odata.FilterToken.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a {@code $filter} into tokens; every malformed lexeme becomes a positioned syntax error. */
final class FilterLexer {
  // Unquoted DateTimeOffset literal, e.g. 2024-01-01T00:00:00Z (OData writes them without quotes).
  private static final Pattern DATETIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})", Pattern.CASE_INSENSITIVE);
  // Checked before numbers and words so an unquoted id gets a message that says what is wrong.
  private static final Pattern GUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern WORD = Pattern.compile("\\$?[A-Za-z_][A-Za-z0-9_]*");

  private FilterLexer() {}

  static List<FilterToken> tokenize(String filter) {
    List<FilterToken> tokens = new ArrayList<>();
    Matcher m = DATETIME.matcher(filter);
    int i = 0;
    while (true) {
      while (i < filter.length() && Character.isWhitespace(filter.charAt(i))) {
        i++;
      }
      if (i == filter.length()) {
        tokens.add(new FilterToken(Kind.END, "", null, i));
        return tokens;
      }
      char c = filter.charAt(i);
      Kind single = switch (c) {
        case '(' -> Kind.OPEN;
        case ')' -> Kind.CLOSE;
        case ',' -> Kind.COMMA;
        case ':' -> Kind.COLON;
        case '/' -> Kind.SLASH;
        default -> null;
      };
      FilterToken t;
      if (single != null) {
        t = new FilterToken(single, String.valueOf(c), null, i);
      } else if (c == '\'') {
        t = string(filter, i);
      } else if (m.usePattern(GUID).region(i, filter.length()).lookingAt()) {
        throw ODataQueryException.filterSyntax(filter, i, "unquoted GUID '" + m.group()
            + "'; Graph compares ids as strings, so write '" + m.group() + "' in single quotes");
      } else if (m.usePattern(DATETIME).region(i, filter.length()).lookingAt()) {
        t = new FilterToken(Kind.DATETIME, m.group(), instant(filter, i, m.group()), i);
      } else if (m.usePattern(NUMBER).region(i, filter.length()).lookingAt()) {
        t = new FilterToken(Kind.NUMBER, m.group(), number(filter, i, m.group()), i);
      } else if (m.usePattern(WORD).region(i, filter.length()).lookingAt()) {
        t = new FilterToken(Kind.WORD, m.group(), null, i);
      } else {
        throw ODataQueryException.filterSyntax(filter, i, "character '" + c + "' is not valid here");
      }
      tokens.add(t);
      i += t.text().length(); // a string token's text is its raw source, quotes and all
    }
  }

  /** A single-quoted string; {@code ''} inside stands for one quote. Its text is the raw source. */
  private static FilterToken string(String filter, int start) {
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (c == '\'') {
        if (i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
          value.append('\'');
          i += 2;
          continue;
        }
        return new FilterToken(Kind.STRING, filter.substring(start, i + 1), value.toString(), start);
      }
      value.append(c);
      i++;
    }
    throw ODataQueryException.filterSyntax(filter, start, "unterminated string literal starting with '"
        + abbreviate(filter.substring(start)) + "'");
  }

  private static Instant instant(String filter, int at, String text) {
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.toUpperCase(), Instant::from);
    } catch (DateTimeParseException e) {
      throw ODataQueryException.filterSyntax(filter, at, "'" + text + "' is not a valid date and time");
    }
  }

  private static BigDecimal number(String filter, int at, String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) { // an exponent beyond int range
      throw ODataQueryException.filterSyntax(filter, at, "'" + text + "' is not a valid number");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
