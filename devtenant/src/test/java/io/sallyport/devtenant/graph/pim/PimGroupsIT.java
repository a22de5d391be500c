package io.sallyport.devtenant.graph.pim;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.ExpirationPattern;
import com.microsoft.graph.models.ExpirationPatternType;
import com.microsoft.graph.models.PrivilegedAccessGroupAssignmentScheduleRequest;
import com.microsoft.graph.models.PrivilegedAccessGroupEligibilityScheduleInstance;
import com.microsoft.graph.models.PrivilegedAccessGroupRelationships;
import com.microsoft.graph.models.RequestSchedule;
import com.microsoft.graph.models.ScheduleRequestActions;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.PeriodAndDuration;
import io.sallyport.devtenant.harness.GraphSdk;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PIM for Groups through the Graph SDK v6 and raw JSON, on the demo scenario ("Production Access"). */
class PimGroupsIT {

  static final List<String> SCOPES = List.of("PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup",
      "PrivilegedEligibilitySchedule.Read.AzureADGroup");
  static RunningDevTenant t;
  static GraphServiceClient app;
  static String group;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
    app = GraphSdk.appOnly(t, "Sallyport");
    group = t.tenant().context().state().groups.where(g -> g.displayName().equals("Production Access")).get(0).id();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static PrivilegedAccessGroupAssignmentScheduleRequest activation(String user, Duration d) {
    var r = new PrivilegedAccessGroupAssignmentScheduleRequest();
    r.setAccessId(PrivilegedAccessGroupRelationships.Member);
    r.setPrincipalId(t.user(user).id());
    r.setGroupId(group);
    r.setAction(ScheduleRequestActions.SelfActivate);
    r.setJustification("Deploy release 4.2");
    var schedule = new RequestSchedule();
    var expiration = new ExpirationPattern();
    expiration.setType(ExpirationPatternType.AfterDuration);
    expiration.setDuration(PeriodAndDuration.ofDuration(d));
    schedule.setExpiration(expiration);
    r.setScheduleInfo(schedule);
    return r;
  }

  @Test
  void listingNeedsAGroupOrPrincipalFilter() {
    try {
      app.identityGovernance().privilegedAccess().group().eligibilityScheduleInstances().get();
      throw new AssertionError("expected 400");
    } catch (ODataError e) {
      assertThat(e.getResponseStatusCode()).isEqualTo(400);
      assertThat(e.getError().getMessage()).contains("groupId or principalId");
    }
    List<PrivilegedAccessGroupEligibilityScheduleInstance> eligible = app.identityGovernance().privilegedAccess()
        .group().eligibilityScheduleInstances().get(rc -> rc.queryParameters.filter = "groupId eq '" + group + "'")
        .getValue();
    assertThat(eligible).extracting(PrivilegedAccessGroupEligibilityScheduleInstance::getPrincipalId)
        .containsExactlyInAnyOrder(t.user("alice").id(), t.user("bob").id());
  }

  @Test
  void rawListsMatchTheDocumentedShapes() {
    String token = RawGraph.appToken(t, "Sallyport");
    var eligible = RawGraph.get(t, token, "/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances"
        + "?$filter=principalId%20eq%20'" + t.user("alice").id() + "'");
    assertThat(eligible.status()).isEqualTo(200);
    // the resource's eligibilityScheduleId is served too (the doc's filterByCurrentUser example shows it)
    JsonObject documented = PimDocExamples.GROUP_ELIGIBILITY_LIST.copy();
    documented.getJsonArray("value").getJsonObject(0).put("eligibilityScheduleId", "x");
    KeySets.assertSameShape(eligible.body(), documented);
  }

  @Test
  void selfActivationMakesTheUserAMemberAndMatchesTheDocumentedResponse() {
    var weak = GraphSdk.delegated(t, "Sallyport", "bob", SCOPES, GraphSdk.passwordOnly(t));
    try {
      weak.identityGovernance().privilegedAccess().group().assignmentScheduleRequests()
          .post(activation("bob", Duration.ofHours(3)));
      throw new AssertionError("expected 400");
    } catch (ODataError e) {
      assertThat(e.getError().getCode()).isEqualTo("RoleAssignmentRequestPolicyValidationFailed");
      assertThat(e.getError().getMessage()).isEqualTo("The following policy rules failed: [\"MfaRule\",\"ExpirationRule\"]");
    }
    String token = RawGraph.userToken(t, "Sallyport", "alice", SCOPES, GraphSdk.mfa(t));
    JsonObject body = new JsonObject("""
        {"accessId":"member","principalId":"%s","groupId":"%s","action":"selfActivate",
         "scheduleInfo":{"startDateTime":"2023-02-08T07:43:00.000Z","expiration":{"type":"afterDuration","duration":"PT2H"}},
         "justification":"Activate assignment."}""".formatted(t.user("alice").id(), group));
    var reply = RawGraph.post(t, token, "/identityGovernance/privilegedAccess/group/assignmentScheduleRequests", body);
    assertThat(reply.status()).isEqualTo(201);
    KeySets.assertSameShape(reply.body(), PimDocExamples.GROUP_SELF_ACTIVATE_RESPONSE);
    assertThat(reply.body().getString("targetScheduleId")).startsWith(group + "_member_");
    assertThat(t.tenant().context().state().directGroups(t.user("alice").id())).contains(group);

    var active = RawGraph.get(t, RawGraph.appToken(t, "Sallyport"),
        "/identityGovernance/privilegedAccess/group/assignmentScheduleInstances?$filter=groupId%20eq%20'" + group + "'");
    KeySets.assertSameShape(active.body(), PimDocExamples.GROUP_ASSIGNMENT_LIST);
    assertThat(active.body().getJsonArray("value").getJsonObject(0).getString("assignmentType")).isEqualTo("Activated");

    var alice = GraphSdk.delegated(t, "Sallyport", "alice", SCOPES, GraphSdk.mfa(t));
    var mine = alice.identityGovernance().privilegedAccess().group().assignmentScheduleRequests()
        .filterByCurrentUserWithOn("principal").get().getValue();
    assertThat(mine).singleElement().satisfies(r -> assertThat(r.getStatus()).isEqualTo("Provisioned"));
    var byGroup = app.identityGovernance().privilegedAccess().group().assignmentScheduleRequests()
        .get(rc -> rc.queryParameters.filter = "groupId eq '" + group + "'").getValue();
    assertThat(byGroup).extracting(PrivilegedAccessGroupAssignmentScheduleRequest::getId)
        .containsExactly(reply.body().getString("id"));
    assertThat(app.identityGovernance().privilegedAccess().group().assignmentScheduleRequests()
        .byPrivilegedAccessGroupAssignmentScheduleRequestId(reply.body().getString("id")).get().getAction())
        .isEqualTo(ScheduleRequestActions.SelfActivate);

    var off = activation("alice", Duration.ofHours(1));
    off.setAction(ScheduleRequestActions.SelfDeactivate);
    assertThat(alice.identityGovernance().privilegedAccess().group().assignmentScheduleRequests().post(off)
        .getStatus()).isEqualTo("Revoked");
    assertThat(t.tenant().context().state().directGroups(t.user("alice").id())).doesNotContain(group);
  }

  @Test
  void filterByCurrentUserListsTheCallersEligibility() {
    var bob = GraphSdk.delegated(t, "Sallyport", "bob", SCOPES, GraphSdk.passwordOnly(t));
    var mine = bob.identityGovernance().privilegedAccess().group().eligibilityScheduleInstances()
        .filterByCurrentUserWithOn("principal").get().getValue();
    assertThat(mine).singleElement().satisfies(i -> {
      assertThat(i.getGroupId()).isEqualTo(group);
      assertThat(i.getEligibilityScheduleId()).isNotNull();
    });
  }
}
