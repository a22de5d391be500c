package io.sallyport.gateway.entra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request for a user's transitive groups, and the ids read from Graph's documented items. */
class TransitiveGroupsTest {

  static final String OID = "6E2B1C3D-4F5A-4B6C-8D7E-9F0A1B2C3D4E";

  @Test
  void asksForGroupIdsOnlyInLargePages() {
    assertThat(TransitiveGroups.path(OID, 999)).isEqualTo("/v1.0/users/6e2b1c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e"
        + "/transitiveMemberOf/microsoft.graph.group?$select=id&$top=999");
  }

  @Test
  void refusesAnOidThatIsNotAGuidBeforeItReachesAPath() {
    for (String bad : new String[] {null, "", "../../groups", OID + "/x", "6e2b1c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4"}) {
      assertThatThrownBy(() -> TransitiveGroups.path(bad, 999)).isInstanceOf(GraphUnavailable.class);
    }
  }

  @Test
  void readsLowerCaseIdsInOrderWithoutDuplicates() {
    // the shape Graph documents for .../transitiveMemberOf/microsoft.graph.group?$select=id
    JsonObject page = new JsonObject("""
        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups(id)",
         "value": [
           {"@odata.type": "#microsoft.graph.group", "id": "11111111-2222-4333-8444-555555555555"},
           {"@odata.type": "#microsoft.graph.group", "id": "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE"},
           {"@odata.type": "#microsoft.graph.group", "id": "11111111-2222-4333-8444-555555555555"}
         ]}""");
    assertThat(TransitiveGroups.ids(items(page))).containsExactly("11111111-2222-4333-8444-555555555555",
        "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
    assertThat(TransitiveGroups.ids(List.of())).isEmpty();
  }

  @Test
  void anItemWithoutAGroupIdRefusesTheWholeAnswer() {
    for (String item : new String[] {"{}", "{\"id\": 5}", "{\"id\": \"not-a-guid\"}", "{\"id\": null}"}) {
      assertThatThrownBy(() -> TransitiveGroups.ids(List.of(new JsonObject(item))))
          .isInstanceOf(GraphUnavailable.class)
          .satisfies(e -> assertThat(((GraphUnavailable) e).kind()).isEqualTo(GraphUnavailable.INVALID_RESPONSE));
    }
  }

  static List<JsonObject> items(JsonObject page) {
    JsonArray value = page.getJsonArray("value");
    return value.stream().map(JsonObject.class::cast).toList();
  }
}
