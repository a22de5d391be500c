package io.sallyport.scim.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.AttributeType;
import io.sallyport.scim.schema.Returned;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionTest {

  static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  static JsonObject user() {
    return new JsonObject("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%1$s"],
         "id":"u1","externalId":"e1","meta":{"resourceType":"User","version":"W/\\"1\\""},
         "userName":"bjensen","name":{"formatted":"Ms. Barbara Jensen","familyName":"Jensen","givenName":"Barbara"},
         "displayName":"Babs","active":true,"password":"secret",
         "emails":[{"value":"b@example.com","type":"work","primary":true},{"value":"b@home.org","type":"home"}],
         "%1$s":{"employeeNumber":"701984","department":"Tours","manager":{"value":"m1","displayName":"John"}}}
        """.formatted(ENT));
  }

  @ParameterizedTest(name = "[{index}] attributes={0} excludedAttributes={1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", textBlock = """
      -                        | -                      | {"schemas":[],"id":"u1","externalId":"e1","meta":{},"userName":"bjensen","name":{"formatted":"Ms. Barbara Jensen","familyName":"Jensen","givenName":"Barbara"},"displayName":"Babs","active":true,"emails":[{"value":"b@example.com","type":"work","primary":true},{"value":"b@home.org","type":"home"}],"ENT":{"employeeNumber":"701984","department":"Tours","manager":{"value":"m1","displayName":"John"}}}
      userName                 | -                      | {"schemas":[],"id":"u1","meta":{},"userName":"bjensen"}
      USERNAME,Name.GivenName  | -                      | {"schemas":[],"id":"u1","meta":{},"userName":"bjensen","name":{"givenName":"Barbara"}}
      emails.value             | -                      | {"schemas":[],"id":"u1","meta":{},"emails":[{"value":"b@example.com"},{"value":"b@home.org"}]}
      emails                   | -                      | {"schemas":[],"id":"u1","meta":{},"emails":[{"value":"b@example.com","type":"work","primary":true},{"value":"b@home.org","type":"home"}]}
      ENT:manager              | -                      | {"schemas":[],"id":"u1","meta":{},"ENT":{"manager":{"value":"m1","displayName":"John"}}}
      ENT.department           | -                      | {"schemas":[],"id":"u1","meta":{},"ENT":{"department":"Tours"}}
      manager.value            | -                      | {"schemas":[],"id":"u1","meta":{},"ENT":{"manager":{"value":"m1"}}}
      ENT                      | -                      | {"schemas":[],"id":"u1","meta":{},"ENT":{"employeeNumber":"701984","department":"Tours","manager":{"value":"m1","displayName":"John"}}}
      password                 | -                      | {"schemas":[],"id":"u1","meta":{}}
      id                       | -                      | {"schemas":[],"id":"u1","meta":{}}
      nickName                 | -                      | {"schemas":[],"id":"u1","meta":{}}
      userName,name            | name.formatted         | {"schemas":[],"id":"u1","meta":{},"userName":"bjensen","name":{"familyName":"Jensen","givenName":"Barbara"}}
      userName                 | userName               | {"schemas":[],"id":"u1","meta":{}}
      -                        | emails,name.formatted,displayName | {"schemas":[],"id":"u1","externalId":"e1","meta":{},"userName":"bjensen","name":{"familyName":"Jensen","givenName":"Barbara"},"active":true,"ENT":{"employeeNumber":"701984","department":"Tours","manager":{"value":"m1","displayName":"John"}}}
      -                        | id,meta,schemas        | DEFAULT
      -                        | ENT:manager,employeeNumber | ENT_WITHOUT_MANAGER
      -                        | ENT                    | NO_ENT
      -                        | emails.type,emails.primary | EMAIL_VALUES
      """)
  void projects(String attributes, String excluded, String expected) {
    JsonObject defaults = user();
    defaults.remove("password");
    JsonObject want = switch (expected) {
      case "DEFAULT" -> defaults;
      case "ENT_WITHOUT_MANAGER" -> defaults.copy().put(ENT, new JsonObject().put("department", "Tours"));
      case "NO_ENT" -> {
        JsonObject w = defaults.copy();
        w.remove(ENT);
        yield w;
      }
      case "EMAIL_VALUES" -> defaults.copy().put("emails", new io.vertx.core.json.JsonArray()
          .add(new JsonObject().put("value", "b@example.com")).add(new JsonObject().put("value", "b@home.org")));
      default -> new JsonObject(expected.replace("ENT", ENT))
          .put("schemas", user().getJsonArray("schemas")).put("meta", user().getJsonObject("meta"));
    };
    Projection p = Projection.parse(ResourceKind.USER, attributes == null ? null : attributes.replace("ENT", ENT),
        excluded == null ? null : excluded.replace("ENT", ENT));
    assertThat(p.apply(user())).isEqualTo(want);
  }

  @Test
  void groupsWithoutMembersAsEntraAsks() {
    JsonObject group = new JsonObject().put("schemas", new io.vertx.core.json.JsonArray().add(ResourceKind.GROUP.coreSchema()))
        .put("id", "g1").put("displayName", "Tour Guides")
        .put("members", new io.vertx.core.json.JsonArray().add(new JsonObject().put("value", "u1")));
    Projection p = Projection.parse(ResourceKind.GROUP, null, "members");
    assertThat(p.apply(group).fieldNames()).containsExactlyInAnyOrder("schemas", "id", "displayName");
    assertThat(p.mayReturn("members")).isFalse();
    assertThat(p.mayReturn("displayName")).isTrue();
    assertThat(Projection.defaults(ResourceKind.GROUP).mayReturn("members")).isTrue();
    assertThat(Projection.parse(ResourceKind.GROUP, "displayName", null).mayReturn("members")).isFalse();
    assertThat(Projection.parse(ResourceKind.GROUP, "members.value", null).mayReturn("members")).isTrue();
  }

  @Test
  void requestAttributesOnlyWhenNamed() {
    AttributeDef secretish = AttributeDef.of("nickName", AttributeType.STRING, "").withReturned(Returned.REQUEST);
    assertThat(Projection.defaults(ResourceKind.USER).returns(secretish)).isFalse();
    assertThat(Projection.parse(ResourceKind.USER, null, "title").returns(secretish)).isFalse();
    assertThat(Projection.parse(ResourceKind.USER, "userName", null).returns(secretish)).isFalse();
    assertThat(Projection.parse(ResourceKind.USER, "nickName", null).returns(secretish)).isTrue();
    AttributeDef never = secretish.withReturned(Returned.NEVER);
    assertThat(Projection.parse(ResourceKind.USER, "nickName", null).returns(never)).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}={1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      USER  | attributes         | shoeSize                 | attributes: unknown attribute 'shoeSize' for User
      USER  | attributes         | userName,,name           | attributes: empty item in 'userName,,name'; expected comma-separated attribute paths such as userName,name.givenName
      USER  | attributes         | emails[type eq "work"]   | attributes: 'emails[type eq "work"]' has a value filter; expected attribute paths only
      USER  | excludedAttributes | members                  | excludedAttributes: unknown attribute 'members' for User
      USER  | excludedAttributes | name.nosuch              | excludedAttributes: unknown attribute 'name.nosuch' for User
      USER  | attributes         | a.b.c                    | attributes: 'a.b.c' is not an attribute path; expected attribute or attribute.subAttribute, optionally after a schema URN (position 0)
      GROUP | attributes         | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager | attributes: unknown attribute 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager' for Group
      """)
  void rejectsBadParameters(ResourceKind kind, String parameter, String value, String detail) {
    assertThatThrownBy(() -> Projection.parse(kind, parameter.equals("attributes") ? value : null,
        parameter.equals("attributes") ? null : value)).isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
          assertThat(e.getMessage()).isEqualTo(detail);
        });
  }
}
