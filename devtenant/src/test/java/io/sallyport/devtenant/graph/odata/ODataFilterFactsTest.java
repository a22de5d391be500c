package io.sallyport.devtenant.graph.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What a filter reports to the endpoint: properties read, advanced operators, required equalities. */
class ODataFilterFactsTest {

  static Stream<Arguments> facts() {
    return Stream.of(
        arguments("principalId eq 'a'", Set.of("principalid"), false),
        arguments("accessPackage/id eq 'a' and target/objectid eq 'b'", Set.of("accesspackage/id", "target/objectid"),
            false),
        arguments("contains(tolower(displayName),'team')", Set.of("displayname"), false),
        arguments("startswith(displayName,'A') or id in ('a')", Set.of("displayname", "id"), false),
        arguments("proxyAddresses/any(p:startswith(p,'smtp:'))", Set.of("proxyaddresses"), false),
        arguments("identities/any(c:c/issuer eq 'x')", Set.of("identities", "identities/issuer"), false),
        arguments("id ne 'a'", Set.of("id"), true),
        arguments("not (id eq 'a')", Set.of("id"), true),
        arguments("endswith(mail,'@x.com')", Set.of("mail"), true),
        arguments("memberOf/$count eq 0", Set.of("memberof/$count"), true),
        arguments("identities/any(c:c/issuer ne 'x')", Set.of("identities", "identities/issuer"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("facts")
  void factsTable(String filter, Set<String> properties, boolean advanced) {
    ODataFilter f = ODataFilter.parse(filter);
    assertThat(f.properties()).isEqualTo(properties);
    assertThat(f.usesAdvancedOperators()).isEqualTo(advanced);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "groupId eq 'g1'|groupId|g1",
      "groupid eq 'g1'|GroupId|g1",
      "principalId eq 'p1' and groupId eq 'g1'|groupId|g1",
      "'g1' eq groupId|groupId|g1",
      "principalId eq 'it''s'|principalId|it's",
      "seats eq 3.50|seats|3.50",
      "isAvailable eq true|isAvailable|true",
      "groupId eq 'g1' or principalId eq 'p1'|groupId|-",
      "not (groupId eq 'g1')|groupId|-",
      "groupId ne 'g1'|groupId|-",
      "groupId eq null|groupId|-",
      "principalId eq 'p1'|groupId|-",
      "target/objectId eq 't1'|target/objectid|t1",
      "(groupId eq 'g1') and (principalId eq 'p1')|principalId|p1"})
  void equalityValueTable(String filter, String property, String expected) {
    assertThat(ODataFilter.parse(filter).equalityValue(property).orElse(null)).isEqualTo(expected);
  }

  @Test
  void requireOnlyRefusesOtherPropertiesWithGraphsMessage() {
    ODataFilter f = ODataFilter.parse("groupId eq 'g' and Mail eq 'm'");
    f.requireOnly(List.of("groupId", "mail"), "User");
    assertThatThrownBy(() -> f.requireOnly(List.of("groupId"), "User"))
        .isInstanceOfSatisfying(ODataQueryException.class, e -> {
          assertThat(e.code()).isEqualTo("Request_UnsupportedQuery");
          assertThat(e.getMessage()).isEqualTo(
              "Unsupported or invalid query filter clause specified for property 'mail' of resource 'User'.");
        });
  }

  @Test
  void keepsItsText() {
    assertThat(ODataFilter.parse("id eq 'a'").text()).isEqualTo("id eq 'a'");
  }
}
