package io.sallyport.scim.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Create, read, replace, delete, ETags and preconditions, uniqueness, references. */
public abstract class ResourceCases extends ScimHarness {

  @Test
  void createUserAnswers201WithIdMetaLocationAndEtag() {
    String userName = unique("create");
    Reply reply = post("/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"ext-1","active":true}
        """.formatted(userName)).expect(201);
    JsonObject user = reply.json();
    String id = user.getString("id");
    assertThat(UUID.fromString(id)).isNotNull();
    JsonObject meta = user.getJsonObject("meta");
    assertThat(meta.getString("resourceType")).isEqualTo("User");
    assertThat(meta.getString("location")).isEqualTo(baseUrl() + "/Users/" + id);
    assertThat(meta.getString("created")).isNotBlank().isEqualTo(meta.getString("lastModified"));
    assertThat(meta.getString("version")).startsWith("W/\"");
    assertThat(reply.header("Location")).isEqualTo(meta.getString("location"));
    assertThat(reply.header("ETag")).isEqualTo(meta.getString("version"));
    assertThat(user.getString("userName")).isEqualTo(userName);
    assertThat(user.getString("externalId")).isEqualTo("ext-1");
    assertThat(user.getBoolean("active")).isTrue();
    assertThat(user.getJsonArray("schemas")).contains("urn:ietf:params:scim:schemas:core:2.0:User");
  }

  @Test
  void getByIdReturnsTheStoredResourceWithItsEtag() {
    JsonObject created = createUser(unique("get"));
    Reply reply = get("/Users/" + created.getString("id")).expect(200);
    JsonObject user = reply.json();
    assertThat(user.getString("userName")).isEqualTo(created.getString("userName"));
    assertThat(reply.header("ETag")).isEqualTo(created.getJsonObject("meta").getString("version"));
    assertThat(user.getJsonArray("groups")).isEmpty();
  }

  @Test
  void unknownIdIs404WithTheScimError() {
    String id = UUID.randomUUID().toString();
    get("/Users/" + id).expectError(404, null, id);
    get("/Groups/" + id).expectError(404, null, id);
    delete("/Users/" + id).expectError(404, null, id);
    put("/Users/" + id, """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"nobody"}""").expectError(404, null, id);
    patch("/Users/" + id, patchOp("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]"))
        .expectError(404, null, id);
  }

  @Test
  void ifNoneMatchWithTheCurrentEtagIs304() {
    JsonObject user = createUser(unique("etag"));
    String etag = user.getJsonObject("meta").getString("version");
    Reply reply = send(HttpMethod.GET, "/Users/" + user.getString("id"), Map.of("If-None-Match", etag), null);
    assertThat(reply.status()).isEqualTo(304);
    assertThat(reply.body().length()).isZero();
    send(HttpMethod.GET, "/Users/" + user.getString("id"), Map.of("If-None-Match", "W/\"999999\""), null).expect(200);
  }

  @Test
  void duplicateUserNameIs409UniquenessCaseInsensitively() {
    String userName = unique("dup");
    createUser(userName);
    post("/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s"}""".formatted(userName.toUpperCase()))
        .expectError(409, "uniqueness", null);
    String displayName = unique("dup-group");
    createGroup(displayName);
    post("/Groups", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s"}""".formatted(displayName))
        .expectError(409, "uniqueness", null);
  }

  @Test
  void putReplacesTheWholeResourceAndBumpsTheVersion() {
    JsonObject user = createUser(unique("put"));
    String id = user.getString("id");
    Reply reply = put("/Users/" + id, """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","displayName":"Replaced"}
        """.formatted(user.getString("userName"))).expect(200);
    JsonObject replaced = reply.json();
    assertThat(replaced.getString("displayName")).isEqualTo("Replaced");
    assertThat(replaced.containsKey("emails")).as("PUT replaces: emails not sent are gone").isFalse();
    assertThat(replaced.getString("id")).isEqualTo(id);
    assertThat(reply.header("ETag")).isNotEqualTo(user.getJsonObject("meta").getString("version"));
    assertThat(read("/Users", id).getString("displayName")).isEqualTo("Replaced");
  }

  @Test
  void staleIfMatchIs412AndChangesNothing() {
    JsonObject user = createUser(unique("ifmatch"));
    String id = user.getString("id");
    String v1 = user.getJsonObject("meta").getString("version");
    Reply ok = send(HttpMethod.PATCH, "/Users/" + id, Map.of("If-Match", v1),
        io.vertx.core.buffer.Buffer.buffer(patchOp("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"One\"}]")))
        .expect(200);
    assertThat(ok.header("ETag")).isNotEqualTo(v1);
    send(HttpMethod.PATCH, "/Users/" + id, Map.of("If-Match", v1),
        io.vertx.core.buffer.Buffer.buffer(patchOp("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Two\"}]")))
        .expectError(412, "invalidVers", null);
    send(HttpMethod.PUT, "/Users/" + id, Map.of("If-Match", v1), io.vertx.core.buffer.Buffer.buffer("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x-%s"}""".formatted(id)))
        .expectError(412, "invalidVers", null);
    send(HttpMethod.DELETE, "/Users/" + id, Map.of("If-Match", v1), null).expectError(412, "invalidVers", null);
    JsonObject now = read("/Users", id);
    assertThat(now.getString("displayName")).isEqualTo("One");
    assertThat(now.getString("userName")).isEqualTo(user.getString("userName"));
  }

  @Test
  void deleteIs204ThenTheResourceIsGone() {
    JsonObject user = createUser(unique("delete"));
    String id = user.getString("id");
    Reply reply = delete("/Users/" + id);
    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.body().length()).isZero();
    get("/Users/" + id).expectError(404, null, id);
  }

  @Test
  void groupCreatedWithMembersListsThemAndTheUserListsTheGroup() {
    JsonObject alice = createUser(unique("alice"));
    JsonObject bob = createUser(unique("bob"));
    String aliceId = alice.getString("id");
    String bobId = bob.getString("id");
    Reply reply = post("/Groups", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s",
         "members":[{"value":"%s"},{"value":"%s","$ref":null}]}""".formatted(unique("team"), aliceId, bobId))
        .expect(201);
    JsonObject group = reply.json();
    assertThat(group.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("value")))
        .containsExactlyInAnyOrder(aliceId, bobId);
    JsonObject member = (JsonObject) group.getJsonArray("members").getValue(0);
    assertThat(member.getString("$ref")).startsWith(baseUrl() + "/Users/");
    assertThat(reply.header("ETag")).isEqualTo(group.getJsonObject("meta").getString("version"));
    JsonArray groups = read("/Users", aliceId).getJsonArray("groups");
    assertThat(groups).hasSize(1);
    assertThat(groups.getJsonObject(0).getString("value")).isEqualTo(group.getString("id"));
    assertThat(groups.getJsonObject(0).getString("$ref")).isEqualTo(baseUrl() + "/Groups/" + group.getString("id"));
  }

  @Test
  void putOnAGroupSetsItsMembershipExactly() {
    JsonObject a = createUser(unique("pa"));
    JsonObject b = createUser(unique("pb"));
    String name = unique("put-group");
    JsonObject group = post("/Groups", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[{"value":"%s"}]}
        """.formatted(name, a.getString("id"))).expect(201).json();
    JsonObject replaced = put("/Groups/" + group.getString("id"), """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[{"value":"%s"}]}
        """.formatted(name, b.getString("id"))).expect(200).json();
    assertThat(replaced.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("value")))
        .containsExactly(b.getString("id"));
  }

  @Test
  void forwardedHeadersFromTheGatewayShapeLocations() {
    Reply reply = send(HttpMethod.POST, "/Users", Map.of("X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "sallyport.example.com"), io.vertx.core.buffer.Buffer.buffer("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s"}""".formatted(unique("fwd"))))
        .expect(201);
    String id = reply.json().getString("id");
    assertThat(reply.header("Location")).isEqualTo("https://sallyport.example.com" + BASE + "/Users/" + id);
  }

  @Test
  void storageOutageIs503WithAGenericDetail() {
    JsonObject user = createUser(unique("outage"));
    storage.failing = true;
    try {
      JsonObject error = get("/Users/" + user.getString("id")).expectError(503, null, null);
      assertThat(error.getString("detail")).doesNotContain("refused");
      get("/Users?filter=" + q("userName eq \"x\"")).expectError(503, null, null);
    } finally {
      storage.failing = false;
    }
  }
}
