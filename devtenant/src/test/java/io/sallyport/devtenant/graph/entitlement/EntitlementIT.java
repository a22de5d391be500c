package io.sallyport.devtenant.graph.entitlement;

import io.sallyport.devtenant.harness.DemoGraphFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.AccessPackageAssignment;
import com.microsoft.graph.models.AccessPackageAssignmentRequest;
import com.microsoft.graph.models.AccessPackageAssignmentState;
import com.microsoft.graph.models.AccessPackageRequestState;
import com.microsoft.graph.models.AccessPackageRequestType;
import com.microsoft.graph.models.odataerrors.ODataError;
import io.sallyport.devtenant.graph.pim.KeySets;
import io.sallyport.devtenant.graph.pim.RawGraph;
import io.sallyport.devtenant.harness.GraphSdk;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entitlement management through the Graph SDK v6 and raw JSON, on the demo scenario. */
class EntitlementIT extends DemoGraphFixture {

  static final String PACKAGE = "4f0e2d1c-7b6a-4958-a3b2-c1d0e9f8a7b6";
  static final JsonObject DOC_PACKAGES = new JsonObject("""
      {
        "value": [
          {
            "@odata.type": "#microsoft.graph.accessPackage",
            "id": "114d3459-3459-114d-5934-4d1159344d11",
            "displayName": "Access package for testing",
            "description": "Sample access package",
            "isHidden": false,
            "createdDateTime": "2019-01-27T18:19:50.74Z",
            "modifiedDateTime": "2019-01-27T18:19:50.74Z"
          }
        ]
      }""");
  /** The doc's assignment example is truncated by Microsoft at schedule; its top-level keys are complete. */
  static final JsonObject DOC_ASSIGNMENT = new JsonObject("""
      { "id": "2a353749-3749-2a35-4937-352a4937352a", "state": "delivered", "status": "Delivered",
        "expiredDateTime": "2019-04-25T23:45:40.42Z", "schedule": {} }""");
  static final JsonObject DOC_SUBJECT = new JsonObject("""
      { "id": "x", "objectId": "x", "displayName": "x", "principalName": "x", "email": "x", "subjectType": "user",
        "onPremisesSecurityIdentifier": null }""");

  static String policy() {
    return t.tenant().context().state().accessPackages.find(PACKAGE).orElseThrow().policyId();
  }

  static int status(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (ODataError e) {
      return e.getResponseStatusCode();
    }
  }

  @Test
  void accessPackagesMatchTheDocumentedShape() {
    var reply = RawGraph.get(t, RawGraph.appToken(t, "Sallyport"),
        "/identityGovernance/entitlementManagement/accessPackages?$filter=contains(tolower(displayName),'billing')");
    assertThat(reply.status()).isEqualTo(200);
    JsonObject body = reply.body().copy();
    body.remove("@odata.context"); // Graph always sends one; the doc's example omits it
    KeySets.assertSameShape(body, DOC_PACKAGES);
    assertThat(app.identityGovernance().entitlementManagement().accessPackages()
        .get(rc -> rc.queryParameters.filter = "contains(tolower(displayName),'nothing')").getValue()).isEmpty();
    assertThat(app.identityGovernance().entitlementManagement().accessPackages().byAccessPackageId(PACKAGE).get()
        .getDisplayName()).isEqualTo("Billing console access");
  }

  @Test
  void assignmentsFilterAndExpandAsDocumented() {
    String alice = t.user("alice").id();
    var raw = RawGraph.get(t, RawGraph.appToken(t, "Sallyport"), "/identityGovernance/entitlementManagement/"
        + "assignments?$expand=target,accessPackage&$filter=accessPackage/id%20eq%20'" + PACKAGE
        + "'%20and%20target/objectid%20eq%20'" + alice + "'");
    assertThat(raw.status()).isEqualTo(200);
    JsonObject item = raw.body().getJsonArray("value").getJsonObject(0);
    JsonObject plain = item.copy();
    plain.remove("target");
    plain.remove("accessPackage");
    assertThat(KeySets.keys(plain)).isEqualTo(KeySets.keys(DOC_ASSIGNMENT));
    KeySets.assertSameShape(item.getJsonObject("target"), DOC_SUBJECT);
    KeySets.assertSameShape(new JsonObject().put("value", new io.vertx.core.json.JsonArray()
        .add(item.getJsonObject("accessPackage"))), DOC_PACKAGES);

    List<AccessPackageAssignment> delivered = app.identityGovernance().entitlementManagement().assignments().get(rc -> {
      rc.queryParameters.filter = "state eq 'Delivered' and target/objectid eq '" + alice + "'";
      rc.queryParameters.expand = new String[] {"target", "accessPackage"};
    }).getValue();
    assertThat(delivered).singleElement().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AccessPackageAssignmentState.Delivered);
      assertThat(a.getTarget().getObjectId()).isEqualTo(alice);
      assertThat(a.getAccessPackage().getId()).isEqualTo(PACKAGE);
    });
    var unexpanded = app.identityGovernance().entitlementManagement().assignments().byAccessPackageAssignmentId(
        delivered.get(0).getId()).get();
    assertThat(unexpanded.getTarget()).isNull();
    assertThat(status(() -> app.identityGovernance().entitlementManagement().assignments()
        .get(rc -> rc.queryParameters.expand = new String[] {"colour"}))).isEqualTo(400);
  }

  @Test
  void filterByCurrentUserIsDelegatedOnly() {
    var alice = GraphSdk.delegated(t, "Sallyport", "alice", List.of("EntitlementManagement.Read.All"),
        GraphSdk.passwordOnly(t));
    var mine = alice.identityGovernance().entitlementManagement().assignments().filterByCurrentUserWithOn("target")
        .get().getValue();
    assertThat(mine).singleElement().satisfies(a -> assertThat(a.getState())
        .isEqualTo(AccessPackageAssignmentState.Delivered));
    assertThat(status(() -> app.identityGovernance().entitlementManagement().assignments()
        .filterByCurrentUserWithOn("target").get())).isEqualTo(403);
  }

  @Test
  void adminAddDeliversAndAdminRemoveExpires() {
    String bob = t.user("bob").id();
    var add = new AccessPackageAssignmentRequest();
    add.setRequestType(AccessPackageRequestType.AdminAdd);
    var assignment = new AccessPackageAssignment();
    assignment.setAdditionalData(Map.of("targetId", bob, "assignmentPolicyId", policy(), "accessPackageId", PACKAGE));
    add.setAssignment(assignment);
    AccessPackageAssignmentRequest created = app.identityGovernance().entitlementManagement().assignmentRequests()
        .post(add);
    assertThat(created.getState()).isEqualTo(AccessPackageRequestState.Submitted);
    assertThat(created.getStatus()).isEqualTo("Accepted");
    var bobs = app.identityGovernance().entitlementManagement().assignments()
        .get(rc -> rc.queryParameters.filter = "target/objectId eq '" + bob + "'").getValue();
    assertThat(bobs).singleElement().satisfies(a -> assertThat(a.getState())
        .isEqualTo(AccessPackageAssignmentState.Delivered));
    var stored = app.identityGovernance().entitlementManagement().assignmentRequests()
        .byAccessPackageAssignmentRequestId(created.getId()).get(rc -> rc.queryParameters.expand =
            new String[] {"assignment"});
    assertThat(stored.getState()).isEqualTo(AccessPackageRequestState.Delivered);
    assertThat(stored.getAssignment().getId()).isEqualTo(bobs.get(0).getId());

    // the documented raw form: capitalised type, "accessPackageAssignment" key
    var again = RawGraph.post(t, RawGraph.appToken(t, "Sallyport"),
        "/identityGovernance/entitlementManagement/assignmentRequests", new JsonObject().put("requestType", "AdminAdd")
            .put("accessPackageAssignment", new JsonObject().put("targetId", bob).put("assignmentPolicyId", policy())
                .put("accessPackageId", PACKAGE)));
    assertThat(again.status()).isEqualTo(400);

    var remove = new AccessPackageAssignmentRequest();
    remove.setRequestType(AccessPackageRequestType.AdminRemove);
    var target = new AccessPackageAssignment();
    target.setId(bobs.get(0).getId());
    remove.setAssignment(target);
    assertThat(app.identityGovernance().entitlementManagement().assignmentRequests().post(remove).getRequestType())
        .isEqualTo(AccessPackageRequestType.AdminRemove);
    var after = app.identityGovernance().entitlementManagement().assignments()
        .byAccessPackageAssignmentId(bobs.get(0).getId()).get();
    assertThat(after.getState()).isEqualTo(AccessPackageAssignmentState.Expired);
    assertThat(after.getExpiredDateTime()).isNotNull();
    assertThat(app.identityGovernance().entitlementManagement().assignmentRequests()
        .get(rc -> rc.queryParameters.filter = "requestType eq 'adminRemove'").getValue()).hasSize(1);
  }

  @Test
  void unknownReferencesAreGraphErrors() {
    String token = RawGraph.appToken(t, "Sallyport");
    String path = "/identityGovernance/entitlementManagement/assignmentRequests";
    JsonObject unknownPackage = new JsonObject().put("requestType", "adminAdd").put("assignment", new JsonObject()
        .put("targetId", t.user("carol").id()).put("assignmentPolicyId", policy())
        .put("accessPackageId", "00000000-0000-0000-0000-000000000001"));
    assertThat(RawGraph.post(t, token, path, unknownPackage).status()).isEqualTo(404);
    JsonObject wrongPolicy = unknownPackage.copy();
    wrongPolicy.getJsonObject("assignment").put("accessPackageId", PACKAGE).put("assignmentPolicyId", "p");
    var reply = RawGraph.post(t, token, path, wrongPolicy);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().getJsonObject("error").getString("message")).contains("'p'");
    JsonObject unknownTarget = unknownPackage.copy();
    unknownTarget.getJsonObject("assignment").put("accessPackageId", PACKAGE).put("targetId", "nobody");
    assertThat(RawGraph.post(t, token, path, unknownTarget).status()).isEqualTo(404);
    assertThat(RawGraph.post(t, token, path, new JsonObject().put("requestType", "userAdd")
        .put("assignment", new JsonObject())).status()).isEqualTo(400);
  }

  @Test
  void anAssignmentPastItsEndReadsExpired() {
    var actions = new EntitlementActions(t.tenant().context().state());
    var short_ = actions.assign(PACKAGE, t.user("dave").id(), t.now().plus(Duration.ofHours(1)));
    assertThat(app.identityGovernance().entitlementManagement().assignments().byAccessPackageAssignmentId(short_.id())
        .get().getState()).isEqualTo(AccessPackageAssignmentState.Delivered);
    t.tenant().context().clock().advance(Duration.ofMinutes(61));
    var expired = app.identityGovernance().entitlementManagement().assignments()
        .get(rc -> rc.queryParameters.filter = "state eq 'expired' and target/objectId eq '" + t.user("dave").id() + "'")
        .getValue();
    assertThat(expired).singleElement().satisfies(a -> assertThat(a.getExpiredDateTime()).isNotNull());
  }
}
