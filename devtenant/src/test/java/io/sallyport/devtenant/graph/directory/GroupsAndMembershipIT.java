package io.sallyport.devtenant.graph.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostRequestBody;
import com.microsoft.graph.users.item.getmemberobjects.GetMemberObjectsPostRequestBody;
import io.sallyport.devtenant.harness.GraphSdk;
import io.sallyport.devtenant.state.GroupInstance;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupsAndMembershipIT extends DirectoryFixture {

  /** Microsoft's "Get group" example 1 (graph-docs group-get.md). */
  static final String GET_GROUP_EXAMPLE = """
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups/$entity",
        "id": "02bd9fd6-8f93-4758-87c3-1fb73740a315", "deletedDateTime": null, "classification": null,
        "createdDateTime": "2017-07-31T18:56:16Z", "description": "Welcome to the HR Taskforce team.",
        "displayName": "HR Taskforce", "expirationDateTime": null, "groupTypes": ["Unified"],
        "isAssignableToRole": null, "mail": "HRTaskforce@M365x214355.onmicrosoft.com", "mailEnabled": true,
        "mailNickname": "HRTaskforce", "membershipRule": null, "membershipRuleProcessingState": null,
        "onPremisesDomainName": null, "onPremisesLastSyncDateTime": null, "onPremisesNetBiosName": null,
        "onPremisesSamAccountName": null, "onPremisesSecurityIdentifier": null, "onPremisesSyncEnabled": null,
        "preferredDataLocation": null, "preferredLanguage": null,
        "proxyAddresses": ["SMTP:HRTaskforce@M365x214355.onmicrosoft.com"],
        "renewedDateTime": "2020-01-24T19:01:14Z", "resourceBehaviorOptions": [], "resourceProvisioningOptions": ["Team"],
        "securityEnabled": false, "securityIdentifier": "S-1-12-1-45981654-1196986259-3072312199-363020343",
        "theme": null, "visibility": "Private", "onPremisesProvisioningErrors": []
      }""";

  private String groupId(String name) {
    return t.scenario().groups().stream().filter(g -> g.displayName().equals(name)).findFirst().orElseThrow().id();
  }

  @Test
  void listsAndGetsGroupsInTheDocumentedShape() {
    GroupCollectionResponse all = app.groups().get();
    assertThat(all.getValue()).extracting(Group::getDisplayName)
        .containsExactly("Engineering", "Sallyport Admins", "JIT Approvers", "Production Access");
    assertThat(app.groups().get(rc -> rc.queryParameters.filter = "startswith(displayName,'JIT')").getValue())
        .extracting(Group::getId).containsExactly(groupId("JIT Approvers"));
    Group g = app.groups().byGroupId(groupId("Engineering")).get();
    assertThat(g.getSecurityEnabled()).isTrue();
    assertThat(g.getSecurityIdentifier()).startsWith("S-1-12-1-");

    JsonObject raw = http.get("/groups/" + groupId("Engineering"),
        http.appToken("Sallyport", List.of("GroupMember.Read.All"))).bodyAsJsonObject();
    // live responses also carry creationOptions, which the (truncated) example omits
    DocumentedShape.assertSameKeys(raw, GET_GROUP_EXAMPLE, Set.of("creationOptions"));
    assertThat(raw.getString("@odata.context")).isEqualTo(t.baseUrl() + "/v1.0/$metadata#groups/$entity");
    JsonObject list = http.get("/groups?$select=id,displayName&$top=1",
        http.appToken("Sallyport", List.of("Group.Read.All"))).bodyAsJsonObject();
    assertThat(list.getString("@odata.context")).isEqualTo(t.baseUrl() + "/v1.0/$metadata#groups(id,displayName)");
    assertThat(list.getJsonArray("value").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id", "displayName");
    assertThat(list.getString("@odata.nextLink")).startsWith(t.baseUrl() + "/v1.0/groups?");
  }

  @Test
  void membersTransitiveMembersAndOwners() {
    List<DirectoryObject> members = app.groups().byGroupId(groupId("Engineering")).members().get().getValue();
    assertThat(members).allSatisfy(m -> assertThat(m).isInstanceOf(User.class))
        .extracting(DirectoryObject::getId).containsExactly(t.user("alice").id(), t.user("bob").id());
    assertThat(app.groups().byGroupId(groupId("Production Access")).members().get().getValue()).isEmpty();
    assertThat(app.groups().byGroupId(groupId("Engineering")).transitiveMembers().get().getValue()).hasSize(2);
    assertThat(app.groups().byGroupId(groupId("Engineering")).owners().get().getValue()).isEmpty();
    JsonObject raw = http.get("/groups/" + groupId("Engineering") + "/members",
        http.appToken("Sallyport", List.of("GroupMember.Read.All"))).bodyAsJsonObject();
    assertThat(raw.getString("@odata.context")).isEqualTo(t.baseUrl() + "/v1.0/$metadata#directoryObjects");
    assertThat(raw.getJsonArray("value").getJsonObject(0).getString("@odata.type")).isEqualTo("#microsoft.graph.user");
    assertThatThrownBy(() -> app.groups().byGroupId("00000000-0000-0000-0000-000000000000").members().get())
        .isInstanceOfSatisfying(ODataError.class,
            e -> assertThat(e.getError().getCode()).isEqualTo("Request_ResourceNotFound"));
  }

  @Test
  void memberOfListsGroupsAndActiveDirectoryRoles() {
    String carol = t.user("carol").id();
    List<DirectoryObject> of = app.users().byUserId(carol).memberOf().get().getValue();
    assertThat(of).hasSize(2);
    assertThat(of.get(0)).isInstanceOf(Group.class);
    assertThat(((Group) of.get(0)).getDisplayName()).isEqualTo("JIT Approvers");
    assertThat(of.get(1)).isInstanceOfSatisfying(DirectoryRole.class, r -> {
      assertThat(r.getDisplayName()).isEqualTo("Security Reader");
      assertThat(r.getRoleTemplateId()).isEqualTo("5d6b6bb7-de71-4623-b4af-96380a352509");
    });
    List<Group> groups = app.users().byUserId(carol).transitiveMemberOf().graphGroup().get(rc -> {
      rc.queryParameters.select = new String[] {"id", "displayName"};
      rc.queryParameters.top = 999;
    }).getValue();
    assertThat(groups).extracting(Group::getDisplayName).containsExactly("JIT Approvers");
    JsonObject raw = http.get("/users/" + carol + "/memberOf/microsoft.graph.group?$select=displayName",
        http.appToken("Sallyport", List.of("GroupMember.Read.All"))).bodyAsJsonObject();
    assertThat(raw.getString("@odata.context")).isEqualTo(t.baseUrl() + "/v1.0/$metadata#groups(displayName)");
    assertThat(raw.getJsonArray("value").getJsonObject(0).getString("@odata.type")).isEqualTo("#microsoft.graph.group");
  }

  @Test
  void pimForGroupsActivationCountsAsMembershipWhileCurrent() {
    String bob = t.user("bob").id();
    var state = t.tenant().context().state();
    var now = t.now();
    state.groupInstances.put(new GroupInstance("pim-test", "active", bob, groupId("Production Access"), "member",
        now.minus(1, ChronoUnit.MINUTES), now.plus(1, ChronoUnit.HOURS), "Activated", "Direct", "pim-test"));
    try {
      assertThat(app.users().byUserId(bob).transitiveMemberOf().graphGroup().get().getValue())
          .extracting(Group::getDisplayName).contains("Production Access", "Engineering");
      assertThat(app.groups().byGroupId(groupId("Production Access")).members().get().getValue())
          .extracting(DirectoryObject::getId).containsExactly(bob);
    } finally {
      state.groupInstances.remove("pim-test");
    }
    assertThat(app.users().byUserId(bob).memberOf().graphGroup().get().getValue())
        .extracting(Group::getDisplayName).containsExactly("Engineering");
  }

  @Test
  void meMembershipAndPagingWithCount() throws Exception {
    GraphServiceClient alice = GraphSdk.delegated(t, "Sallyport", "alice", List.of("User.Read"),
        GraphSdk.passwordOnly(t));
    assertThat(alice.me().transitiveMemberOf().graphGroup().get().getValue()).extracting(Group::getDisplayName)
        .containsExactly("Engineering", "Sallyport Admins");
    DirectoryObjectCollectionResponse first = alice.me().memberOf().get(rc -> {
      rc.queryParameters.top = 1;
      rc.queryParameters.count = true;
      rc.headers.add("ConsistencyLevel", "eventual");
    });
    assertThat(first.getOdataCount()).isEqualTo(2);
    List<String> seen = new ArrayList<>();
    new PageIterator.Builder<DirectoryObject, DirectoryObjectCollectionResponse>().client(alice)
        .collectionPage(first).collectionPageFactory(DirectoryObjectCollectionResponse::createFromDiscriminatorValue)
        .processPageItemCallback(o -> seen.add(o.getId())).build().iterate();
    assertThat(seen).containsExactly(groupId("Engineering"), groupId("Sallyport Admins"));
    Integer count = app.users().byUserId(t.user("alice").id()).transitiveMemberOf().graphGroup().count()
        .get(rc -> rc.headers.add("ConsistencyLevel", "eventual"));
    assertThat(count).isEqualTo(2);
    var refused = http.get("/users/" + t.user("alice").id() + "/memberOf/$count",
        http.appToken("Sallyport", List.of("GroupMember.Read.All")));
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("$count is not currently supported.");
  }

  @Test
  void getMemberObjectsAndCheckMemberGroups() {
    GetMemberObjectsPostRequestBody body = new GetMemberObjectsPostRequestBody();
    body.setSecurityEnabledOnly(true);
    assertThat(app.users().byUserId(t.user("alice").id()).getMemberObjects().post(body).getValue())
        .containsExactly(groupId("Engineering"), groupId("Sallyport Admins"));
    GraphServiceClient carol = GraphSdk.delegated(t, "Sallyport", "carol", List.of("User.Read"),
        GraphSdk.passwordOnly(t));
    // a fresh body: the SDK's backing store sends only values changed since the last request
    GetMemberObjectsPostRequestBody again = new GetMemberObjectsPostRequestBody();
    again.setSecurityEnabledOnly(true);
    List<String> mine = carol.me().getMemberObjects().post(again).getValue();
    assertThat(mine).hasSize(2).startsWith(groupId("JIT Approvers"));
    CheckMemberGroupsPostRequestBody check = new CheckMemberGroupsPostRequestBody();
    check.setGroupIds(List.of(groupId("Engineering"), groupId("JIT Approvers")));
    assertThat(app.users().byUserId(t.user("alice").id()).checkMemberGroups().post(check).getValue())
        .containsExactly(groupId("Engineering"));

    String token = http.appToken("Sallyport", List.of("GroupMember.Read.All"));
    var raw = http.send(HttpMethod.POST, "/users/" + t.user("alice").id() + "/getMemberObjects", token, null,
        new JsonObject().put("securityEnabledOnly", false)).bodyAsJsonObject();
    assertThat(raw.fieldNames()).containsExactly("@odata.context", "value");
    assertThat(raw.getString("@odata.context")).isEqualTo(t.baseUrl() + "/v1.0/$metadata#Collection(Edm.String)");
    var bad = http.send(HttpMethod.POST, "/users/" + t.user("alice").id() + "/getMemberObjects", token,
        MultiMap.caseInsensitiveMultiMap(), new JsonObject().put("securityOnly", true));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getJsonObject("error").getString("message")).isEqualTo("The parameter"
        + " 'securityOnly' in the request payload is not a valid parameter for the operation 'getMemberObjects'.");
  }

  @Test
  void groupReadsNeedAGroupPermission() {
    GraphServiceClient cli = GraphSdk.appOnly(t, "Demo CLI"); // User.Read.All only
    assertThatThrownBy(() -> cli.groups().get()).isInstanceOfSatisfying(ODataError.class, e -> {
      assertThat(e.getResponseStatusCode()).isEqualTo(403);
      assertThat(e.getError().getCode()).isEqualTo("Authorization_RequestDenied");
    });
    String userReadOnly = http.appToken("Demo CLI", List.of("Application.Read.All"));
    assertThat(http.get("/users/" + t.user("alice").id() + "/memberOf", userReadOnly).statusCode()).isEqualTo(403);
  }
}
