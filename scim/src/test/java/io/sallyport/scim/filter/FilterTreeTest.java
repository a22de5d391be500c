package io.sallyport.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.spi.IndexedMatch;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trees the parser builds (precedence, grouping, literals) shown through their canonical rendering. */
class FilterTreeTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a eq "x" or b eq "y" and c eq "z"          | a eq "x" or (b eq "y" and c eq "z")
      a eq "x" and b eq "y" or c eq "z"          | (a eq "x" and b eq "y") or c eq "z"
      not a pr and b pr                          | not (a pr) and b pr
      not (a pr and b pr)                        | not (a pr and b pr)
      (a pr or b pr) and c pr                    | (a pr or b pr) and c pr
      a pr and b pr and c pr                     | a pr and b pr and c pr
      a pr or b pr or c pr                       | a pr or b pr or c pr
      ((a pr))                                   | a pr
      A EQ "x" AND B NE "y" OR NOT (C PR)        | (A eq "x" and B ne "y") or not (C pr)
      a eq 42                                    | a eq 42
      a gt -1.5e3                                | a gt -1.5E+3
      a eq true                                  | a eq true
      a eq False                                 | a eq false
      a eq NULL                                  | a eq null
      a eq "tab\\there \\u00e9 \\"q\\" \\\\ \\/" | a eq "tab\\there é \\"q\\" \\\\ /"
      emails[type eq "work" and primary eq true] | emails[type eq "work" and primary eq true]
      emails[type eq "work"].value eq "u@x"      | emails[type eq "work" and value eq "u@x"]
      emails[type eq "work" or type eq "home"].value pr | emails[(type eq "work" or type eq "home") and value pr]
      urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager eq "m" | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq "m"
      userName eq"x"and(title pr)                | userName eq "x" and title pr
      members[value eq "a"] or members[value eq "b"] | members[value eq "a"] or members[value eq "b"]
      """)
  void parsesToTheExpectedTree(String filter, String canonical) {
    Filter f = Filter.parse(filter);
    assertThat(f.toString()).isEqualTo(canonical);
    assertThat(Filter.parse(f.toString())).isEqualTo(f);
  }

  @Test
  void literalsAreTyped() {
    assertThat(Filter.parse("a eq 42")).isEqualTo(new Filter.Compare(AttributePath.of("a"), CompareOp.EQ,
        new BigDecimal("42")));
    assertThat(Filter.parse("a ne \"42\"")).isEqualTo(new Filter.Compare(AttributePath.of("a"), CompareOp.NE, "42"));
    assertThat(Filter.parse("a eq false")).isEqualTo(new Filter.Compare(AttributePath.of("a"), CompareOp.EQ, false));
    assertThat(Filter.parse("a eq null")).isEqualTo(new Filter.Compare(AttributePath.of("a"), CompareOp.EQ, null));
    assertThat(Filter.parse("x pr or y pr")).isEqualTo(new Filter.Or(List.of(
        new Filter.Present(AttributePath.of("x")), new Filter.Present(AttributePath.of("y")))));
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      USER  | userName eq "8f2c1c3a-4a5c"                       | userName    | 8f2c1c3a-4a5c
      USER  | UserName EQ "Test_User@contoso.com"               | userName    | Test_User@contoso.com
      USER  | externalId eq "0a21f0f2-8d2a"                     | externalId  | 0a21f0f2-8d2a
      USER  | id eq "2441309d85324e7793ae"                      | id          | 2441309d85324e7793ae
      USER  | (userName eq "a")                                 | userName    | a
      USER  | urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a" | userName | a
      GROUP | displayName eq "Tour Guides"                      | displayName | Tour Guides
      GROUP | externalId eq "8aa1a0c0"                          | externalId  | 8aa1a0c0
      GROUP | id eq "927fa2c08dcb"                              | id          | 927fa2c08dcb
      """)
  void indexedEqualities(ResourceKind kind, String filter, String attribute, String value) {
    assertThat(Filter.parse(filter).indexedEquality(kind)).contains(new IndexedMatch(attribute, value));
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      USER  | displayName eq "Babs"
      USER  | userName ne "a"
      USER  | userName co "a"
      USER  | userName eq null
      USER  | userName pr
      USER  | not (userName eq "a")
      USER  | userName eq "a" and active eq true
      USER  | userName eq "a" or userName eq "b"
      USER  | emails[type eq "work"].value eq "u@contoso.com"
      USER  | emails.value eq "u@contoso.com"
      USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "1"
      USER  | shoeSize eq "a"
      GROUP | userName eq "a"
      GROUP | members.value eq "a"
      """)
  void everythingElseScans(ResourceKind kind, String filter) {
    assertThat(Filter.parse(filter).indexedEquality(kind)).isEqualTo(Optional.empty());
  }
}
