package io.sallyport.scim.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Entra provisioning's request sequences, bodies copied from Microsoft's documentation
 * ({@code shared/reference/scim-entra.md} §1.2–1.5), with and without the {@code aadOptscim062020}
 * flag, and the responses Entra expects.
 */
public abstract class EntraSequences extends BadInputCases {

  private static final String FLAG = "?aadOptscim062020";

  @Test
  void testConnectionProbeWithARandomGuidIs200AndAnEmptyListResponse() {
    JsonObject users = get("/Users" + FLAG + "&filter=" + q("userName eq \"" + UUID.randomUUID() + "\"")).expect(200).json();
    assertThat(users.getJsonArray("schemas")).isEqualTo(new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:ListResponse"));
    assertThat(users.getInteger("totalResults")).isZero();
    assertThat(users.getJsonArray("Resources")).isEmpty();
    assertThat(users.getInteger("startIndex")).isEqualTo(1);
    JsonObject groups = get("/Groups" + FLAG + "&excludedAttributes=members&filter="
        + q("displayName eq \"" + UUID.randomUUID() + "\"")).expect(200).json();
    assertThat(groups.getInteger("totalResults")).isZero();
  }

  @Test
  void userLifecycleAsEntraSendsIt() {
    String suffix = UUID.randomUUID().toString();
    String userName = "Test_User_" + suffix;
    String query = "/Users?filter=" + q("userName eq \"" + userName + "\"");
    assertThat(get(query).expect(200).json().getInteger("totalResults")).isZero();
    JsonObject created = post("/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
         "userName":"%s",
         "active":true,
         "emails":[{"primary":true,"type":"work","value":"Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"}],
         "meta":{"resourceType":"User"},
         "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
         "roles":[]}""".formatted(userName)).expect(201).json();
    String id = created.getString("id");
    assertThat(created.getString("externalId")).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
    assertThat(created.getJsonObject("name").getString("givenName")).isEqualTo("givenName");
    JsonObject found = get(query).expect(200).json();
    assertThat(found.getInteger("totalResults")).isEqualTo(1);
    assertThat(found.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(id);

    // a second create with the same joining attribute: 409 (SCIM Validator "Create Duplicate User")
    post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}")
        .expectError(409, "uniqueness", null);

    // default (no flag) multi-attribute replace
    JsonObject v1 = patch("/Users/" + id, patchOp("""
        [{"op":"Replace","path":"displayName","value":"Pvlo"},
         {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"TestBcwqnm@test.microsoft.com"},
         {"op":"Replace","path":"name.givenName","value":"Gtfd"},
         {"op":"Replace","path":"name.familyName","value":"Pkqf"},
         {"op":"Replace","path":"externalId","value":"Eqpj"},
         {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"Eqpj"}]"""))
        .expect(200).json();
    assertThat(v1.getString("displayName")).isEqualTo("Pvlo");
    assertThat(workEmail(v1)).isEqualTo("TestBcwqnm@test.microsoft.com");
    assertThat(v1.getJsonObject("name").getString("givenName")).isEqualTo("Gtfd");
    assertThat(v1.getString("externalId")).isEqualTo("Eqpj");
    assertThat(enterprise(v1).getString("employeeNumber")).isEqualTo("Eqpj");

    // the same change with aadOptscim062020: a path-less replace with dotted and URN keys
    JsonObject v2 = patch("/Users/" + id + FLAG, patchOp("""
        [{"op":"replace","path":"emails[type eq \\"work\\"].value","value":"TestMhvaes@test.microsoft.com"},
         {"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua",
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}]"""))
        .expect(200).json();
    assertThat(v2.getString("displayName")).isEqualTo("Bjfe");
    assertThat(workEmail(v2)).isEqualTo("TestMhvaes@test.microsoft.com");
    assertThat(v2.getJsonObject("name").getString("givenName")).isEqualTo("Kkom");
    assertThat(v2.getJsonObject("name").getString("familyName")).isEqualTo("Unua");
    assertThat(enterprise(v2).getString("employeeNumber")).isEqualTo("Aklq");
    assertThat(read("/Users", id).getString("displayName")).isEqualTo("Bjfe");

    patch("/Users/" + id, patchOp("[{\"op\":\"Add\",\"path\":\"nickName\",\"value\":\"Babs\"}]")).expect(200);
    assertThat(read("/Users", id).getString("nickName")).isEqualTo("Babs");

    // disable without the flag: the string "False"; with it: a boolean
    JsonObject disabled = patch("/Users/" + id, patchOp("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"))
        .expect(200).json();
    assertThat(disabled.getBoolean("active")).isFalse();
    patch("/Users/" + id + FLAG, patchOp("[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]")).expect(200);
    patch("/Users/" + id + FLAG, patchOp("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")).expect(200);
    JsonObject afterDisable = get(query).expect(200).json();
    assertThat(afterDisable.getJsonArray("Resources").getJsonObject(0).getBoolean("active"))
        .as("a disabled user is still returned").isFalse();

    String managerId = createUser("Manager_" + suffix).getString("id");
    patch("/Users/" + id, patchOp("""
        [{"op":"Add","path":"manager","value":[{"$ref":"http://example.com/scim/Users/%s","value":"%s"}]}]"""
        .formatted(managerId, managerId))).expect(200);
    assertThat(enterprise(read("/Users", id)).getJsonObject("manager").getString("value")).isEqualTo(managerId);
    String other = createUser("Manager2_" + suffix).getString("id");
    patch("/Users/" + id + FLAG, patchOp("""
        [{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"%s"}]"""
        .formatted(other))).expect(200);
    assertThat(enterprise(read("/Users", id)).getJsonObject("manager").getString("value")).isEqualTo(other);
    patch("/Users/" + id, patchOp("""
        [{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":""}]"""))
        .expect(200);
    JsonObject noManager = enterprise(read("/Users", id));
    assertThat(noManager == null || !noManager.containsKey("manager")).as("manager removed").isTrue();

    assertThat(delete("/Users/" + id).status()).isEqualTo(204);
    get("/Users/" + id).expectError(404, null, id);
  }

  @Test
  void groupLifecycleAsEntraSendsIt() {
    String displayName = "displayName-" + UUID.randomUUID();
    String probe = "/Groups?excludedAttributes=members&filter=" + q("displayName eq \"" + displayName + "\"");
    assertThat(get(probe).expect(200).json().getInteger("totalResults")).isZero();
    JsonObject created = post("/Groups", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
         "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"%s","meta":{"resourceType":"Group"}}"""
        .formatted(displayName)).expect(201).json();
    String gid = created.getString("id");
    assertThat(created.getJsonArray("members")).isEmpty();
    assertThat(created.getJsonArray("schemas")).contains("urn:ietf:params:scim:schemas:core:2.0:Group");
    post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + displayName + "\"}")
        .expectError(409, "uniqueness", null);
    JsonObject probed = get(probe).expect(200).json();
    assertThat(probed.getInteger("totalResults")).isEqualTo(1);
    assertThat(probed.getJsonArray("Resources").getJsonObject(0).containsKey("members")).isFalse();
    assertThat(get("/Groups/" + gid + "?excludedAttributes=members").expect(200).json().containsKey("members")).isFalse();

    List<String> users = new ArrayList<>();
    for (int i = 0; i < 105; i++) {
      users.add(createUser(unique("m" + i)).getString("id"));
    }
    Reply one = patch("/Groups/" + gid, patchOp("""
        [{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"}]}]""".formatted(users.get(0))));
    assertThat(one.status()).isEqualTo(204);
    StringBuilder many = new StringBuilder();
    for (String u : users.subList(1, 105)) {
      many.append(many.length() == 0 ? "" : ",").append("{\"$ref\":null,\"value\":\"").append(u).append("\"}");
    }
    assertThat(patch("/Groups/" + gid, patchOp("[{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + many + "]}]")).status())
        .isEqualTo(204);
    assertThat(members(gid)).hasSize(105).containsAll(users);

    // remove, default form: only the listed members go
    assertThat(patch("/Groups/" + gid, patchOp("""
        [{"op":"Remove","path":"members","value":[{"$ref":null,"value":"%s"}]}]""".formatted(users.get(0)))).status())
        .isEqualTo(204);
    // remove, aadOptscim062020 form: a value filter in the path, no value
    assertThat(patch("/Groups/" + gid + FLAG, patchOp("""
        [{"op":"remove","path":"members[value eq \\"%s\\"]"}]""".formatted(users.get(1)))).status()).isEqualTo(204);
    List<String> left = members(gid);
    assertThat(left).hasSize(103).doesNotContain(users.get(0), users.get(1)).contains(users.get(2));

    String renamed = "1879db59-" + displayName + "updatedDisplayName";
    assertThat(patch("/Groups/" + gid, patchOp("""
        [{"op":"Replace","path":"displayName","value":"%s"}]""".formatted(renamed))).status()).isEqualTo(204);
    assertThat(read("/Groups", gid).getString("displayName")).isEqualTo(renamed);
    JsonObject withBody = patch("/Groups/" + gid + "?attributes=displayName", patchOp("""
        [{"op":"Replace","path":"displayName","value":"%s"}]""".formatted(renamed + "2"))).expect(200).json();
    assertThat(withBody.getString("displayName")).isEqualTo(renamed + "2");

    assertThat(delete("/Groups/" + gid).status()).isEqualTo(204);
    get("/Groups/" + gid).expectError(404, null, gid);
    assertThat(read("/Users", users.get(2)).getJsonArray("groups")).isEmpty();
  }

  private List<String> members(String gid) {
    JsonArray members = read("/Groups", gid).getJsonArray("members");
    List<String> ids = new ArrayList<>();
    members.forEach(m -> ids.add(((JsonObject) m).getString("value")));
    return ids;
  }

  private static String workEmail(JsonObject user) {
    for (Object e : user.getJsonArray("emails")) {
      JsonObject email = (JsonObject) e;
      if ("work".equals(email.getString("type"))) {
        return email.getString("value");
      }
    }
    return null;
  }

  private static JsonObject enterprise(JsonObject user) {
    return user.getJsonObject("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
  }
}
