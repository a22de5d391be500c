package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.harness.DemoGraphFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.ExpirationPattern;
import com.microsoft.graph.models.ExpirationPatternType;
import com.microsoft.graph.models.RequestSchedule;
import com.microsoft.graph.models.TicketInfo;
import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleInstance;
import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleRequest;
import com.microsoft.graph.models.UnifiedRoleEligibilityScheduleInstance;
import com.microsoft.graph.models.UnifiedRoleScheduleRequestActions;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.PeriodAndDuration;
import io.sallyport.devtenant.harness.GraphSdk;
import io.sallyport.devtenant.token.AuthFacts;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * PIM for directory roles through the Graph SDK v6 and raw JSON, on the demo scenario. One tenant
 * for the class: the test that needs alice without any active role runs first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PimRolesIT extends DemoGraphFixture {

  static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
  static final String BILLING_ADMIN = "b0f54661-2d74-4c50-afa3-1ec803f12efe";
  static final String SECURITY_READER = "5d6b6bb7-de71-4623-b4af-96380a352509";
  static final List<String> WRITE = List.of("RoleAssignmentSchedule.ReadWrite.Directory");
  static final List<String> READ = List.of("RoleEligibilitySchedule.Read.Directory",
      "RoleAssignmentSchedule.ReadWrite.Directory");

  static String id(String user) {
    return t.user(user).id();
  }

  static GraphServiceClient user(String name, AuthFacts facts) {
    return GraphSdk.delegated(t, "Sallyport", name, READ, facts);
  }

  static UnifiedRoleAssignmentScheduleRequest activation(String principal, String role, Duration d) {
    var r = new UnifiedRoleAssignmentScheduleRequest();
    r.setAction(UnifiedRoleScheduleRequestActions.SelfActivate);
    r.setPrincipalId(principal);
    r.setRoleDefinitionId(role);
    r.setDirectoryScopeId("/");
    r.setJustification("Investigating invoice INC-42");
    var schedule = new RequestSchedule();
    schedule.setStartDateTime(OffsetDateTime.now());
    var expiration = new ExpirationPattern();
    expiration.setType(ExpirationPatternType.AfterDuration);
    expiration.setDuration(PeriodAndDuration.ofDuration(d));
    schedule.setExpiration(expiration);
    r.setScheduleInfo(schedule);
    var ticket = new TicketInfo();
    ticket.setTicketNumber("CHG-1001");
    ticket.setTicketSystem("ServiceNow");
    r.setTicketInfo(ticket);
    return r;
  }

  static ODataError error(Runnable call) {
    try {
      call.run();
    } catch (ODataError e) {
      return e;
    }
    throw new AssertionError("expected a Graph error");
  }

  @Test
  void eligibilityListMatchesTheDocumentedShape() {
    var reply = RawGraph.get(t, RawGraph.appToken(t, "Sallyport"),
        "/roleManagement/directory/roleEligibilityScheduleInstances?$filter=principalId%20eq%20'" + id("alice") + "'");
    assertThat(reply.status()).isEqualTo(200);
    KeySets.assertSameShape(reply.body(), PimDocExamples.ELIGIBILITY_LIST);
    assertThat(reply.body().getString("@odata.context"))
        .isEqualTo(t.tenant().graphBaseUrl() + "/$metadata#roleManagement/directory/roleEligibilityScheduleInstances");
    assertThat(reply.body().getJsonArray("value")).hasSize(2);
  }

  @Test
  void filterByCurrentUserMatchesTheDocumentedShape() {
    String carol = RawGraph.userToken(t, "Sallyport", "carol", READ, GraphSdk.passwordOnly(t));
    var reply = RawGraph.get(t, carol,
        "/roleManagement/directory/roleAssignmentScheduleInstances/filterByCurrentUser(on='principal')");
    assertThat(reply.status()).isEqualTo(200);
    KeySets.assertSameShape(reply.body(), PimDocExamples.ASSIGNMENT_BY_CURRENT_USER);
    assertThat(reply.body().getString("@odata.context")).endsWith("$metadata#Collection(unifiedRoleAssignmentScheduleInstance)");
    assertThat(reply.body().getJsonArray("value").getJsonObject(0).getString("roleDefinitionId"))
        .isEqualTo(SECURITY_READER);
  }

  @Test
  void sdkListsWithCombinedFilterSelectAndPaging() {
    List<UnifiedRoleEligibilityScheduleInstance> billing = app.roleManagement().directory()
        .roleEligibilityScheduleInstances().get(rc -> rc.queryParameters.filter = "principalId eq '" + id("alice")
            + "' and roleDefinitionId eq '" + BILLING_ADMIN + "' and directoryScopeId eq '/'").getValue();
    assertThat(billing).singleElement().satisfies(i -> {
      assertThat(i.getMemberType()).isEqualTo("Direct");
      assertThat(i.getEndDateTime()).isNotNull();
    });
    var selected = app.roleManagement().directory().roleEligibilityScheduleInstances().get(rc -> {
      rc.queryParameters.select = new String[] {"principalId"};
      rc.queryParameters.filter = "principalId ne '" + id("alice") + "'";
    }).getValue();
    assertThat(selected).singleElement().satisfies(i -> {
      assertThat(i.getPrincipalId()).isEqualTo(id("bob"));
      assertThat(i.getRoleDefinitionId()).isNull();
    });
    var first = app.roleManagement().directory().roleEligibilityScheduleInstances()
        .get(rc -> rc.queryParameters.top = 2);
    assertThat(first.getValue()).hasSize(2);
    assertThat(first.getOdataNextLink()).startsWith(t.tenant().graphBaseUrl());
    var second = app.roleManagement().directory().roleEligibilityScheduleInstances().withUrl(first.getOdataNextLink())
        .get();
    assertThat(second.getValue()).hasSize(1);
    assertThat(second.getOdataNextLink()).isNull();
  }

  @Test
  void unknownFilterPropertyIsAGraphError() {
    ODataError e = error(() -> app.roleManagement().directory().roleAssignmentScheduleInstances()
        .get(rc -> rc.queryParameters.filter = "colour eq 'blue'"));
    assertThat(e.getResponseStatusCode()).isEqualTo(400);
    assertThat(e.getError().getCode()).isEqualTo("Request_UnsupportedQuery");
  }

  @Test
  @Order(1)
  void endUsersReadTheirOwnInstancesAndOnlyRoleReadersListTheTenant() {
    var mine = user("alice", GraphSdk.passwordOnly(t)).roleManagement().directory().roleEligibilityScheduleInstances()
        .filterByCurrentUserWithOn("principal").get().getValue();
    assertThat(mine).extracting(UnifiedRoleEligibilityScheduleInstance::getRoleDefinitionId)
        .containsExactlyInAnyOrder(BILLING_ADMIN, GLOBAL_ADMIN);
    ODataError e = error(() -> user("alice", GraphSdk.passwordOnly(t)).roleManagement().directory()
        .roleEligibilityScheduleInstances().get());
    assertThat(e.getResponseStatusCode()).isEqualTo(403);
    // carol holds Security Reader, which may read role assignments tenant-wide
    assertThat(user("carol", GraphSdk.passwordOnly(t)).roleManagement().directory().roleEligibilityScheduleInstances()
        .get().getValue()).hasSize(3);
    ODataError appOnly = error(() -> app.roleManagement().directory().roleEligibilityScheduleInstances()
        .filterByCurrentUserWithOn("principal").get());
    assertThat(appOnly.getResponseStatusCode()).isEqualTo(400);
  }

  @Test
  void instanceById() {
    var carol = app.roleManagement().directory().roleAssignmentScheduleInstances()
        .get(rc -> rc.queryParameters.filter = "principalId eq '" + id("carol") + "'").getValue().get(0);
    UnifiedRoleAssignmentScheduleInstance one = app.roleManagement().directory().roleAssignmentScheduleInstances()
        .byUnifiedRoleAssignmentScheduleInstanceId(carol.getId()).get();
    assertThat(one.getAssignmentType()).isEqualTo("Assigned");
    assertThat(one.getRoleAssignmentScheduleId()).isEqualTo(carol.getRoleAssignmentScheduleId());
    ODataError e = error(() -> app.roleManagement().directory().roleEligibilityScheduleInstances()
        .byUnifiedRoleEligibilityScheduleInstanceId(carol.getId()).get());
    assertThat(e.getResponseStatusCode()).isEqualTo(404);
  }

  @Test
  void globalAdministratorActivationNeedsAuthContextC1AndMatchesTheDocumentedResponse() {
    var mfaOnly = GraphSdk.delegated(t, "Sallyport", "alice", WRITE, GraphSdk.mfa(t));
    ODataError e = error(() -> mfaOnly.roleManagement().directory().roleAssignmentScheduleRequests()
        .post(activation(id("alice"), GLOBAL_ADMIN, Duration.ofHours(1))));
    assertThat(e.getResponseStatusCode()).isEqualTo(400);
    assertThat(e.getError().getCode()).isEqualTo("RoleAssignmentRequestAcrsValidationFailed");
    assertThat(e.getError().getMessage()).contains(
        "&claims=%7B%22access_token%22%3A%7B%22acrs%22%3A%7B%22essential%22%3Atrue%2C%20%22value%22%3A%22c1%22%7D%7D%7D");

    String token = RawGraph.userToken(t, "Sallyport", "alice", WRITE, GraphSdk.mfa(t, "c1"));
    JsonObject body = new JsonObject("""
        {"action":"selfActivate","principalId":"%s","roleDefinitionId":"%s","directoryScopeId":"/",
         "justification":"Rotate the break-glass credentials",
         "scheduleInfo":{"startDateTime":"2022-04-14T00:00:00.000Z","expiration":{"type":"AfterDuration","duration":"PT5H"}},
         "ticketInfo":{"ticketNumber":"CONTOSO:Normal-67890","ticketSystem":"MS Project"}}"""
        .formatted(id("alice"), GLOBAL_ADMIN));
    var reply = RawGraph.post(t, token, "/roleManagement/directory/roleAssignmentScheduleRequests", body);
    assertThat(reply.status()).isEqualTo(201);
    KeySets.assertSameShape(reply.body(), PimDocExamples.SELF_ACTIVATE_RESPONSE);
    assertThat(reply.body().getString("status")).isEqualTo("Granted");
    assertThat(reply.body().getJsonObject("scheduleInfo").getJsonObject("expiration").getString("type"))
        .isEqualTo("afterDuration");
    assertThat(t.tenant().context().state().activeRoles(id("alice"))).contains(GLOBAL_ADMIN);

    ODataError again = error(() -> GraphSdk.delegated(t, "Sallyport", "alice", WRITE, GraphSdk.mfa(t, "c1"))
        .roleManagement().directory().roleAssignmentScheduleRequests()
        .post(activation(id("alice"), GLOBAL_ADMIN, Duration.ofHours(1))));
    assertThat(again.getError().getCode()).isEqualTo("RoleAssignmentExists");
    assertThat(again.getError().getMessage()).isEqualTo("Role assignment already exists.");
  }

  @Test
  void billingAdministratorActivationEnforcesEveryRule() {
    var weak = GraphSdk.delegated(t, "Sallyport", "alice", WRITE, GraphSdk.passwordOnly(t));
    var bare = activation(id("alice"), BILLING_ADMIN, Duration.ofHours(1));
    bare.setJustification(null);
    bare.setTicketInfo(null);
    ODataError e = error(() -> weak.roleManagement().directory().roleAssignmentScheduleRequests().post(bare));
    assertThat(e.getError().getCode()).isEqualTo("RoleAssignmentRequestPolicyValidationFailed");
    assertThat(e.getError().getMessage())
        .isEqualTo("The following policy rules failed: [\"MfaRule\",\"JustificationRule\",\"TicketingRule\"]");

    var strong = GraphSdk.delegated(t, "Sallyport", "alice", WRITE, GraphSdk.mfa(t));
    ODataError tooLong = error(() -> strong.roleManagement().directory().roleAssignmentScheduleRequests()
        .post(activation(id("alice"), BILLING_ADMIN, Duration.ofHours(5))));
    assertThat(tooLong.getError().getMessage()).isEqualTo("The following policy rules failed: [\"ExpirationRule\"]");

    var noTicket = activation(id("alice"), BILLING_ADMIN, Duration.ofHours(2));
    noTicket.setTicketInfo(null);
    ODataError ticket = error(() -> strong.roleManagement().directory().roleAssignmentScheduleRequests().post(noTicket));
    assertThat(ticket.getError().getMessage()).isEqualTo("The following policy rules failed: [\"TicketingRule\"]");

    UnifiedRoleAssignmentScheduleRequest granted = strong.roleManagement().directory()
        .roleAssignmentScheduleRequests().post(activation(id("alice"), BILLING_ADMIN, Duration.ofHours(2)));
    assertThat(granted.getStatus()).isEqualTo("Granted");
    assertThat(granted.getAction()).isEqualTo(UnifiedRoleScheduleRequestActions.SelfActivate);
    assertThat(granted.getScheduleInfo().getExpiration().getType()).isEqualTo(ExpirationPatternType.AfterDuration);
    assertThat(granted.getCreatedBy().getUser().getId()).isEqualTo(id("alice"));

    var active = app.roleManagement().directory().roleAssignmentScheduleInstances().get(rc ->
        rc.queryParameters.filter = "principalId eq '" + id("alice") + "' and roleDefinitionId eq '" + BILLING_ADMIN
            + "' and assignmentType eq 'Activated'").getValue();
    assertThat(active).singleElement().satisfies(i -> {
      assertThat(i.getRoleAssignmentScheduleId()).isEqualTo(granted.getId());
      assertThat(Duration.between(i.getStartDateTime(), i.getEndDateTime())).isEqualTo(Duration.ofHours(2));
    });
    // the requester finds it among their own requests, and a granted request cannot be canceled
    var mine = strong.roleManagement().directory().roleAssignmentScheduleRequests()
        .filterByCurrentUserWithOn("principal").get().getValue();
    assertThat(mine).extracting(UnifiedRoleAssignmentScheduleRequest::getId).contains(granted.getId());
    assertThat(app.roleManagement().directory().roleAssignmentScheduleRequests()
        .byUnifiedRoleAssignmentScheduleRequestId(granted.getId()).get().getStatus()).isEqualTo("Granted");
    ODataError cancel = error(() -> strong.roleManagement().directory().roleAssignmentScheduleRequests()
        .byUnifiedRoleAssignmentScheduleRequestId(granted.getId()).cancel().post());
    assertThat(cancel.getResponseStatusCode()).isEqualTo(400);
  }

  @Test
  void eligibilityIsRequiredAndSelfServiceIsForTheSignedInUserOnly() {
    var bob = GraphSdk.delegated(t, "Sallyport", "bob", WRITE, GraphSdk.mfa(t, "c1"));
    ODataError e = error(() -> bob.roleManagement().directory().roleAssignmentScheduleRequests()
        .post(activation(id("bob"), GLOBAL_ADMIN, Duration.ofHours(1))));
    assertThat(e.getError().getCode()).isEqualTo("RoleAssignmentRequestPolicyValidationFailed");
    assertThat(e.getError().getMessage()).isEqualTo("The following policy rules failed: [\"EligibilityRule\"]");
    ODataError other = error(() -> bob.roleManagement().directory().roleAssignmentScheduleRequests()
        .post(activation(id("alice"), BILLING_ADMIN, Duration.ofHours(1))));
    assertThat(other.getResponseStatusCode()).isEqualTo(403);
    ODataError appOnly = error(() -> app.roleManagement().directory().roleAssignmentScheduleRequests()
        .post(activation(id("bob"), SECURITY_READER, Duration.ofHours(1))));
    assertThat(appOnly.getResponseStatusCode()).isEqualTo(403);
  }

  @Test
  void validationOnlyCreatesNothingThenActivateAndDeactivate() {
    var bob = GraphSdk.delegated(t, "Sallyport", "bob", WRITE, GraphSdk.passwordOnly(t));
    var dryRun = activation(id("bob"), SECURITY_READER, Duration.ofHours(1));
    dryRun.setIsValidationOnly(true);
    assertThat(bob.roleManagement().directory().roleAssignmentScheduleRequests().post(dryRun).getIsValidationOnly())
        .isTrue();
    assertThat(t.tenant().context().state().activeRoles(id("bob"))).doesNotContain(SECURITY_READER);

    bob.roleManagement().directory().roleAssignmentScheduleRequests()
        .post(activation(id("bob"), SECURITY_READER, Duration.ofHours(1)));
    assertThat(t.tenant().context().state().activeRoles(id("bob"))).contains(SECURITY_READER);

    var off = activation(id("bob"), SECURITY_READER, Duration.ofHours(1));
    off.setAction(UnifiedRoleScheduleRequestActions.SelfDeactivate);
    assertThat(bob.roleManagement().directory().roleAssignmentScheduleRequests().post(off).getStatus())
        .isEqualTo("Revoked");
    assertThat(t.tenant().context().state().activeRoles(id("bob"))).doesNotContain(SECURITY_READER);
    // a fresh model: the SDK's backing store sends only changed properties when a model is posted twice
    var offAgain = activation(id("bob"), SECURITY_READER, Duration.ofHours(1));
    offAgain.setAction(UnifiedRoleScheduleRequestActions.SelfDeactivate);
    ODataError twice = error(() -> bob.roleManagement().directory().roleAssignmentScheduleRequests().post(offAgain));
    assertThat(twice.getError().getCode()).isEqualTo("RoleAssignmentDoesNotExist");
  }

  @Test
  void adminAssignAndRemove() {
    var assign = activation(id("dave"), SECURITY_READER, Duration.ofHours(1));
    assign.setAction(UnifiedRoleScheduleRequestActions.AdminAssign);
    assign.getScheduleInfo().getExpiration().setType(ExpirationPatternType.NoExpiration);
    assign.getScheduleInfo().getExpiration().setDuration(null);
    var created = app.roleManagement().directory().roleAssignmentScheduleRequests().post(assign);
    assertThat(created.getStatus()).isEqualTo("Provisioned");
    assertThat(created.getCreatedBy().getApplication().getId()).isEqualTo(t.app("Sallyport").appId());
    var listed = app.roleManagement().directory().roleAssignmentScheduleInstances().get(rc ->
        rc.queryParameters.filter = "principalId eq '" + id("dave") + "'").getValue();
    assertThat(listed).singleElement().satisfies(i -> {
      assertThat(i.getAssignmentType()).isEqualTo("Assigned");
      assertThat(i.getEndDateTime()).isNull();
    });
    var remove = activation(id("dave"), SECURITY_READER, Duration.ofHours(1));
    remove.setAction(UnifiedRoleScheduleRequestActions.AdminRemove);
    assertThat(app.roleManagement().directory().roleAssignmentScheduleRequests().post(remove).getStatus())
        .isEqualTo("Revoked");
    assertThat(app.roleManagement().directory().roleAssignmentScheduleInstances().get(rc ->
        rc.queryParameters.filter = "principalId eq '" + id("dave") + "'").getValue()).isEmpty();
  }

  @Test
  void badRequestsGetPreciseGraphErrors() {
    String token = RawGraph.appToken(t, "Sallyport");
    String path = "/roleManagement/directory/roleAssignmentScheduleRequests";
    JsonObject base = new JsonObject().put("principalId", id("dave")).put("roleDefinitionId", SECURITY_READER)
        .put("directoryScopeId", "/");
    var unknown = RawGraph.post(t, token, path, base.copy().put("action", "selfDance"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().getJsonObject("error").getString("code")).isEqualTo("BadRequest");
    var unsupported = RawGraph.post(t, token, path, base.copy().put("action", "adminExtend"));
    assertThat(unsupported.body().getJsonObject("error").getString("code")).isEqualTo("InvalidRoleAssignmentRequest");
    var badDuration = RawGraph.post(t, token, path, base.copy().put("action", "adminAssign").put("scheduleInfo",
        new JsonObject().put("expiration", new JsonObject().put("type", "afterDuration").put("duration", "5 hours"))));
    assertThat(badDuration.status()).isEqualTo(400);
    assertThat(badDuration.body().getJsonObject("error").getString("message")).contains("'5 hours'");
    var noScope = RawGraph.post(t, token, path, base.copy().put("action", "adminAssign").putNull("directoryScopeId"));
    assertThat(noScope.status()).isEqualTo(400);
    var readOnly = RawGraph.post(t, RawGraph.userToken(t, "Sallyport", "alice", READ.subList(0, 1), GraphSdk.mfa(t)),
        path, base.copy().put("action", "selfActivate"));
    assertThat(readOnly.status()).isEqualTo(403);
  }
}
