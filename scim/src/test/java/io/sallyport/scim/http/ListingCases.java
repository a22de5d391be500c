package io.sallyport.scim.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Listing: ListResponse shape, 1-based paging as Microsoft's validation pages, filters, projection. */
public abstract class ListingCases extends ResourceCases {

  @Test
  void pagesOfFiveCoverEveryUserOnceAsMicrosoftsValidationPages() {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      mine.add(createUser(unique("page" + i)).getString("id"));
    }
    long total = get("/Users?startIndex=1&count=5").expect(200).json().getLong("totalResults");
    assertThat(total).isGreaterThanOrEqualTo(12);
    Set<String> seen = new HashSet<>();
    int pages = 0;
    for (int page = 0; page * 5 < total; page++) {
      JsonObject list = get("/Users?startIndex=" + (page * 5 + 1) + "&count=5").expect(200).json();
      assertListResponse(list);
      assertThat(list.getInteger("startIndex")).isEqualTo(page * 5 + 1);
      assertThat(list.getLong("totalResults")).isEqualTo(total);
      JsonArray resources = list.getJsonArray("Resources");
      assertThat(resources.size()).isEqualTo((int) Math.min(5, total - page * 5L));
      assertThat(list.getInteger("itemsPerPage")).isEqualTo(resources.size());
      resources.forEach(r -> assertThat(seen.add(((JsonObject) r).getString("id"))).as("seen once").isTrue());
      pages++;
    }
    assertThat(pages).isGreaterThanOrEqualTo(3);
    assertThat(seen).containsAll(mine);
  }

  @Test
  void startIndexBelowOneIsOneAndNegativeCountIsZero() {
    createUser(unique("bounds"));
    JsonObject zero = get("/Users?startIndex=0&count=-3").expect(200).json();
    assertThat(zero.getInteger("startIndex")).isEqualTo(1);
    assertThat(zero.getJsonArray("Resources")).isEmpty();
    assertThat(zero.getInteger("itemsPerPage")).isZero();
    assertThat(zero.getLong("totalResults")).isPositive();
    JsonObject capped = get("/Users?count=100000").expect(200).json();
    assertThat(capped.getJsonArray("Resources").size()).isLessThanOrEqualTo(options().maxPageSize());
    JsonObject beyond = get("/Users?startIndex=100000").expect(200).json();
    assertThat(beyond.getJsonArray("Resources")).isEmpty();
  }

  @Test
  void noMatchIs200WithAnEmptyListResponseNever404() {
    JsonObject list = get("/Users?filter=" + q("userName eq \"" + java.util.UUID.randomUUID() + "\"")).expect(200).json();
    assertListResponse(list);
    assertThat(list.getLong("totalResults")).isZero();
    assertThat(list.getJsonArray("Resources")).isEmpty();
    assertThat(list.getInteger("startIndex")).isEqualTo(1);
    JsonObject groups = get("/Groups?filter=" + q("displayName eq \"none-" + java.util.UUID.randomUUID() + "\""))
        .expect(200).json();
    assertThat(groups.getLong("totalResults")).isZero();
  }

  @Test
  void equalityFiltersFindByUserNameCaseInsensitivelyAndByExternalIdExactly() {
    String userName = unique("Filter.Me");
    String id = post("/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"ext-%s"}
        """.formatted(userName, userName)).expect(201).json().getString("id");
    JsonObject byName = get("/Users?filter=" + q("userName eq \"" + userName.toLowerCase() + "\"")).expect(200).json();
    assertThat(byName.getLong("totalResults")).isEqualTo(1);
    assertThat(byName.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(id);
    JsonObject byExternal = get("/Users?filter=" + q("externalId eq \"ext-" + userName + "\"")).expect(200).json();
    assertThat(byExternal.getLong("totalResults")).isEqualTo(1);
    JsonObject byId = get("/Users?filter=" + q("id eq \"" + id + "\"")).expect(200).json();
    assertThat(byId.getLong("totalResults")).isEqualTo(1);
  }

  @Test
  void attributesAndExcludedAttributesProjectTheResources() {
    String userName = unique("projection");
    String id = createUser(userName).getString("id");
    JsonObject only = get("/Users/" + id + "?attributes=userName").expect(200).json();
    assertThat(only.getString("userName")).isEqualTo(userName);
    assertThat(only.getString("id")).isEqualTo(id);
    assertThat(only.containsKey("emails")).isFalse();
    assertThat(only.containsKey("name")).isFalse();
    JsonObject without = get("/Users?filter=" + q("userName eq \"" + userName + "\"") + "&excludedAttributes=emails")
        .expect(200).json().getJsonArray("Resources").getJsonObject(0);
    assertThat(without.containsKey("emails")).isFalse();
    assertThat(without.getString("userName")).isEqualTo(userName);
  }

  @Test
  void groupsListedWithoutMembersNeverReadTheMemberIndex() {
    String displayName = unique("probe");
    JsonObject user = createUser(unique("member"));
    post("/Groups", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[{"value":"%s"}]}
        """.formatted(displayName, user.getString("id"))).expect(201);
    int before = storage.memberReads.get();
    JsonObject list = get("/Groups?excludedAttributes=members&filter=" + q("displayName eq \"" + displayName + "\""))
        .expect(200).json();
    assertThat(list.getLong("totalResults")).isEqualTo(1);
    JsonObject group = list.getJsonArray("Resources").getJsonObject(0);
    assertThat(group.getString("displayName")).isEqualTo(displayName);
    assertThat(group.containsKey("members")).isFalse();
    get("/Groups?excludedAttributes=members&count=50").expect(200);
    assertThat(storage.memberReads.get()).as("member reads").isEqualTo(before);
    JsonObject withMembers = get("/Groups?filter=" + q("displayName eq \"" + displayName + "\"")).expect(200).json();
    assertThat(withMembers.getJsonArray("Resources").getJsonObject(0).getJsonArray("members")).hasSize(1);
  }

  @Test
  void unknownQueryParametersSuchAsEntrasFlagAreIgnoredEverywhere() {
    String userName = unique("flagged");
    String id = createUser(userName).getString("id");
    get("/Users?aadOptscim062020&filter=" + q("userName eq \"" + userName + "\"")).expect(200);
    get("/Users/" + id + "?aadOptscim062020").expect(200);
    patch("/Users/" + id + "?aadOptscim062020", patchOp("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]"))
        .expect(200);
    get("/ServiceProviderConfig?aadOptscim062020").expect(200);
    get("/Schemas?aadOptscim062020&whatever=1").expect(200);
  }

  @Test
  void sortByOrdersTheFilteredMatchesBeforePaging() {
    String tag = unique("sort");
    for (String family : new String[] {"charlie", "Alpha", "bravo"}) {
      post("/Users", """
          {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s-%s","title":"%s",
           "name":{"familyName":"%s"}}""".formatted(tag, family, tag, family)).expect(201);
    }
    String filter = "&filter=" + q("title eq \"" + tag + "\"");
    JsonObject asc = get("/Users?sortBy=name.familyName" + filter).expect(200).json();
    assertThat(asc.getJsonArray("Resources").stream().map(r -> ((JsonObject) r).getJsonObject("name").getString("familyName")))
        .containsExactly("Alpha", "bravo", "charlie");
    JsonObject desc = get("/Users?sortBy=name.familyName&sortOrder=descending&startIndex=2&count=1" + filter)
        .expect(200).json();
    assertThat(desc.getLong("totalResults")).isEqualTo(3);
    assertThat(desc.getJsonArray("Resources").getJsonObject(0).getJsonObject("name").getString("familyName"))
        .isEqualTo("bravo");
    get("/Users?sortBy=noSuchAttribute").expectError(400, "invalidValue", "noSuchAttribute");
  }

  @Test
  void discoveryDocumentsAreServed() {
    JsonObject config = get("/ServiceProviderConfig").expect(200).json();
    assertThat(config.getJsonArray("schemas")).contains("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    assertThat(config.getJsonObject("patch").getBoolean("supported")).isTrue();
    JsonObject schemas = get("/Schemas").expect(200).json();
    assertListResponse(schemas);
    assertThat(schemas.getJsonArray("Resources").stream().map(r -> ((JsonObject) r).getString("id")))
        .contains("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    assertThat(get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group").expect(200).json().getString("id"))
        .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:Group");
    get("/Schemas/urn:nothing").expectError(404, null, "urn:nothing");
    assertListResponse(get("/ResourceTypes").expect(200).json());
    assertThat(get("/ResourceTypes/User").expect(200).json().getString("endpoint")).isEqualTo("/Users");
    get("/ResourceTypes/Printer").expectError(404, null, "Printer");
  }

  @Test
  void subAttributeAndUrnQualifiedProjection() {
    String userName = unique("subproj");
    String id = createUser(userName).getString("id");
    JsonObject user = get("/Users/" + id + "?attributes=name.givenName,urn:ietf:params:scim:schemas:core:2.0:User:userName")
        .expect(200).json();
    assertThat(user.getJsonObject("name").fieldNames()).containsExactly("givenName");
    assertThat(user.getString("userName")).isEqualTo(userName);
    assertThat(user.containsKey("emails")).isFalse();
    JsonObject excluded = get("/Users/" + id + "?excludedAttributes=emails.value,name").expect(200).json();
    assertThat(excluded.containsKey("name")).isFalse();
    assertThat(excluded.getJsonArray("emails").getJsonObject(0).containsKey("value")).isFalse();
  }
}
