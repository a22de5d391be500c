package io.sallyport.scim.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Authentication and bad input: each refusal has the exact SCIM error shape and status, and a
 * read afterwards shows that nothing was stored.
 */
public abstract class BadInputCases extends ListingCases {

  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

  @Test
  void missingOrWrongBearerIs401WithAChallengeOnEveryRoute() {
    for (String path : new String[] {"/Users", "/Groups/x", "/ServiceProviderConfig", "/Schemas", "/nowhere"}) {
      Reply none = send(HttpMethod.GET, path, headers("Authorization", null), null);
      none.expectError(401, null, "bearer");
      assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"sallyport-scim\"");
      send(HttpMethod.GET, path, headers("Authorization", "Bearer wrong"), null).expectError(401, null, null);
      send(HttpMethod.GET, path, headers("Authorization", "Basic " + TOKEN), null).expectError(401, null, null);
    }
    int writes = storage.writes.get();
    send(HttpMethod.POST, "/Users", headers("Authorization", "Bearer wrong"),
        Buffer.buffer("{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"intruder\"}")).expectError(401, null, null);
    assertThat(storage.writes.get()).isEqualTo(writes);
  }

  @Test
  void anAuthHookFailureIs503() {
    send(HttpMethod.GET, "/Users", headers("Authorization", "Bearer " + AUTH_OUTAGE), null).expectError(503, null, null);
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    send(HttpMethod.POST, "/Users", headers("Content-Type", "text/plain"),
        Buffer.buffer("{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"text\"}")).expectError(415, null, "text/plain");
    send(HttpMethod.POST, "/Users", headers("Content-Type", "application/json; charset=utf-8"),
        Buffer.buffer("{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + unique("plainjson") + "\"}")).expect(201);
  }

  @Test
  void aBodyOverTheLimitIs413() {
    String big = "x".repeat(options().maxBodyBytes() + 10);
    post("/Users", "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"big\",\"displayName\":\"" + big + "\"}")
        .expectError(413, null, String.valueOf(options().maxBodyBytes()));
    get("/Users?filter=" + q("userName eq \"big\"")).expect(200);
  }

  @Test
  void malformedJsonIs400InvalidSyntaxNamingTheProblem() {
    String userName = unique("malformed");
    post("/Users", "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + userName + "\"")
        .expectError(400, "invalidSyntax", "not valid JSON");
    post("/Users", "[1,2]").expectError(400, "invalidSyntax", "array");
    post("/Users", "").expectError(400, "invalidSyntax", "empty");
    assertNoUser(userName);
  }

  @Test
  void jsonNestedDeeperThanTheLimitIs400() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    post("/Users", "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"deep\",\"x\":" + deep.substring(0, 100) + "}")
        .expectError(400, "invalidSyntax", "levels deep");
    String body = "{\"a\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}";
    post("/Users", body).expectError(400, "invalidSyntax", "levels deep");
  }

  @Test
  void wrongOrMissingSchemasAre400() {
    String userName = unique("schemas");
    post("/Users", "{\"userName\":\"" + userName + "\"}").expectError(400, "invalidSyntax", "schemas");
    post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"userName\":\"" + userName + "\"}")
        .expectError(400, "invalidSyntax", null);
    assertNoUser(userName);
  }

  @Test
  void unknownAttributesAndWrongTypesAre400AndNothingIsStored() {
    String userName = unique("types");
    post("/Users", "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + userName + "\",\"favouriteColour\":\"red\"}")
        .expectError(400, "invalidSyntax", "favouriteColour");
    post("/Users", "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + userName + "\",\"active\":\"maybe\"}")
        .expectError(400, "invalidValue", "active");
    post("/Users", "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":42}").expectError(400, "invalidValue", "userName");
    post("/Users", "{\"schemas\":[\"" + USER_SCHEMA + "\"]}").expectError(400, "invalidValue", "userName");
    assertNoUser(userName);
  }

  @Test
  void invalidFiltersAre400InvalidFilter() {
    for (String filter : new String[] {"userName eq", "userName xx \"a\"", "(userName eq \"a\"", "userName eq \"a\" and",
        "userName eq \"a\\\"; DROP TABLE users; --"}) {
      get("/Users?filter=" + q(filter)).expectError(400, "invalidFilter", null);
    }
  }

  @Test
  void badPatchesAre400WithTheRightScimTypeAndChangeNothing() {
    JsonObject user = createUser(unique("badpatch"));
    String id = user.getString("id");
    String path = "/Users/" + id;
    patch(path, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")
        .expectError(400, "invalidSyntax", null);
    patch(path, patchOp("[{\"op\":\"frobnicate\",\"path\":\"active\",\"value\":false}]"))
        .expectError(400, "invalidSyntax", "frobnicate");
    patch(path, patchOp("[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]"))
        .expectError(400, "invalidPath", null);
    patch(path, patchOp("[{\"op\":\"replace\",\"path\":\"noSuchAttribute\",\"value\":\"x\"}]"))
        .expectError(400, "invalidPath", "noSuchAttribute");
    patch(path, patchOp("[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"mine\"}]")).expectError(400, "mutability", null);
    // the first operation is valid, the second is not: the first must not be stored either
    patch(path, patchOp("""
        [{"op":"replace","path":"displayName","value":"half-way"},{"op":"replace","path":"active","value":"perhaps"}]"""))
        .expectError(400, "invalidValue", "active");
    JsonObject now = read("/Users", id);
    assertThat(now.containsKey("displayName")).isFalse();
    assertThat(now.getBoolean("active")).isTrue();
    assertThat(now.getJsonObject("meta").getString("version")).isEqualTo(user.getJsonObject("meta").getString("version"));
  }

  @Test
  void unknownEndpointsAre404AndUnsupportedMethods405InTheScimShape() {
    get("/Nowhere").expectError(404, null, "/Nowhere");
    send(HttpMethod.PUT, "/Users", Map.of(), Buffer.buffer("{}")).expectError(405, null, null);
    post("/Bulk", "{}").expectError(501, null, null);
  }

  private void assertNoUser(String userName) {
    JsonObject list = get("/Users?filter=" + q("userName eq \"" + userName + "\"")).expect(200).json();
    assertThat(list.getLong("totalResults")).as("users named %s", userName).isZero();
  }

  private static Map<String, String> headers(String name, String value) {
    Map<String, String> headers = new HashMap<>();
    headers.put(name, value);
    return headers;
  }
}
