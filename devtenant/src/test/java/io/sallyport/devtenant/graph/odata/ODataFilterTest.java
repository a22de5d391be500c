package io.sallyport.devtenant.graph.odata;

import static io.sallyport.devtenant.graph.odata.ODataFixtures.GROUP;
import static io.sallyport.devtenant.graph.odata.ODataFixtures.PACKAGE;
import static io.sallyport.devtenant.graph.odata.ODataFixtures.PRINCIPAL;
import static io.sallyport.devtenant.graph.odata.ODataFixtures.ROLE;
import static io.sallyport.devtenant.graph.odata.ODataFixtures.TARGET;
import static io.sallyport.devtenant.graph.odata.ODataFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** $filter evaluation: every form the reference documents, then the grammar's corners. */
class ODataFilterTest {

  static Stream<Arguments> filters() {
    return Stream.of(
        // documented forms (reference §§4–7)
        arguments("roleInstance", "principalId eq '" + PRINCIPAL + "'", true),
        arguments("roleInstance", "principalId eq '" + USER + "'", false),
        arguments("roleInstance", "roleDefinitionId eq '" + ROLE + "' and principalId eq '" + PRINCIPAL + "'", true),
        arguments("roleInstance", "roleDefinitionId eq '" + ROLE + "' and principalId eq '" + USER + "'", false),
        arguments("roleInstance", "directoryScopeId eq '/' and appScopeId eq null", true),
        arguments("roleInstance", "assignmentType eq 'Activated'", true),
        arguments("groupInstance", "groupId eq '" + GROUP + "'", true),
        arguments("groupInstance", "groupId eq '" + GROUP.toUpperCase() + "'", true),
        arguments("assignment", "state eq 'Delivered'", true),
        arguments("assignment", "state eq 'delivering'", false),
        arguments("assignment", "target/objectid eq '" + TARGET + "'", true),
        arguments("assignment", "accessPackage/id eq '" + PACKAGE + "' and target/objectid eq '" + TARGET + "'", true),
        arguments("assignment", "accessPackage/id eq '" + PACKAGE + "' and target/objectid eq '" + USER + "'", false),
        arguments("package", "contains(tolower(displayName),'team')", true),
        arguments("package", "contains(tolower(displayName),'teams')", false),
        arguments("package", "id eq 'c1'", true),
        arguments("misc", "isAvailable eq true", true),
        arguments("acceptance", "userId eq '" + USER + "'", true),
        arguments("acceptance", "expirationDateTime ge 2024-01-01T00:00:00Z", true),
        arguments("acceptance", "expirationDateTime ge 2024-06-01T00:00:00.0000001Z", false),
        arguments("acceptance", "expirationDateTime le 2024-06-01T02:00:00+02:00", true),
        arguments("openAcceptance", "expirationDateTime eq null", true),
        arguments("acceptance", "expirationDateTime eq null", false),
        arguments("openAcceptance", "expirationDateTime ge 2024-01-01T00:00:00Z", false),
        arguments("user", "startswith(displayName,'A')", true),
        arguments("user", "startsWith(displayName,'v')", false),
        arguments("user", "userPrincipalName eq 'a@b.com'", true),
        arguments("user", "accountEnabled eq false", true),
        arguments("user", "accountEnabled eq true", false),
        arguments("package", "id in ('a','b')", false),
        arguments("package", "id in ('a','C1')", true),
        // lambdas over collections
        arguments("user", "proxyAddresses/any(p:startswith(p,'smtp:'))", true),
        arguments("user", "proxyAddresses/any(p: p eq 'x500:/o=OLD')", true),
        arguments("user", "identities/any(c:c/issuer eq 'facebook.com')", true),
        arguments("user", "identities/any(c:c/issuer eq 'github.com')", false),
        arguments("user", "identities/any(c:c/issuer eq 'contoso.com' and c/signInType eq 'federated')", false),
        arguments("user", "businessPhones/any()", false),
        arguments("user", "identities/any()", true),
        arguments("user", "displayName/any(p: p eq 'x')", false),
        arguments("user", "identities/$count eq 2", true),
        // boolean structure and precedence: not > and > or
        arguments("user", "id eq 'x' or id eq 'u1' and accountEnabled eq false", true),
        arguments("user", "(id eq 'x' or id eq 'u1') and accountEnabled eq true", false),
        arguments("user", "not accountEnabled eq true", true),
        arguments("user", "not (id eq 'u1' or id eq 'u2')", false),
        arguments("user", "not not id eq 'u1'", true),
        arguments("user", "id ne 'u1'", false),
        arguments("user", "endswith(mail,'@contoso.com')", true),
        arguments("user", "ID EQ 'u1' AND NOT(displayname eq 'bob')", true),
        // values: numbers, escapes, strings ordered, missing properties, literals on the left
        arguments("misc", "seats gt 2 and seats lt 4 and seats ge 3 and seats le 3.0", true),
        arguments("misc", "score eq 2.50 and big gt 1e13", true),
        arguments("misc", "seats eq '3'", false),
        arguments("misc", "name eq 'o''brien'", true),
        arguments("misc", "name gt 'N' and name lt 'p'", true),
        arguments("misc", "missing eq null and missing ne 'x'", true),
        arguments("misc", "missing gt 1 or missing lt 1", false),
        arguments("misc", "'c1' eq id", true),
        arguments("assignment", "target eq null", false),
        arguments("assignment", "expiredDateTime lt '2019-04-26T00:00:00Z'", true),
        arguments("assignment",
            "tolower(status) eq 'delivered' and startswith(tolower(target/subjectType),'us')", true));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("filters")
  void filterTable(String fixture, String filter, boolean expected) {
    assertThat(ODataFilter.parse(filter).matches(ODataFixtures.ITEMS.get(fixture))).isEqualTo(expected);
  }
}
