package io.sallyport.scim.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST/PUT bodies as Entra and the RFC send them, and the bad ones, each with its exact outcome. */
class ResourceValidatorTest {

  static final String USER = ResourceKind.USER.coreSchema();
  static final String ENT = ResourceKind.ENTERPRISE_USER;
  static final String GROUP = ResourceKind.GROUP.coreSchema();

  static JsonObject obj(String s) {
    return new JsonObject(s.replace("$ENT", ENT).replace("$CORE", USER).replace("$GROUP", GROUP)
        .replace("$LEGACY", SchemaUrns.LEGACY_ENTERPRISE).replace("$ADSCIM", SchemaUrns.ENTRA_GROUP).replace('\'', '"'));
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        ok("MS-SCIM Create User: meta and empty roles ignored, schemas as used", ResourceKind.USER,
            "{'schemas':['$CORE','$ENT'],'externalId':'0a21f0f2','userName':'Test_User_00aa','active':true,"
                + "'emails':[{'primary':true,'type':'work','value':'Test_User_11bb@testuser.com'}],"
                + "'meta':{'resourceType':'User'},'name':{'formatted':'givenName familyName','familyName':'familyName',"
                + "'givenName':'givenName'},'roles':[]}",
            "{'schemas':['$CORE'],'externalId':'0a21f0f2','userName':'Test_User_00aa','active':true,"
                + "'emails':[{'primary':true,'type':'work','value':'Test_User_11bb@testuser.com'}],"
                + "'name':{'formatted':'givenName familyName','familyName':'familyName','givenName':'givenName'}}", List.of()),
        ok("MS-SCIM legacy Example 2: malformed enterprise URN, nulls as absent", ResourceKind.USER,
            "{'schemas':['$CORE','$LEGACY'],'externalId':'0a21f0f2','userName':'Test_User_ab64','active':true,"
                + "'addresses':null,'displayName':'Test User','phoneNumbers':null,'title':null,"
                + "'$LEGACY':{'department':null,'manager':null,'employeeNumber':'42'}}",
            "{'schemas':['$CORE','$ENT'],'externalId':'0a21f0f2','userName':'Test_User_ab64','active':true,"
                + "'displayName':'Test User','$ENT':{'employeeNumber':'42'}}", List.of()),
        ok("Manager as a plain id string (scimple#1242), active as \"True\", password dropped", ResourceKind.USER,
            "{'schemas':['$CORE','$ENT'],'userName':'u1','active':'True','password':'hunter2',"
                + "'$ENT':{'manager':'m1','department':'Sales'}}",
            "{'schemas':['$CORE','$ENT'],'userName':'u1','active':true,'$ENT':{'manager':{'value':'m1'},'department':'Sales'}}",
            List.of()),
        ok("Names in any case come back in the schema's casing; readOnly groups and id ignored", ResourceKind.USER,
            "{'schemas':['$CORE'],'USERNAME':'u1','Emails':[{'Value':'a@x','TYPE':'work','primary':'false'}],"
                + "'id':'client-chosen','groups':[{'value':'g1'}]}",
            "{'schemas':['$CORE'],'userName':'u1','emails':[{'value':'a@x','type':'work','primary':false}]}", List.of()),
        ok("Manager object with \"$ref\": null", ResourceKind.USER,
            "{'schemas':['$CORE','$ENT'],'userName':'u1','$ENT':{'manager':{'value':'m1','$ref':null}}}",
            "{'schemas':['$CORE','$ENT'],'userName':'u1','$ENT':{'manager':{'value':'m1'}}}", List.of()),
        ok("MS-SCIM Create Group with Entra's ADSCIM URN; members come back separately", ResourceKind.GROUP,
            "{'schemas':['$GROUP','$ADSCIM'],'externalId':'8aa1a0c0','displayName':'displayName',"
                + "'meta':{'resourceType':'Group'}}",
            "{'schemas':['$GROUP'],'externalId':'8aa1a0c0','displayName':'displayName'}", List.of()),
        ok("RFC group with members", ResourceKind.GROUP,
            "{'schemas':['$GROUP'],'displayName':'Tour Guides','members':[{'value':'2819c223','$ref':null,"
                + "'display':'Babs Jensen'},{'value':'902c246b'},{'value':'2819c223'}]}",
            "{'schemas':['$GROUP'],'displayName':'Tour Guides'}", List.of("2819c223", "902c246b")));
  }

  static Arguments ok(String name, ResourceKind kind, String body, String stored, List<String> members) {
    return Arguments.of(name, kind, body, stored, members);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void storesTheCanonicalForm(String name, ResourceKind kind, String body, String stored, List<String> members) {
    ValidatedResource v = ResourceValidator.validate(kind, obj(body));
    assertThat(v.attributes()).isEqualTo(obj(stored));
    assertThat(v.memberIds()).isEqualTo(members);
    assertThat(v.membersGiven()).isEqualTo(obj(body).getValue("members") != null);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        bad("no schemas", ResourceKind.USER, "{'userName':'u1'}", "invalidSyntax", "'schemas' must be"),
        bad("an unknown schema", ResourceKind.USER, "{'schemas':['$CORE','urn:example:custom'],'userName':'u1'}",
            "invalidSyntax", "\"urn:example:custom\""),
        bad("the Group schema on a User", ResourceKind.USER, "{'schemas':['$GROUP'],'userName':'u1'}",
            "invalidSyntax", GROUP),
        bad("only the extension, no core schema", ResourceKind.USER, "{'schemas':['$ENT'],'userName':'u1'}",
            "invalidSyntax", "must include"),
        bad("the ADSCIM URN alone", ResourceKind.GROUP, "{'schemas':['$ADSCIM'],'displayName':'g'}",
            "invalidSyntax", "must include"),
        bad("unknown attributes, all named", ResourceKind.USER,
            "{'schemas':['$CORE'],'userName':'u1','favouriteColour':'red','shoeSize':9}", "invalidSyntax",
            "favouriteColour, shoeSize"),
        bad("an unknown enterprise attribute", ResourceKind.USER,
            "{'schemas':['$CORE','$ENT'],'userName':'u1','$ENT':{'badge':'7'}}", "invalidSyntax", ENT + ":badge"),
        bad("an unknown sub-attribute", ResourceKind.USER,
            "{'schemas':['$CORE'],'userName':'u1','name':{'nick':'B'}}", "invalidSyntax", "name.nick"),
        bad("no userName", ResourceKind.USER, "{'schemas':['$CORE'],'displayName':'x'}", "invalidValue", "'userName'"),
        bad("blank userName", ResourceKind.USER, "{'schemas':['$CORE'],'userName':'  '}", "invalidValue", "'userName'"),
        bad("no displayName", ResourceKind.GROUP, "{'schemas':['$GROUP']}", "invalidValue", "'displayName'"),
        bad("a boolean that is none", ResourceKind.USER, "{'schemas':['$CORE'],'userName':'u1','active':'yes'}",
            "invalidValue", "'active' expects a boolean, got \"yes\""),
        bad("a number for a string", ResourceKind.USER, "{'schemas':['$CORE'],'userName':'u1','title':7}",
            "invalidValue", "'title' expects a string, got 7"),
        bad("a multi-valued attribute as an object", ResourceKind.USER,
            "{'schemas':['$CORE'],'userName':'u1','emails':{'value':'a@x'}}", "invalidValue",
            "'emails' expects an array of objects"),
        bad("two primary emails", ResourceKind.USER,
            "{'schemas':['$CORE'],'userName':'u1','emails':[{'value':'a@x','primary':true},{'value':'b@x','primary':true}]}",
            "invalidValue", "at most one"),
        bad("name as a string", ResourceKind.USER, "{'schemas':['$CORE'],'userName':'u1','name':'Babs'}",
            "invalidValue", "'name' expects an object, got \"Babs\""),
        bad("manager as a number", ResourceKind.USER,
            "{'schemas':['$CORE','$ENT'],'userName':'u1','$ENT':{'manager':5}}", "invalidValue", "manager' expects an object, got 5"),
        bad("the same attribute twice in different case", ResourceKind.USER,
            "{'schemas':['$CORE'],'userName':'u1','USERNAME':'u2'}", "invalidSyntax", "more than once"),
        bad("members as a string", ResourceKind.GROUP, "{'schemas':['$GROUP'],'displayName':'g','members':'u1'}",
            "invalidValue", "\"u1\""),
        bad("a member without an id", ResourceKind.GROUP,
            "{'schemas':['$GROUP'],'displayName':'g','members':[{'display':'x'}]}", "invalidValue", "\"value\" id"));
  }

  static Arguments bad(String name, ResourceKind kind, String body, String scimType, String detail) {
    return Arguments.of(name, kind, body, scimType, detail);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void isA400NamingTheProblem(String name, ResourceKind kind, String body, String scimType, String detail) {
    ScimException e = catchThrowableOfType(() -> ResourceValidator.validate(kind, obj(body)), ScimException.class);
    assertThat(e).as("expected a ScimException").isNotNull();
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.body().getString("scimType")).isEqualTo(scimType);
    assertThat(e.getMessage()).contains(detail);
  }
}
