package io.sallyport.scim.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Key sets compared with RFC 7643 §8.5–§8.7; values camelCase; no nulls anywhere (Entra's rule). */
class DiscoveryTest {

  static final String BASE = "https://sp.example/scim/v2";

  @Test
  void serviceProviderConfigHasRfc8_5Shape() {
    JsonObject spc = Discovery.serviceProviderConfig(BASE, 200);
    // §8.5 minus the optional documentationUri, which Sallyport does not publish.
    assertThat(spc.fieldNames()).containsExactlyInAnyOrder("schemas", "patch", "bulk", "filter", "changePassword",
        "sort", "etag", "authenticationSchemes", "meta");
    assertThat(spc.getJsonArray("schemas").getList())
        .containsExactly("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    assertThat(spc.getJsonObject("patch").getBoolean("supported")).isTrue();
    assertThat(spc.getJsonObject("bulk").fieldNames()).containsExactlyInAnyOrder("supported", "maxOperations",
        "maxPayloadSize");
    assertThat(spc.getJsonObject("bulk").getBoolean("supported")).isFalse();
    assertThat(spc.getJsonObject("filter")).isEqualTo(new JsonObject().put("supported", true).put("maxResults", 200));
    assertThat(spc.getJsonObject("changePassword").getBoolean("supported")).isFalse();
    assertThat(spc.getJsonObject("sort").getBoolean("supported")).isTrue();
    assertThat(spc.getJsonObject("etag").getBoolean("supported")).isTrue();
    JsonObject scheme = spc.getJsonArray("authenticationSchemes").getJsonObject(0);
    assertThat(scheme.fieldNames()).containsExactlyInAnyOrder("type", "name", "description", "specUri", "primary");
    assertThat(scheme.getString("type")).isEqualTo("oauthbearertoken");
    assertThat(spc.getJsonObject("meta")).isEqualTo(new JsonObject().put("resourceType", "ServiceProviderConfig")
        .put("location", BASE + "/ServiceProviderConfig"));
    assertNoNulls(spc);
  }

  @Test
  void resourceTypesHaveRfc8_6Shape() {
    JsonObject list = Discovery.resourceTypes(BASE);
    assertListResponse(list, 2);
    JsonObject user = list.getJsonArray("Resources").getJsonObject(0);
    assertThat(user.fieldNames()).containsExactlyInAnyOrder("schemas", "id", "name", "endpoint", "description",
        "schema", "schemaExtensions", "meta");
    assertThat(user.getString("endpoint")).isEqualTo("/Users");
    assertThat(user.getString("schema")).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
    assertThat(user.getJsonArray("schemaExtensions")).isEqualTo(new JsonArray().add(new JsonObject()
        .put("schema", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").put("required", false)));
    assertThat(user.getJsonObject("meta")).isEqualTo(new JsonObject().put("resourceType", "ResourceType")
        .put("location", BASE + "/ResourceTypes/User"));
    JsonObject group = list.getJsonArray("Resources").getJsonObject(1);
    assertThat(group.fieldNames()).containsExactlyInAnyOrder("schemas", "id", "name", "endpoint", "description",
        "schema", "meta");
    assertThat(group.getString("endpoint")).isEqualTo("/Groups");
    assertThat(Discovery.resourceType(BASE, "group")).contains(group);
    assertThat(Discovery.resourceType(BASE, "Device")).isEmpty();
    assertNoNulls(list);
  }

  @Test
  void schemasHaveRfc8_7Shape() {
    JsonObject list = Discovery.schemas(BASE);
    assertListResponse(list, 3);
    List<String> ids = new ArrayList<>();
    for (Object o : list.getJsonArray("Resources")) {
      JsonObject schema = (JsonObject) o;
      ids.add(schema.getString("id"));
      assertThat(schema.fieldNames()).containsExactlyInAnyOrder("schemas", "id", "name", "description", "attributes",
          "meta");
      assertThat(schema.getJsonObject("meta")).isEqualTo(new JsonObject().put("resourceType", "Schema")
          .put("location", BASE + "/Schemas/" + schema.getString("id")));
      schema.getJsonArray("attributes").forEach(a -> assertAttributeShape((JsonObject) a));
    }
    assertThat(ids).containsExactly("urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group");
    assertNoNulls(list);
  }

  @Test
  void userNameAsInTheRfcAndEntraExamples() {
    JsonObject user = Discovery.schema(BASE, "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER").orElseThrow();
    JsonObject userName = user.getJsonArray("attributes").getJsonObject(0);
    assertThat(userName).isEqualTo(new JsonObject().put("name", "userName").put("type", "string")
        .put("multiValued", false).put("description", userName.getString("description")).put("required", true)
        .put("caseExact", false).put("mutability", "readWrite").put("returned", "default").put("uniqueness", "server"));
    JsonObject password = user.getJsonArray("attributes").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("name").equals("password")).findFirst().orElseThrow();
    assertThat(password.getString("mutability")).isEqualTo("writeOnly");
    assertThat(password.getString("returned")).isEqualTo("never");
    JsonObject emails = user.getJsonArray("attributes").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("name").equals("emails")).findFirst().orElseThrow();
    assertThat(emails.getBoolean("multiValued")).isTrue();
    assertThat(emails.getJsonArray("subAttributes").getJsonObject(2).getJsonArray("canonicalValues"))
        .isEqualTo(new JsonArray().add("work").add("home").add("other"));
    assertThat(Discovery.schema(BASE, "urn:example:nope")).isEmpty();
  }

  private static void assertAttributeShape(JsonObject a) {
    Set<String> required = Set.of("name", "type", "multiValued", "description", "required", "mutability", "returned",
        "uniqueness");
    assertThat(a.fieldNames()).containsAll(required);
    assertThat(a.fieldNames()).isSubsetOf("name", "type", "multiValued", "description", "required", "caseExact",
        "canonicalValues", "referenceTypes", "subAttributes", "mutability", "returned", "uniqueness");
    assertThat(a.getString("type")).isIn("string", "boolean", "decimal", "integer", "dateTime", "reference",
        "complex", "binary");
    assertThat(a.getString("mutability")).isIn("readOnly", "readWrite", "immutable", "writeOnly");
    assertThat(a.getString("returned")).isIn("always", "never", "default", "request");
    assertThat(a.getString("uniqueness")).isIn("none", "server", "global");
    if (a.getString("type").equals("complex")) {
      assertThat(a.getJsonArray("subAttributes")).isNotEmpty();
      a.getJsonArray("subAttributes").forEach(s -> assertAttributeShape((JsonObject) s));
    }
    if (a.getString("type").equals("reference")) {
      assertThat(a.getJsonArray("referenceTypes")).isNotEmpty();
    }
  }

  private static void assertListResponse(JsonObject list, int n) {
    assertThat(list.fieldNames()).containsExactlyInAnyOrder("schemas", "totalResults", "itemsPerPage", "startIndex",
        "Resources");
    assertThat(list.getJsonArray("schemas").getList()).containsExactly(Discovery.LIST_RESPONSE);
    assertThat(list.getInteger("totalResults")).isEqualTo(n);
    assertThat(list.getInteger("startIndex")).isEqualTo(1);
    assertThat(list.getJsonArray("Resources")).hasSize(n);
  }

  private static void assertNoNulls(Object json) {
    if (json instanceof JsonObject o) {
      o.forEach(e -> {
        assertThat(e.getValue()).as(e.getKey()).isNotNull();
        assertNoNulls(e.getValue());
      });
    } else if (json instanceof JsonArray a) {
      a.forEach(v -> {
        assertThat(v).isNotNull();
        assertNoNulls(v);
      });
    }
  }
}
