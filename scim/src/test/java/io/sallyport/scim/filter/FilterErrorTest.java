package io.sallyport.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad filter is a 400 invalidFilter whose detail names where, what was found and what was expected. */
class FilterErrorTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      userName eq                   | filter: unexpected end after 'userName eq' (position 11); expected a value (a quoted string, a number, true, false or null)
      userName eq "x" or true       | filter: unexpected end after 'userName eq "x" or true' (position 23); expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr)
      userName eq "x                | filter: unterminated string '"x'; expected a closing '"' (position 12)
      userName eq "x")              | filter: unexpected ')' at position 15 after 'userName eq "x"'; expected 'and', 'or' or the end (no '(' is open)
      )                             | filter: unexpected ')' at position 0; expected an attribute, '(' or 'not'
      " or ""="                     | filter: unexpected '" or "' at position 0; expected an attribute, '(' or 'not'
      userName eq "x" or ""=""      | filter: unexpected character '=' (U+003D); expected an attribute, an operator, a value, a bracket or a space (position 21)
      userName eq "x" or "" eq ""   | filter: unexpected '""' at position 19 after 'userName eq "x" or'; expected an attribute, '(' or 'not'
      userName = "x"                | filter: unexpected character '=' (U+003D); expected an attribute, an operator, a value, a bracket or a space (position 9)
      userName eq 'x'               | filter: unexpected character ''' (U+0027); expected an attribute, an operator, a value, a bracket or a space (position 12)
      userName eq x                 | filter: unexpected 'x' at position 12 after 'userName eq'; expected a value (a quoted string, a number, true, false or null)
      externalId eq jyoung          | filter: unexpected 'jyoung' at position 14 after 'externalId eq'; expected a value (a quoted string, a number, true, false or null)
      userName xx "x"               | filter: unexpected 'xx' at position 9 after 'userName'; expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr)
      userName                      | filter: unexpected end after 'userName' (position 8); expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr)
      (userName eq "x"              | filter: unexpected end after '(userName eq "x"' (position 16); expected ')' to close the '(' at position 0
      emails[type eq "work"         | filter: unexpected end after 'emails[type eq "work"' (position 21); expected ']' to close the '[' at position 6
      emails[type eq "work"]]       | filter: unexpected ']' at position 22 after 'emails[type eq "work"]'; expected 'and', 'or' or the end (no '[' is open)
      emails[type[value eq "x"]]    | filter: a value filter cannot contain another value filter (position 11)
      emails.value[type eq "work"]  | filter: a value filter follows the attribute itself, as in emails[type eq "work"].value; got 'emails.value[' (position 12)
      emails[emails.type eq "work"] | filter: inside a value filter name one sub-attribute of the filtered attribute, such as 'type'; got 'emails.type' (position 7)
      emails[type eq "work"].a.b eq "x" | filter: '.a.b' after ']' is not a sub-attribute; expected one name, as in emails[type eq "work"].value (position 22)
      a.b.c eq "x"                  | filter: 'a.b.c' is not an attribute path; expected attribute or attribute.subAttribute, optionally after a schema URN (position 0)
      userName eq "x" and           | filter: unexpected end after 'userName eq "x" and' (position 19); expected an attribute, '(' or 'not'
      and userName eq "x"           | filter: unexpected 'and' at position 0; expected an attribute, '(' or 'not'
      userName eq "x" userName eq "y" | filter: unexpected 'userName' at position 16 after 'userName eq "x"'; expected 'and', 'or' or the end
      userName eq 01                | filter: malformed number '01'; expected a JSON number such as 42, -1.5 or 1e3 (position 12)
      userName eq -                 | filter: malformed number '-'; expected a JSON number such as 42, -1.5 or 1e3 (position 12)
      userName eq "\\q"             | filter: invalid escape '\\q' in a string; expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX (position 13)
      userName eq "\\u12"           | filter: invalid escape '\\u12"'; expected \\u and four hex digits (position 13)
      not                           | filter: unexpected end after 'not' (position 3); expected an attribute, '(' or 'not'
      ()                            | filter: unexpected ')' at position 1 after '('; expected an attribute, '(' or 'not'
      userName eq "x" or (          | filter: unexpected end after 'userName eq "x" or (' (position 20); expected an attribute, '(' or 'not'
      [type eq "work"]              | filter: unexpected '[' at position 0; expected an attribute, '(' or 'not'
      urn:ietf:params:scim:schemas:core:2.0:User eq "x" | filter: 'urn:ietf:params:scim:schemas:core:2.0:User' names a schema, not an attribute; expected urn:ietf:params:scim:schemas:core:2.0:User:attribute (position 0)
      userName eq "é" or ü eq "x"   | filter: unexpected character 'ü' (U+00FC); expected an attribute, an operator, a value, a bracket or a space (position 19)
      userName eq "x" ; drop        | filter: unexpected character ';' (U+003B); expected an attribute, an operator, a value, a bracket or a space (position 16)
      """)
  void syntaxErrors(String filter, String detail) {
    assertInvalid(() -> Filter.parse(filter), detail);
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      USER  | shoeSize eq "x"                    | filter: unknown attribute 'shoeSize' for User
      USER  | name.nosuch eq "x"                 | filter: unknown attribute 'name.nosuch': name has no sub-attribute 'nosuch'
      USER  | members[value eq "x"]              | filter: unknown attribute 'members' for User
      GROUP | userName eq "x"                    | filter: unknown attribute 'userName' for Group
      USER  | urn:example:custom:1.0:User:badge eq "x" | filter: unknown attribute 'urn:example:custom:1.0:User:badge' for urn:example:custom:1.0:User
      USER  | emails[nosuch eq "x"]              | filter: unknown attribute 'emails.nosuch': emails has no sub-attribute 'nosuch'
      USER  | active gt true                     | filter: 'active' is a boolean; 'gt' is not defined for booleans, use eq or ne
      USER  | emails[primary le false]           | filter: 'emails.primary' is a boolean; 'le' is not defined for booleans, use eq or ne
      USER  | active co "t"                      | filter: 'active' is a boolean; 'co' is not defined for booleans, use eq or ne
      USER  | active eq 1                        | filter: 'active' is a boolean; compare it with true or false, got 1
      USER  | active eq "yes"                    | filter: 'active' is a boolean; compare it with true or false, got "yes"
      USER  | userName eq 5                      | filter: 'userName' is a string; 'eq' needs a quoted string, got 5
      USER  | userName eq true                   | filter: 'userName' is a string; 'eq' needs a quoted string, got true
      USER  | meta.created gt "yesterday"        | filter: 'meta.created' is a dateTime; expected a quoted xsd:dateTime such as "2011-05-13T04:42:34Z", got "yesterday"
      USER  | meta.created gt "2011-08-01"       | filter: 'meta.created' is a dateTime; expected a quoted xsd:dateTime such as "2011-05-13T04:42:34Z", got "2011-08-01"
      USER  | meta.created gt 2011               | filter: 'meta.created' is a dateTime; expected a quoted xsd:dateTime such as "2011-05-13T04:42:34Z", got 2011
      USER  | meta.created co "2011"             | filter: 'meta.created' is a dateTime; 'co' applies to strings only
      USER  | name eq "Barbara"                  | filter: 'name' is complex; compare one of its sub-attributes, such as name.formatted
      USER  | addresses co "Hollywood"           | filter: 'addresses' is complex; compare one of its sub-attributes, such as addresses.formatted
      USER  | userName gt null                   | filter: 'gt null' is not defined; null compares only with eq or ne
      USER  | title[value eq "x"]                | filter: 'title' is not a complex attribute; a value filter [...] applies to complex attributes such as emails or members
      USER  | not (userName eq "x" or shoeSize pr) | filter: unknown attribute 'shoeSize' for User
      """)
  void schemaErrors(ResourceKind kind, String filter, String detail) {
    Filter parsed = Filter.parse(filter);
    assertInvalid(() -> parsed.matcher(kind), detail);
    assertInvalid(() -> Filter.parse(filter, kind), detail);
  }

  @Test
  void emptyAndBlankFilters() {
    assertInvalid(() -> Filter.parse(""), "filter: empty; expected an expression such as userName eq \"bjensen\"");
    assertInvalid(() -> Filter.parse("   "), "filter: empty; expected an expression such as userName eq \"bjensen\"");
    assertInvalid(() -> Filter.parse(null), "filter: empty; expected an expression such as userName eq \"bjensen\"");
  }

  @Test
  void controlCharactersAreRejectedAndEscapedInTheDetail() {
    assertInvalid(() -> Filter.parse("userName eq \"a\u0001b\""),
        "filter: control character '\\u0001' (U+0001) inside a string; expected it escaped, as \\n or \\u00XX (position 14)");
    assertInvalid(() -> Filter.parse("userName\u0000eq \"x\""),
        "filter: unexpected character '\\u0000' (U+0000); expected an attribute, an operator, a value, a bracket or a space (position 8)");
    assertInvalid(() -> Filter.parse("userName eq \"x\"\n"),
        "filter: unexpected character '\\u000A' (U+000A); expected an attribute, an operator, a value, a bracket or a space (position 15)");
    // a right-to-left override cannot reorder the error text
    assertInvalid(() -> Filter.parse("userName eq \"x\" \u202e or"),
        "filter: unexpected character '\\u202E' (U+202E); expected an attribute, an operator, a value, a bracket or a space (position 16)");
  }

  @Test
  void lengthAndDepthLimits() {
    String tooLong = "userName eq \"" + "x".repeat(4096) + "\"";
    assertInvalid(() -> Filter.parse(tooLong), "filter: " + tooLong.length() + " characters; the limit is 4096");
    String deep = "(".repeat(33) + "userName pr" + ")".repeat(33);
    assertInvalid(() -> Filter.parse(deep), "filter: nested deeper than 32 levels (position 32)");
    String deepNots = "not ".repeat(1000) + "userName pr";
    assertInvalid(() -> Filter.parse(deepNots), "filter: nested deeper than 32 levels (position 128)");
    String unclosed = "(".repeat(4000);
    assertInvalid(() -> Filter.parse(unclosed), "filter: nested deeper than 32 levels (position 32)");
    // 32 levels is allowed
    String ok = "(".repeat(32) + "userName pr" + ")".repeat(32);
    assertThat(Filter.parse(ok).matches(Fixtures.user(), ResourceKind.USER)).isTrue();
    // a long flat chain is not nesting: 300 terms evaluate without deep recursion
    String chain = String.join(" or ", java.util.Collections.nCopies(300, "title pr"));
    assertThat(chain.length()).isLessThan(4096);
    assertThat(Filter.parse(chain).matches(Fixtures.user(), ResourceKind.USER)).isTrue();
  }

  @Test
  void longValuesAreCutInTheDetail() {
    String filter = "userName eq \"" + "y".repeat(300) + "\" zz";
    assertThatThrownBy(() -> Filter.parse(filter)).isInstanceOfSatisfying(ScimException.class, e ->
        assertThat(e.getMessage()).hasSizeLessThan(250).contains("unexpected 'zz' at position 315 after '…"));
  }

  static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detail) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
      assertThat(e.getMessage()).isEqualTo(detail);
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
      assertThat(e.body().getString("scimType")).isEqualTo("invalidFilter");
    });
  }
}
