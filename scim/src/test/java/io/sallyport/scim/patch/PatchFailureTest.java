package io.sallyport.scim.patch;

import static io.sallyport.scim.patch.Js.obj;
import static io.sallyport.scim.patch.Js.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad PATCHes: each a 400 with the RFC 7644 scimType and a detail naming the bad value, nothing applied. */
class PatchFailureTest {

  static final String BJ = PatchEngineUserTest.BJ;
  static final String ADMINS = PatchEngineGroupTest.ADMINS;

  static Stream<Arguments> rows() {
    return Stream.of(
        user("unknown op", "[{'op':'move','path':'title','value':'x'}]", "invalidSyntax", "\"move\""),
        user("op missing", "[{'path':'title','value':'x'}]", "invalidSyntax", "Operations[0].op"),
        user("remove without a path", "[{'op':'Remove'}]", "noTarget", "remove without a path"),
        user("add without a value", "[{'op':'add','path':'title'}]", "invalidValue", "add without a value"),
        user("replace without a value key", "[{'op':'replace','path':'title'}]", "invalidValue", "replace without a value"),
        user("path-less replace of a string", "[{'op':'replace','value':'x'}]", "invalidValue", "\"x\""),
        user("empty path", "[{'op':'replace','path':'','value':'x'}]", "invalidPath", "\"\""),
        user("path to an unknown attribute", "[{'op':'replace','path':'nickname2','value':'x'}]", "invalidPath", "nickname2"),
        user("path to an unknown sub-attribute", "[{'op':'replace','path':'name.nick','value':'x'}]", "invalidPath", "name.nick"),
        user("path-less key that is no attribute", "[{'op':'replace','value':{'favouriteColour':'red'}}]",
            "invalidPath", "favouriteColour"),
        user("malformed path", "[{'op':'replace','path':'emails[type eq','value':'x'}]", "invalidPath", "emails[type eq"),
        user("boolean that is no boolean", "[{'op':'Replace','path':'active','value':'maybe'}]", "invalidValue",
            "'active' expects a boolean, got \"maybe\""),
        user("number for a string", "[{'op':'replace','path':'emails[type eq `work`].value','value':5}]", "invalidValue",
            "expects a string, got 5"),
        user("string for a complex attribute", "[{'op':'replace','path':'name','value':'Barbara'}]", "invalidValue",
            "'name' expects an object, got \"Barbara\""),
        user("manager as a number", "[{'op':'add','path':'manager','value':42}]", "invalidValue", "got 42"),
        user("two primaries", "[{'op':'replace','path':'emails','value':[{'value':'a@x','primary':true},"
            + "{'value':'b@x','primary':'True'}]}]", "invalidValue", "at most one"),
        user("readOnly id", "[{'op':'replace','path':'id','value':'x'}]", "mutability", "'id' is readOnly"),
        user("readOnly meta", "[{'op':'replace','path':'meta.lastModified','value':'2024-01-01T00:00:00Z'}]",
            "mutability", "readOnly"),
        user("readOnly groups", "[{'op':'add','path':'groups','value':[{'value':'g1'}]}]", "mutability", "'groups' is readOnly"),
        user("remove the required userName", "[{'op':'remove','path':'userName'}]", "mutability", "'userName' is required"),
        user("replace userName with null", "[{'op':'replace','path':'userName','value':null}]", "mutability", "userName"),
        user("replace userName with blank", "[{'op':'replace','path':'userName','value':' '}]", "invalidValue", "\" \""),
        user("unknown sub-attribute inside a value", "[{'op':'replace','path':'name','value':{'nick':'B'}}]",
            "invalidSyntax", "name.nick"),
        group("remove the required displayName", "[{'op':'Remove','path':'displayName'}]", "mutability", "displayName"),
        group("members as a string", "[{'op':'Add','path':'members','value':'u1'}]", "invalidValue", "\"u1\""),
        group("member without a value", "[{'op':'Add','path':'members','value':[{'$ref':null}]}]", "invalidValue",
            "{\"$ref\":null}"),
        group("member filter used to add", "[{'op':'add','path':'members[value eq `u1`]','value':[{'value':'u1'}]}]",
            "invalidPath", "members[value eq \"u1\"]"),
        group("member filter on display", "[{'op':'remove','path':'members[display eq `Babs`]'}]", "invalidPath",
            "members[display eq \"Babs\"]"),
        group("edit of a member's sub-attribute", "[{'op':'replace','path':'members.value','value':'u2'}]",
            "invalidPath", "members.value"));
  }

  static Arguments user(String name, String ops, String scimType, String detail) {
    return Arguments.of(name, ResourceKind.USER, BJ, patch(ops), scimType, detail);
  }

  static Arguments group(String name, String ops, String scimType, String detail) {
    return Arguments.of(name, ResourceKind.GROUP, ADMINS, patch(ops), scimType, detail);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void isA400NamingTheBadValue(String name, ResourceKind kind, String current, JsonObject body, String scimType,
      String detail) {
    JsonObject stored = obj(current);
    ScimException e = catchThrowableOfType(() -> PatchEngine.apply(kind, stored, PatchRequest.parse(body).operations()),
        ScimException.class);
    assertThat(e).as("expected a ScimException").isNotNull();
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.body().getString("scimType")).isEqualTo(scimType);
    assertThat(e.getMessage()).contains(detail);
    assertThat(stored).isEqualTo(obj(current));
  }

  static Stream<Arguments> bodies() {
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(new JsonObject().put("op", "add").put("path", "title").put("value", "t" + i));
    }
    return Stream.of(
        Arguments.of("schemas missing", obj("{'Operations':[{'op':'add','path':'title','value':'x'}]}"),
            "invalidSyntax", "'schemas' must be"),
        Arguments.of("schemas of a User", obj("{'schemas':['$CORE'],'Operations':[{'op':'add','path':'title','value':'x'}]}"),
            "invalidSyntax", "urn:ietf:params:scim:schemas:core:2.0:User"),
        Arguments.of("Operations missing", obj("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']}"),
            "invalidSyntax", "got none"),
        Arguments.of("Operations empty", patch("[]"), "invalidSyntax", "non-empty array"),
        Arguments.of("an operation that is no object", patch("['add']"), "invalidSyntax", "Operations[0] must be an object"),
        Arguments.of("1001 operations", patch("[]").put("Operations", tooMany), "invalidValue", "1001"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void badBodiesAreRefusedBeforeAnythingRuns(String name, JsonObject body, String scimType, String detail) {
    ScimException e = catchThrowableOfType(() -> PatchRequest.parse(body), ScimException.class);
    assertThat(e).as("expected a ScimException").isNotNull();
    assertThat(e.body().getString("scimType")).isEqualTo(scimType);
    assertThat(e.body().getString("status")).isEqualTo("400");
    assertThat(e.getMessage()).contains(detail);
  }

  @Test
  void aFailingOperationInTheMiddleLeavesTheInputUntouched() {
    JsonObject stored = obj(BJ);
    JsonObject before = stored.copy();
    JsonObject body = patch("[{'op':'Replace','path':'name.givenName','value':'Babs'},"
        + "{'op':'Add','path':'emails','value':[{'value':'b@home.example','type':'home'}]},"
        + "{'op':'Replace','path':'active','value':'perhaps'},"
        + "{'op':'Replace','path':'displayName','value':'never applied'}]");
    ScimException e = catchThrowableOfType(() -> PatchEngine.apply(ResourceKind.USER, stored,
        PatchRequest.parse(body).operations()), ScimException.class);
    assertThat(e.body().getString("scimType")).isEqualTo("invalidValue");
    assertThat(e.getMessage()).contains("\"perhaps\"");
    assertThat(stored).isEqualTo(before);
    assertThat(stored.getJsonObject("name").getString("givenName")).isEqualTo("Barbara");
    assertThat(stored.getJsonArray("emails")).hasSize(1);
  }

  @Test
  void opsAreCaseInsensitive() {
    for (String op : new String[] {"Add", "ADD", "add", "Replace", "rEpLaCe", "Remove", "REMOVE"}) {
      PatchOperation parsed = PatchRequest.parse(patch("[{'op':'" + op + "','path':'title','value':'x'}]"))
          .operations().get(0);
      assertThat(parsed.op().wire()).isEqualTo(op.toLowerCase());
    }
  }
}
