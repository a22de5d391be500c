package io.sallyport.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paths as PATCH and query parameters write them, Entra's forms included. */
class AttributePathTest {

  static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", textBlock = """
      userName                                   | -   | userName       | -          | -
      name.givenName                             | -   | name           | givenName  | -
      members[value eq "7f4bc1a3-285e"]          | -   | members        | -          | value eq "7f4bc1a3-285e"
      emails[type eq "work"].value               | -   | emails         | value      | type eq "work"
      roles[primary eq "True"].display           | -   | roles          | display    | primary eq "True"
      emails[type eq "work" and primary eq true] | -   | emails         | -          | type eq "work" and primary eq true
      urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager | ENT | manager | - | -
      urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager | ENT | manager | - | -
      urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value | ENT | manager | value | -
      urn:example:custom:1.0:Thing:badge.color   | urn:example:custom:1.0:Thing | badge | color | -
      members[value eq "a"].$ref                 | -   | members        | $ref       | value eq "a"
      """)
  void parses(String text, String urn, String attribute, String sub, String filter) {
    AttributePath p = AttributePath.parse(text);
    assertThat(p.schemaUrn()).isEqualTo("ENT".equals(urn) ? ENT : urn);
    assertThat(p.attribute()).isEqualTo(attribute);
    assertThat(p.subAttribute()).isEqualTo(sub);
    assertThat(p.valueFilter() == null ? null : p.valueFilter().toString()).isEqualTo(filter);
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      USER  | USERNAME                                   | userName
      USER  | Name.GivenName                             | name.givenName
      USER  | EMAILS[TYPE EQ "work"].VALUE               | emails[type eq "work"].value
      USER  | emails[type eq "other"].Value              | emails[type eq "other"].value
      USER  | manager                                    | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager
      USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:user.Manager.Value | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value
      USER  | urn:ietf:params:scim:schemas:core:2.0:User:userName | userName
      GROUP | MEMBERS[VALUE eq "u1" or Type eq "User"]   | members[value eq "u1" or type eq "User"]
      """)
  void canonicalises(ResourceKind kind, String text, String canonical) {
    assertThat(AttributePath.parse(text).canonical(kind).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      emails[type eq "work"                | path: unexpected end after 'emails[type eq "work"' (position 21); expected ']' to close the '[' at position 6
      members[value eq "x"] extra          | path: unexpected 'extra' at position 22 after 'members[value eq "x"]'; expected 'and', 'or' or the end
      members[value eq "x"] .value         | path: unexpected '.value' at position 22 after 'members[value eq "x"]'; expected 'and', 'or' or the end
      name.givenName.x                     | path: 'name.givenName.x' is not an attribute path; expected attribute or attribute.subAttribute, optionally after a schema URN (position 0)
      .value                               | path: unexpected '.value' at position 0; expected an attribute
      "userName"                           | path: unexpected '"userName"' at position 0; expected an attribute
      userName eq "x"                      | path: unexpected 'eq' at position 9 after 'userName'; expected 'and', 'or' or the end
      urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' names a schema, not an attribute; expected urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:attribute (position 0)
      """)
  void rejectsWithInvalidPath(String text, String detail) {
    assertThatThrownBy(() -> AttributePath.parse(text)).isInstanceOfSatisfying(ScimException.class, e -> {
      assertThat(e.scimType()).isEqualTo(ScimType.INVALID_PATH);
      assertThat(e.getMessage()).isEqualTo(detail);
    });
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      USER  | emails[nosuch eq "x"].value   | unknown attribute 'emails.nosuch': emails has no sub-attribute 'nosuch'
      USER  | emails[primary gt true]       | 'emails.primary' is a boolean; 'gt' is not defined for booleans, use eq or ne
      USER  | shoeSize                      | unknown attribute 'shoeSize' for User
      GROUP | members.nosuch                | unknown attribute 'members.nosuch': members has no sub-attribute 'nosuch'
      """)
  void canonicalRejectsWhatTheSchemaLacks(ResourceKind kind, String text, String detailEnd) {
    assertThatThrownBy(() -> AttributePath.parse(text).canonical(kind)).isInstanceOfSatisfying(ScimException.class,
        e -> {
          assertThat(e.scimType()).isEqualTo(ScimType.INVALID_PATH);
          assertThat(e.getMessage()).startsWith("path: ").endsWith(detailEnd);
        });
  }
}
