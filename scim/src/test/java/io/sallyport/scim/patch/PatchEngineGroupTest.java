package io.sallyport.scim.patch;

import static io.sallyport.scim.patch.Js.obj;
import static io.sallyport.scim.patch.Js.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.scim.ResourceKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Group PATCHes from scim-entra.md §1.4 and RFC 7644 §3.5.2: members become MemberChanges, never attributes. */
class PatchEngineGroupTest {

  static final String ADMINS = "{'schemas':['$GROUP'],'displayName':'Admins','externalId':'8aa1a0c0'}";

  static Stream<Arguments> rows() {
    return Stream.of(
        row("MS-SCIM: Replace displayName", "[{'op':'Replace','path':'displayName','value':'1879db59-updatedDisplayName'}]",
            "{'schemas':['$GROUP'],'displayName':'1879db59-updatedDisplayName','externalId':'8aa1a0c0'}", true,
            List.of(), List.of(), false),
        row("MS-SCIM: Add one member with \"$ref\": null",
            "[{'op':'Add','path':'members','value':[{'$ref':null,'value':'f648f8d5ea4e4cd38e9c'}]}]",
            ADMINS, false, List.of("f648f8d5ea4e4cd38e9c"), List.of(), false),
        row("MS-SCIM: Remove one member with a value array, \"$ref\": null",
            "[{'op':'Remove','path':'members','value':[{'$ref':null,'value':'f648f8d5ea4e4cd38e9c'}]}]",
            ADMINS, false, List.of(), List.of("f648f8d5ea4e4cd38e9c"), false),
        row("MS-COMPAT default: Remove members value [{value: u1091}]",
            "[{'op':'Remove','path':'members','value':[{'value':'u1091'}]}]",
            ADMINS, false, List.of(), List.of("u1091"), false),
        row("MS-COMPAT aadOptscim062020: remove members[value eq \"id\"], no value",
            "[{'op':'remove','path':'members[value eq `7f4bc1a3-285e-48ae-8202-5accb43efb0e`]'}]",
            ADMINS, false, List.of(), List.of("7f4bc1a3-285e-48ae-8202-5accb43efb0e"), false),
        row("Many members in one Add, duplicates once",
            "[{'op':'Add','path':'members','value':[{'value':'u1'},{'$ref':null,'value':'u2'},{'value':'u3'},{'value':'u2'}]}]",
            ADMINS, false, List.of("u1", "u2", "u3"), List.of(), false),
        row("Many members in one Remove: only those",
            "[{'op':'Remove','path':'members','value':[{'value':'u1'},{'value':'u3'}]}]",
            ADMINS, false, List.of(), List.of("u1", "u3"), false),
        row("One member per op, several ops (BYOA-Samples#24 form)",
            "[{'op':'Add','path':'members','value':[{'$ref':null,'value':'636823803314257913'}]},"
                + "{'op':'Add','path':'members','value':[{'$ref':null,'value':'636823803314257914'}]}]",
            ADMINS, false, List.of("636823803314257913", "636823803314257914"), List.of(), false),
        row("displayName replace and member add in one request",
            "[{'op':'Replace','path':'displayName','value':'Ops'},{'op':'Add','path':'members','value':[{'value':'u1'}]}]",
            "{'schemas':['$GROUP'],'displayName':'Ops','externalId':'8aa1a0c0'}", true, List.of("u1"), List.of(), false),
        row("Add then remove the same member: removed",
            "[{'op':'add','path':'members','value':[{'value':'u1'}]},{'op':'remove','path':'members[value eq `u1`]'}]",
            ADMINS, false, List.of(), List.of("u1"), false),
        row("Remove then add the same member: added",
            "[{'op':'remove','path':'members','value':[{'value':'u1'}]},{'op':'add','path':'members','value':[{'value':'u1'}]}]",
            ADMINS, false, List.of("u1"), List.of(), false),
        row("RFC 3.5.2.2: remove all members",
            "[{'op':'remove','path':'members'}]", ADMINS, false, List.of(), List.of(), true),
        row("RFC 3.5.2.3: replace members with two, display tolerated",
            "[{'op':'replace','path':'members','value':[{'display':'Babs Jensen','$ref':'https://example.com/v2/Users/2819c223',"
                + "'value':'2819c223'},{'display':'James Smith','$ref':'https://example.com/v2/Users/08e1d05d','value':'08e1d05d'}]}]",
            ADMINS, false, List.of("2819c223", "08e1d05d"), List.of(), true),
        row("Replace all, then add and remove on top of the new list",
            "[{'op':'replace','path':'members','value':[{'value':'a'},{'value':'b'}]},"
                + "{'op':'add','path':'members','value':[{'value':'c'}]},{'op':'remove','path':'members[value eq `a`]'}]",
            ADMINS, false, List.of("b", "c"), List.of(), true),
        row("RFC 3.5.2.1: path-less add of members",
            "[{'op':'add','value':{'members':[{'value':'u9'}]}}]", ADMINS, false, List.of("u9"), List.of(), false),
        row("Path-less replace of displayName and members",
            "[{'op':'replace','value':{'displayName':'Ops','members':[{'value':'u9'}]}}]",
            "{'schemas':['$GROUP'],'displayName':'Ops','externalId':'8aa1a0c0'}", true, List.of("u9"), List.of(), true));
  }

  static Arguments row(String name, String operations, String expected, boolean attributesChanged,
      List<String> added, List<String> removed, boolean replacesAll) {
    return Arguments.of(name, operations, expected, attributesChanged, new MemberChanges(added, removed, replacesAll));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void membersBecomeChangesNotAttributes(String name, String operations, String expected, boolean attributesChanged,
      MemberChanges members) {
    PatchResult result = PatchEngine.apply(ResourceKind.GROUP, obj(ADMINS), PatchRequest.parse(patch(operations)).operations());
    assertThat(result.attributes()).isEqualTo(obj(expected));
    assertThat(result.attributesChanged()).isEqualTo(attributesChanged);
    assertThat(result.members()).isEqualTo(members);
    assertThat(result.changed()).isTrue();
  }

  @Test
  void aHundredMembersInOneOperation() {
    JsonArray value = new JsonArray();
    IntStream.range(0, 100).forEach(i -> value.add(new JsonObject().putNull("$ref").put("value", "user-" + i)));
    JsonObject body = patch("[]").put("Operations", new JsonArray()
        .add(new JsonObject().put("op", "Add").put("path", "members").put("value", value)));
    PatchResult result = PatchEngine.apply(ResourceKind.GROUP, obj(ADMINS), PatchRequest.parse(body).operations());
    assertThat(result.members().added()).hasSize(100).startsWith("user-0").endsWith("user-99");
    assertThat(result.attributes()).isEqualTo(obj(ADMINS));
  }
}
