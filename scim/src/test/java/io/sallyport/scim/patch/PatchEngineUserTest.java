package io.sallyport.scim.patch;

import static io.sallyport.scim.patch.Js.obj;
import static io.sallyport.scim.patch.Js.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.scim.ResourceKind;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every user PATCH form in scim-entra.md §1.3 and RFC 7644 §3.5.2, each with its exact result. */
class PatchEngineUserTest {

  /** Barbara as stored after Entra's create: core, one work email, an employee number. */
  static final String BJ = "{'schemas':['$CORE','$ENT'],'userName':'bjensen','active':true,"
      + "'name':{'givenName':'Barbara','familyName':'Jensen'},"
      + "'emails':[{'value':'bj@example.com','type':'work','primary':true}],'$ENT':{'employeeNumber':'701984'}}";

  static String bj(String edit) {
    JsonObject o = obj(BJ);
    o.mergeIn(obj(edit), 1);
    o.fieldNames().removeIf(k -> o.getValue(k) == null);
    return o.encode().replace('"', '\'');
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row("Entra disable, default: Replace active \"False\"", BJ,
            "[{'op':'Replace','path':'active','value':'False'}]", bj("{'active':false}"), true),
        row("Entra disable, aadOptscim062020: replace active false", BJ,
            "[{'op':'replace','path':'active','value':false}]", bj("{'active':false}"), true),
        row("Entra restore, default: Replace active \"True\"", bj("{'active':false}"),
            "[{'op':'Replace','path':'active','value':'True'}]", BJ, true),
        row("MS-SCIM update: work email value and name.familyName",
            BJ, "[{'op':'Replace','path':'emails[type eq `work`].value','value':'updatedEmail@microsoft.com'},"
                + "{'op':'Replace','path':'name.familyName','value':'updatedFamilyName'}]",
            bj("{'name':{'givenName':'Barbara','familyName':'updatedFamilyName'},"
                + "'emails':[{'value':'updatedEmail@microsoft.com','type':'work','primary':true}]}"), true),
        row("MS-SCIM update: userName", BJ,
            "[{'op':'Replace','path':'userName','value':'5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com'}]",
            bj("{'userName':'5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com'}"), true),
        row("MS-COMPAT default: six Replace ops, one per path", BJ,
            "[{'op':'Replace','path':'displayName','value':'Pvlo'},"
                + "{'op':'Replace','path':'emails[type eq `work`].value','value':'TestBcwqnm@test.microsoft.com'},"
                + "{'op':'Replace','path':'name.givenName','value':'Gtfd'},"
                + "{'op':'Replace','path':'name.familyName','value':'Pkqf'},"
                + "{'op':'Replace','path':'externalId','value':'Eqpj'},"
                + "{'op':'Replace','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber','value':'Eqpj'}]",
            bj("{'displayName':'Pvlo','externalId':'Eqpj','name':{'givenName':'Gtfd','familyName':'Pkqf'},"
                + "'emails':[{'value':'TestBcwqnm@test.microsoft.com','type':'work','primary':true}],"
                + "'$ENT':{'employeeNumber':'Eqpj'}}"), true),
        row("MS-COMPAT aadOptscim062020: filtered replace plus path-less replace with dotted and URN keys", BJ,
            "[{'op':'replace','path':'emails[type eq `work`].value','value':'TestMhvaes@test.microsoft.com'},"
                + "{'op':'replace','value':{'displayName':'Bjfe','name.givenName':'Kkom','name.familyName':'Unua',"
                + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber':'Aklq'}}]",
            bj("{'displayName':'Bjfe','name':{'givenName':'Kkom','familyName':'Unua'},"
                + "'emails':[{'value':'TestMhvaes@test.microsoft.com','type':'work','primary':true}],"
                + "'$ENT':{'employeeNumber':'Aklq'}}"), true),
        row("MS-COMPAT default: Add nickName", BJ, "[{'op':'Add','path':'nickName','value':'Babs'}]",
            bj("{'nickName':'Babs'}"), true),
        row("MS-COMPAT aadOptscim062020: add nickName", BJ, "[{'op':'add','path':'nickName','value':'Babs'}]",
            bj("{'nickName':'Babs'}"), true),
        row("Entra's mapping path with capital V: emails[type eq \"other\"].Value, no match, so added", BJ,
            "[{'op':'Replace','path':'emails[type eq `other`].Value','value':'b@home.example'}]",
            bj("{'emails':[{'value':'bj@example.com','type':'work','primary':true},{'type':'other','value':'b@home.example'}]}"), true),
        row("phoneNumbers[type eq \"mobile\"].value on a user without phones", BJ,
            "[{'op':'Replace','path':'phoneNumbers[type eq `mobile`].value','value':'+1 555 0100'}]",
            bj("{'phoneNumbers':[{'type':'mobile','value':'+1 555 0100'}]}"), true),
        row("addresses[type eq \"work\"].streetAddress then .postalCode land in one address", BJ,
            "[{'op':'Replace','path':'addresses[type eq `work`].streetAddress','value':'1 Main St'},"
                + "{'op':'Replace','path':'addresses[type eq `work`].postalCode','value':'98052'}]",
            bj("{'addresses':[{'type':'work','streetAddress':'1 Main St','postalCode':'98052'}]}"), true),
        row("department by URN path", BJ,
            "[{'op':'Add','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department','value':'Sales'}]",
            bj("{'$ENT':{'employeeNumber':'701984','department':'Sales'}}"), true),
        row("Manager, MS-SCIM Example 5: Add path manager with a one-element array", BJ,
            "[{'op':'Add','path':'manager','value':[{'$ref':'http://example.com/scim/Users/00aa00aa',"
                + "'value':'00aa00aa'}]}]",
            bj("{'$ENT':{'employeeNumber':'701984','manager':{'$ref':'http://example.com/scim/Users/00aa00aa',"
                + "'value':'00aa00aa'}}}"), true),
        row("Manager with \"$ref\": null", BJ,
            "[{'op':'Add','path':'manager','value':[{'$ref':null,'value':'00aa00aa'}]}]",
            bj("{'$ENT':{'employeeNumber':'701984','manager':{'value':'00aa00aa'}}}"), true),
        row("Manager by URN path as a plain id string (SCIM-SDK#686)", BJ,
            "[{'op':'add','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',"
                + "'value':'2c2f6fb8-254f-492e-b7fe-c09c5a61c8a2'}]",
            bj("{'$ENT':{'employeeNumber':'701984','manager':{'value':'2c2f6fb8-254f-492e-b7fe-c09c5a61c8a2'}}}"), true),
        row("Manager changed: Replace manager", bj("{'$ENT':{'employeeNumber':'701984','manager':{'value':'m1'}}}"),
            "[{'op':'Replace','path':'manager','value':'m2'}]",
            bj("{'$ENT':{'employeeNumber':'701984','manager':{'value':'m2'}}}"), true),
        row("Manager removed: Replace with empty (Logic App)", bj("{'$ENT':{'employeeNumber':'701984','manager':{'value':'m1'}}}"),
            "[{'op':'Replace','path':'manager','value':''}]", BJ, true),
        row("Manager removed: replace with null", bj("{'$ENT':{'employeeNumber':'701984','manager':{'value':'m1'}}}"),
            "[{'op':'replace','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager','value':null}]",
            BJ, true),
        row("Manager removed: replace manager.value with empty", bj("{'$ENT':{'manager':{'value':'m1'}}}"),
            "[{'op':'replace','path':'manager.value','value':''}]", bj("{'$ENT':null,'schemas':['$CORE']}"), true),
        row("SCIM_Null_Update: replace title with null removes it", bj("{'title':'CEO'}"),
            "[{'op':'Replace','path':'title','value':null}]", BJ, true),
        row("SCIM_Null_Update: replace title with \"\" stores it as sent", bj("{'title':'CEO'}"),
            "[{'op':'Replace','path':'title','value':''}]", bj("{'title':''}"), true),
        row("Roles, AppRoleAssignmentsComplex: Add a JSON-encoded role string", BJ,
            "[{'op':'Add','path':'roles','value':[{'value':'{`id`:`06b07648`,`value`:`25`,`displayName`:`Role1234`}'}]}]",
            bj("{'roles':[{'value':'{`id`:`06b07648`,`value`:`25`,`displayName`:`Role1234`}'}]}"), true),
        row("Roles, AssertiveAppRoleAssignmentsComplex: replace with objects", bj("{'roles':[{'value':'Old'}]}"),
            "[{'op':'replace','path':'roles','value':[{'primary':false,'type':'WindowsAzureActiveDirectoryRole',"
                + "'display':'User','value':'User'}]}]",
            bj("{'roles':[{'primary':false,'type':'WindowsAzureActiveDirectoryRole','display':'User','value':'User'}]}"), true),
        row("Roles path with Entra's string boolean: roles[primary eq \"True\"].display", BJ,
            "[{'op':'Replace','path':'roles[primary eq `True`].display','value':'Admin'}]",
            bj("{'roles':[{'primary':true,'display':'Admin'}]}"), true),
        row("RFC 3.5.2.1: path-less add of an email and nickname (case-insensitive names)", BJ,
            "[{'op':'add','value':{'emails':[{'value':'babs@jensen.org','type':'home'}],'nickname':'Babs'}}]",
            bj("{'nickName':'Babs','emails':[{'value':'bj@example.com','type':'work','primary':true},"
                + "{'value':'babs@jensen.org','type':'home'}]}"), true),
        row("RFC 3.5.2.1: add of an email already present changes nothing", BJ,
            "[{'op':'add','path':'emails','value':[{'value':'bj@example.com','type':'work','primary':true}]}]",
            BJ, false),
        row("A new primary email takes primary from the old one", BJ,
            "[{'op':'add','path':'emails','value':[{'value':'b@new.example','type':'home','primary':true}]}]",
            bj("{'emails':[{'value':'bj@example.com','type':'work'},{'value':'b@new.example','type':'home','primary':true}]}"), true),
        row("RFC 3.5.2.1: add to a complex attribute merges sub-attributes", BJ,
            "[{'op':'add','path':'name','value':{'middleName':'Jane'}}]",
            bj("{'name':{'givenName':'Barbara','familyName':'Jensen','middleName':'Jane'}}"), true),
        row("RFC 3.5.2.2: remove emails[type eq \"work\"] unassigns the attribute", BJ,
            "[{'op':'remove','path':'emails[type eq `work`]'}]", bj("{'emails':null}"), true),
        row("RFC 3.5.2.2: remove emails[type eq \"work\" and value ew \"example.com\"]",
            bj("{'emails':[{'value':'bj@example.com','type':'work'},{'value':'bj@jensen.org','type':'work'}]}"),
            "[{'op':'remove','path':'emails[type eq `work` and value ew `example.com`]'}]",
            bj("{'emails':[{'value':'bj@jensen.org','type':'work'}]}"), true),
        row("Legacy dot form: urn:...:enterprise:2.0:User.manager (Microsoft's Postman collection)", BJ,
            "[{'op':'Add','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager','value':'m9'}]",
            bj("{'$ENT':{'employeeNumber':'701984','manager':{'value':'m9'}}}"), true),
        row("RFC 3.5.2.2: remove a sub-attribute", BJ, "[{'op':'remove','path':'name.familyName'}]",
            bj("{'name':{'givenName':'Barbara'}}"), true),
        row("RFC 3.5.2.2: remove of an absent attribute is a no-op", BJ,
            "[{'op':'Remove','path':'title'}]", BJ, false),
        row("Remove roles with a value array removes only those", bj("{'roles':[{'value':'A'},{'value':'B'}]}"),
            "[{'op':'Remove','path':'roles','value':[{'value':'A'}]}]", bj("{'roles':[{'value':'B'}]}"), true),
        row("RFC 3.5.2.3: replace addresses[type eq \"work\"] wholly", bj("{'addresses':[{'type':'work','locality':'X'}]}"),
            "[{'op':'replace','path':'addresses[type eq `work`]','value':{'type':'work','streetAddress':"
                + "'911 Universal City Plaza','locality':'Hollywood','primary':true}}]",
            bj("{'addresses':[{'type':'work','streetAddress':'911 Universal City Plaza','locality':'Hollywood',"
                + "'primary':true}]}"), true),
        row("RFC 3.5.2.3: path-less replace of emails and nickname", BJ,
            "[{'op':'replace','value':{'emails':[{'value':'bjensen@example.com','type':'work','primary':true},"
                + "{'value':'babs@jensen.org','type':'home'}],'nickName':'Babs'}}]",
            bj("{'nickName':'Babs','emails':[{'value':'bjensen@example.com','type':'work','primary':true},"
                + "{'value':'babs@jensen.org','type':'home'}]}"), true),
        row("Path-less replace with the extension URN holding an object", BJ,
            "[{'op':'replace','value':{'$ENT':{'department':'Sales'}}}]",
            bj("{'$ENT':{'employeeNumber':'701984','department':'Sales'}}"), true),
        row("Replace with the current value changes nothing", BJ,
            "[{'op':'Replace','path':'active','value':'True'},{'op':'Replace','path':'userName','value':'bjensen'}]",
            BJ, false));
  }

  static Arguments row(String name, String current, String operations, String expected, boolean changed) {
    return Arguments.of(name, current, operations, expected, changed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void appliesAsEntraAndTheRfcExpect(String name, String current, String operations, String expected, boolean changed) {
    PatchRequest request = PatchRequest.parse(patch(operations));
    PatchResult result = PatchEngine.apply(ResourceKind.USER, obj(current), request.operations());
    assertThat(result.attributes()).isEqualTo(obj(expected));
    assertThat(result.attributesChanged()).isEqualTo(changed);
    assertThat(result.changed()).isEqualTo(changed);
    assertThat(result.members()).isEqualTo(MemberChanges.NONE);
  }
}
