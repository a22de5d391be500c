package io.sallyport.devtenant.graph.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.sallyport.devtenant.harness.GraphSdk;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsersIT extends DirectoryFixture {

  /** Microsoft's "Get user" example (graph-docs user-get.md, example 1). */
  static final String GET_USER_EXAMPLE = """
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
        "businessPhones": ["+1 425 555 0109"],
        "displayName": "Adele Vance",
        "givenName": "Adele",
        "jobTitle": "Retail Manager",
        "mail": "AdeleV@contoso.com",
        "mobilePhone": null,
        "officeLocation": "18/2111",
        "preferredLanguage": "en-US",
        "surname": "Vance",
        "userPrincipalName": "AdeleV@contoso.com",
        "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd"
      }""";

  @Test
  void filtersSelectsAndLimitsThroughTheSdk() {
    String alice = t.user("alice").upn();
    UserCollectionResponse one = app.users().get(rc -> {
      rc.queryParameters.filter = "userPrincipalName eq '" + alice + "'";
      rc.queryParameters.select = new String[] {"displayName", "accountEnabled", "department"};
    });
    assertThat(one.getValue()).singleElement().satisfies(u -> {
      assertThat(u.getDisplayName()).isEqualTo("Alice Admin");
      assertThat(u.getAccountEnabled()).isTrue();
      assertThat(u.getDepartment()).isEqualTo("Engineering");
      assertThat(u.getJobTitle()).isNull(); // not selected
    });
    assertThat(app.users().get(rc -> rc.queryParameters.filter = "startswith(displayName,'B')").getValue())
        .extracting(User::getDisplayName).containsExactly("Bob Builder");
    assertThat(app.users().get(rc -> rc.queryParameters.filter = "accountEnabled eq false").getValue())
        .extracting(User::getDisplayName).containsExactly("Dave Departed");
    String ids = "'" + t.user("alice").id() + "','" + t.user("carol").id() + "'";
    assertThat(app.users().get(rc -> rc.queryParameters.filter = "id in (" + ids + ")").getValue())
        .extracting(User::getDisplayName).containsExactly("Alice Admin", "Carol Approver");
    UserCollectionResponse two = app.users().get(rc -> rc.queryParameters.top = 2);
    assertThat(two.getValue()).hasSize(2);
    assertThat(two.getOdataNextLink()).startsWith(t.baseUrl() + "/v1.0/users?");
  }

  @Test
  void pageIteratorWithTopOneVisitsEveryUserExactlyOnce() throws Exception {
    UserCollectionResponse first = app.users().get(rc -> rc.queryParameters.top = 1);
    List<String> seen = new ArrayList<>();
    PageIterator<User, UserCollectionResponse> pages = new PageIterator.Builder<User, UserCollectionResponse>()
        .client(app).collectionPage(first).collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
        .processPageItemCallback(u -> seen.add(u.getId())).build();
    pages.iterate();
    assertThat(seen).hasSize(4).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(t.scenario().users().stream().map(u -> u.id()).toList());
  }

  @Test
  void getsAUserByUpnOrIdAndMeForADelegatedCaller() {
    User byUpn = app.users().byUserId(t.user("carol").upn()).get();
    assertThat(byUpn.getId()).isEqualTo(t.user("carol").id());
    assertThat(app.users().byUserId(t.user("carol").id()).get().getUserPrincipalName())
        .isEqualTo(t.user("carol").upn());
    GraphServiceClient bob = GraphSdk.delegated(t, "Sallyport", "bob", List.of("User.Read"), GraphSdk.passwordOnly(t));
    User me = bob.me().get();
    assertThat(me.getDisplayName()).isEqualTo("Bob Builder");
    assertThat(me.getMail()).isEqualTo(t.user("bob").mail());
    // User.Read reaches the caller's own user object, not another's
    assertThat(bob.users().byUserId(t.user("bob").id()).get().getId()).isEqualTo(t.user("bob").id());
    assertThatThrownBy(() -> bob.users().byUserId(t.user("alice").id()).get()).isInstanceOfSatisfying(
        ODataError.class, e -> assertThat(e.getError().getCode()).isEqualTo("Authorization_RequestDenied"));
  }

  @Test
  void sdkSeesGraphErrorCodes() {
    assertThatThrownBy(() -> app.me().get()).isInstanceOfSatisfying(ODataError.class, e -> {
      assertThat(e.getResponseStatusCode()).isEqualTo(400);
      assertThat(e.getError().getCode()).isEqualTo("BadRequest");
      assertThat(e.getError().getMessage()).isEqualTo("/me request is only valid with delegated authentication flow.");
    });
    assertThatThrownBy(() -> app.users().byUserId("nobody@example.com").get())
        .isInstanceOfSatisfying(ODataError.class, e -> {
          assertThat(e.getResponseStatusCode()).isEqualTo(404);
          assertThat(e.getError().getCode()).isEqualTo("Request_ResourceNotFound");
          assertThat(e.getError().getMessage()).isEqualTo("Resource 'nobody@example.com' does not exist or one of"
              + " its queried reference-property objects are not present.");
        });
    assertThatThrownBy(() -> app.users().get(rc -> rc.queryParameters.select = new String[] {"shoeSize"}))
        .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getError().getMessage())
            .isEqualTo("Could not find a property named 'shoeSize' on type 'microsoft.graph.user'."));
    GraphServiceClient noUserRead = GraphSdk.delegated(t, "Sallyport", "bob", List.of("openid"),
        GraphSdk.passwordOnly(t));
    assertThatThrownBy(() -> noUserRead.users().get()).isInstanceOfSatisfying(ODataError.class, e -> {
      assertThat(e.getResponseStatusCode()).isEqualTo(403);
      assertThat(e.getError().getCode()).isEqualTo("Authorization_RequestDenied");
    });
  }

  @Test
  void rawUserBodyHasTheDocumentedDefaultShapeAndContext() {
    var r = http.get("/users/" + t.user("alice").id(), http.appToken("Sallyport", List.of("User.Read.All")));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    DocumentedShape.assertSameKeys(body, GET_USER_EXAMPLE, Set.of());
    assertThat(body.getString("@odata.context")).isEqualTo(t.baseUrl() + "/v1.0/$metadata#users/$entity");
    JsonObject selected = http.get("/users/" + t.user("alice").id() + "?$select=displayName,accountEnabled",
        http.appToken("Sallyport", List.of("User.Read.All"))).bodyAsJsonObject();
    assertThat(selected.getString("@odata.context"))
        .isEqualTo(t.baseUrl() + "/v1.0/$metadata#users(displayName,accountEnabled)/$entity");
    assertThat(selected.getBoolean("accountEnabled")).isTrue();
    JsonObject list = http.get("/users", http.appToken("Sallyport", List.of("User.ReadBasic.All"))).bodyAsJsonObject();
    assertThat(list.getString("@odata.context")).isEqualTo(t.baseUrl() + "/v1.0/$metadata#users");
    assertThat(list.getJsonArray("value").getJsonObject(0).fieldNames())
        .containsExactlyInAnyOrderElementsOf(new JsonObject(GET_USER_EXAMPLE).fieldNames().stream()
            .filter(k -> !k.startsWith("@")).toList());
  }

  @Test
  void advancedQueriesFollowTheConsistencyLevelRules() {
    String token = http.appToken("Sallyport", List.of("User.Read.All"));
    var search = http.get("/users?$search=" + q("\"displayName:Admin\""), token);
    assertThat(search.statusCode()).isEqualTo(400);
    JsonObject error = search.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("Request_UnsupportedQuery");
    assertThat(error.getString("message")).isEqualTo("Request with $search query parameter only works through"
        + " MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    assertThat(error.getJsonObject("innerError").fieldNames()).contains("date", "request-id", "client-request-id");

    var count = http.get("/users/$count", token);
    assertThat(count.statusCode()).isEqualTo(400);
    assertThat(count.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("Request_BadRequest");
    assertThat(count.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("$count is not currently supported.");

    MultiMap eventual = MultiMap.caseInsensitiveMultiMap().add("ConsistencyLevel", "eventual");
    var counted = http.send(HttpMethod.GET, "/users/$count", token, eventual, null);
    assertThat(counted.statusCode()).isEqualTo(200);
    assertThat(counted.bodyAsString()).isEqualTo("4");
    var found = http.send(HttpMethod.GET, "/users?$count=true&$search=" + q("\"displayName:Admin\""), token, eventual,
        null).bodyAsJsonObject();
    assertThat(found.getInteger("@odata.count")).isEqualTo(1);
    assertThat(found.getJsonArray("value").getJsonObject(0).getString("displayName")).isEqualTo("Alice Admin");

    // ne needs the header and $count=true; $count=true without the header is silently ignored
    assertThat(http.get("/users?$filter=" + q("accountEnabled ne true"), token).statusCode()).isEqualTo(400);
    var ne = http.send(HttpMethod.GET, "/users?$count=true&$filter=" + q("accountEnabled ne true"), token, eventual,
        null).bodyAsJsonObject();
    assertThat(ne.getInteger("@odata.count")).isEqualTo(1);
    assertThat(http.get("/users?$count=true", token).bodyAsJsonObject().containsKey("@odata.count")).isFalse();
  }

  @Test
  void sdkCountAndSearchWithTheHeader() {
    Integer n = app.users().count().get(rc -> rc.headers.add("ConsistencyLevel", "eventual"));
    assertThat(n).isEqualTo(4);
    UserCollectionResponse r = app.users().get(rc -> {
      rc.queryParameters.search = "\"displayName:Bob\" OR \"displayName:Carol\"";
      rc.queryParameters.count = true;
      rc.headers.add("ConsistencyLevel", "eventual");
    });
    assertThat(r.getOdataCount()).isEqualTo(2);
    assertThat(r.getValue()).extracting(User::getDisplayName).containsExactly("Bob Builder", "Carol Approver");
  }

  @Test
  void meRefusesAppOnlyTokensAndAcceptsUserRead() {
    var r = http.get("/me", http.appToken("Sallyport", List.of("User.Read.All")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("BadRequest");
    var me = http.get("/me", http.userToken("Sallyport", "carol", List.of("User.Read")));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.bodyAsJsonObject().getString("id")).isEqualTo(t.user("carol").id());
    assertThat(http.get("/me", http.userToken("Sallyport", "carol", List.of("Mail.Read"))).statusCode())
        .isEqualTo(403);
  }
}
