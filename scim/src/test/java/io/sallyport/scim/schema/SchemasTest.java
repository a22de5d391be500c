package io.sallyport.scim.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.filter.AttributePath;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemasTest {

  static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "USER  | userName                                   | userName",
      "USER  | USERNAME                                   | userName",
      "USER  | username                                   | userName",
      "USER  | name.givenname                             | name.givenName",
      "USER  | Name.GivenName                             | name.givenName",
      "USER  | emails[type eq \"other\"].Value            | emails.value",
      "USER  | EMAILS.VALUE                               | emails.value",
      "USER  | phoneNumbers.type                          | phoneNumbers.type",
      "USER  | addresses.postalcode                       | addresses.postalCode",
      "USER  | groups.$ref                                | groups.$ref",
      "USER  | x509certificates.value                     | x509Certificates.value",
      "USER  | id                                         | id",
      "USER  | ExternalId                                 | externalId",
      "USER  | meta.lastmodified                          | meta.lastModified",
      "USER  | urn:ietf:params:scim:schemas:core:2.0:User:userName | userName",
      "USER  | URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:USERNAME | userName",
      "USER  | urn:ietf:params:scim:schemas:core:2.0:User:name.familyName | name.familyName",
      "USER  | " + ENT + ":manager                       | " + ENT + ":manager",
      "USER  | " + ENT + ":manager.value                 | " + ENT + ":manager.value",
      "USER  | " + ENT + ".manager                       | " + ENT + ":manager",
      "USER  | " + ENT + ".employeeNumber                | " + ENT + ":employeeNumber",
      "USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:EmployeeNumber | " + ENT + ":employeeNumber",
      "USER  | manager                                    | " + ENT + ":manager",
      "USER  | department                                 | " + ENT + ":department",
      "GROUP | displayname                                | displayName",
      "GROUP | members.value                              | members.value",
      "GROUP | Members.$Ref                               | members.$ref",
      "GROUP | urn:ietf:params:scim:schemas:core:2.0:Group:displayName | displayName",
  })
  void resolvesCaseInsensitivelyToCanonicalNames(ResourceKind kind, String path, String canonical) {
    Optional<ResolvedAttribute> r = Schemas.find(kind, AttributePath.parse(path));
    assertThat(r).isPresent();
    assertThat(r.get().canonicalName()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0} {1} is unknown")
  @CsvSource(delimiter = '|', value = {
      "USER  | nosuch",
      "USER  | name.nosuch",
      "USER  | userName.value",
      "USER  | members",
      "GROUP | userName",
      "GROUP | manager",
      "GROUP | " + ENT + ":manager",
      "USER  | urn:example:other:1.0:User:userName",
      "USER  | urn:ietf:params:scim:schemas:core:2.0:Group:displayName",
  })
  void unknownAttributesAreNotFound(ResourceKind kind, String path) {
    assertThat(Schemas.find(kind, AttributePath.parse(path))).isEmpty();
  }

  @Test
  void unknownAttributeErrorNamesTheAttributeAndResourceType() {
    assertThatThrownBy(() -> AttributePath.parse("nickname.x").resolve(ResourceKind.USER, ScimType.INVALID_PATH))
        .isInstanceOf(ScimException.class)
        .hasMessage("unknown attribute 'nickname.x': nickName has no sub-attributes");
    assertThatThrownBy(() -> AttributePath.parse("shoeSize").resolve(ResourceKind.USER, ScimType.INVALID_FILTER))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
          assertThat(e.getMessage()).isEqualTo("unknown attribute 'shoeSize' for User");
        });
  }

  @Test
  void characteristicsFollowRfc7643() {
    AttributeDef userName = Schemas.USER.attribute("userName").orElseThrow();
    assertThat(userName.required()).isTrue();
    assertThat(userName.caseExact()).isFalse();
    assertThat(userName.uniqueness()).isEqualTo(Uniqueness.SERVER);
    AttributeDef password = Schemas.USER.attribute("password").orElseThrow();
    assertThat(password.mutability()).isEqualTo(Mutability.WRITE_ONLY);
    assertThat(password.returned()).isEqualTo(Returned.NEVER);
    AttributeDef groups = Schemas.USER.attribute("groups").orElseThrow();
    assertThat(groups.mutability()).isEqualTo(Mutability.READ_ONLY);
    assertThat(groups.subAttributes()).extracting(AttributeDef::name).containsExactly("value", "$ref", "display", "type");
    assertThat(Schemas.USER.attribute("emails").orElseThrow().subAttributes()).extracting(AttributeDef::name)
        .containsExactly("value", "display", "type", "primary");
    assertThat(Schemas.USER.attribute("addresses").orElseThrow().subAttributes()).extracting(AttributeDef::name)
        .containsExactly("formatted", "streetAddress", "locality", "region", "postalCode", "country", "type", "primary");
    AttributeDef displayName = Schemas.GROUP.attribute("displayName").orElseThrow();
    assertThat(displayName.required()).isTrue();
    assertThat(displayName.uniqueness()).isEqualTo(Uniqueness.SERVER);
    assertThat(Schemas.ENTERPRISE_USER.attribute("manager").orElseThrow().subAttributes())
        .extracting(AttributeDef::name).containsExactly("value", "$ref", "displayName");
    ResolvedAttribute id = Schemas.find(ResourceKind.USER, null, "id", null).orElseThrow();
    assertThat(id.common()).isTrue();
    assertThat(id.attribute().caseExact()).isTrue();
    assertThat(id.attribute().returned()).isEqualTo(Returned.ALWAYS);
    assertThat(Schemas.find(ResourceKind.GROUP, null, "externalId", null).orElseThrow().attribute().caseExact())
        .isTrue();
  }

  @Test
  void everyUserAttributeOfTheBriefIsDefined() {
    assertThat(Schemas.USER.attributes()).extracting(AttributeDef::name).containsExactly(
        "userName", "name", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage",
        "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses",
        "groups", "entitlements", "roles", "x509Certificates");
    assertThat(Schemas.ENTERPRISE_USER.attributes()).extracting(AttributeDef::name).containsExactly(
        "employeeNumber", "costCenter", "organization", "division", "department", "manager");
    assertThat(Schemas.GROUP.attributes()).extracting(AttributeDef::name).containsExactly("displayName", "members");
  }

  @Test
  void extensionAttributesLiveUnderTheirUrn() {
    ResolvedAttribute manager = Schemas.find(ResourceKind.USER, AttributePath.parse("manager.value")).orElseThrow();
    assertThat(manager.extension()).isTrue();
    assertThat(manager.containerKey()).isEqualTo(ENT);
    io.vertx.core.json.JsonObject user = new io.vertx.core.json.JsonObject()
        .put(ENT, new io.vertx.core.json.JsonObject().put("manager", new io.vertx.core.json.JsonObject().put("value", "m1")));
    assertThat(manager.valueIn(user)).isEqualTo(new io.vertx.core.json.JsonObject().put("value", "m1"));
  }
}
