package io.sallyport.devtenant.graph.pim;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.UnifiedRoleAssignmentScheduleInstance;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.sallyport.devtenant.harness.GraphSdk;
import io.sallyport.devtenant.harness.RunningDevTenant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schedules end by the scenario clock; approvals wait for {@link PimActions#approve}. */
class PimClockIT {

  static final String HELPDESK = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
  static final String SCENARIO = """
      tenant: { id: 11111111-2222-3333-4444-555555555555, domain: clock.onmicrosoft.com, display-name: Clock }
      apps:
        - name: Sallyport
          client-id: 5b2f7a10-8c3d-4e61-9f0a-1d2c3b4a5e60
          client-secrets: [s]
          graph-permissions: [RoleManagement.Read.Directory, RoleAssignmentSchedule.ReadWrite.Directory]
      users:
        - { upn: erin, display-name: Erin, password: Erin-1 }
      groups:
        - { display-name: Ops }
      directory-roles:
        - { id: 729827e3-9c14-49f7-bb1b-9608f156bbb8, display-name: Helpdesk Administrator, require-mfa: false }
        - { id: 5d6b6bb7-de71-4623-b4af-96380a352509, display-name: Security Reader, require-approval: true }
      pim:
        eligible:
          - { principal: erin, role: Helpdesk Administrator }
          - { principal: erin, role: Security Reader }
      pim-groups:
        eligible:
          - { principal: erin, group: Ops }
      """;

  static RunningDevTenant t;
  static GraphServiceClient app;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.start(SCENARIO);
    app = GraphSdk.appOnly(t, "Sallyport");
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private List<UnifiedRoleAssignmentScheduleInstance> erinsActiveRoles() {
    return app.roleManagement().directory().roleAssignmentScheduleInstances()
        .get(rc -> rc.queryParameters.filter = "principalId eq '" + t.user("erin").id() + "'").getValue();
  }

  @Test
  void anActivationLeavesTheListsWhenItsHourIsUp() {
    var erin = GraphSdk.delegated(t, "Sallyport", "erin", List.of("RoleAssignmentSchedule.ReadWrite.Directory"),
        GraphSdk.passwordOnly(t));
    var request = PimRolesIT.activation(t.user("erin").id(), HELPDESK, Duration.ofHours(1));
    erin.roleManagement().directory().roleAssignmentScheduleRequests().post(request);
    String group = t.tenant().context().state().groups.all().get(0).id();
    new PimActions(t.tenant().context().state()).activateGroup(t.user("erin").id(), group, "member",
        Duration.ofHours(1));
    assertThat(erinsActiveRoles()).extracting(UnifiedRoleAssignmentScheduleInstance::getRoleDefinitionId)
        .containsExactly(HELPDESK);
    assertThat(erin.roleManagement().directory().roleAssignmentScheduleInstances()
        .filterByCurrentUserWithOn("principal").get().getValue()).hasSize(1);
    assertThat(t.tenant().context().state().directGroups(t.user("erin").id())).containsExactly(group);

    t.tenant().context().clock().advance(Duration.ofMinutes(61));

    assertThat(erinsActiveRoles()).isEmpty();
    assertThat(erin.roleManagement().directory().roleAssignmentScheduleInstances()
        .filterByCurrentUserWithOn("principal").get().getValue()).isEmpty();
    assertThat(t.tenant().context().state().directGroups(t.user("erin").id())).isEmpty();
  }

  @Test
  void anActivationThatNeedsApprovalWaitsForTheApprover() {
    var erin = GraphSdk.delegated(t, "Sallyport", "erin", List.of("RoleAssignmentSchedule.ReadWrite.Directory"),
        GraphSdk.mfa(t));
    var pending = erin.roleManagement().directory().roleAssignmentScheduleRequests()
        .post(PimRolesIT.activation(t.user("erin").id(), PimRolesIT.SECURITY_READER, Duration.ofHours(2)));
    assertThat(pending.getStatus()).isEqualTo("PendingApproval");
    assertThat(pending.getApprovalId()).isNotNull();
    assertThat(t.tenant().context().state().activeRoles(t.user("erin").id())).doesNotContain(PimRolesIT.SECURITY_READER);

    var approved = new PimActions(t.tenant().context().state()).approve(pending.getId());
    assertThat(approved.getString("status")).isEqualTo("Granted");
    assertThat(t.tenant().context().state().activeRoles(t.user("erin").id())).contains(PimRolesIT.SECURITY_READER);
    assertThat(app.roleManagement().directory().roleAssignmentScheduleRequests()
        .byUnifiedRoleAssignmentScheduleRequestId(pending.getId()).get().getStatus()).isEqualTo("Granted");

    new PimActions(t.tenant().context().state()).endRole(t.user("erin").id(), PimRolesIT.SECURITY_READER, "/", null);
    var again = erin.roleManagement().directory().roleAssignmentScheduleRequests()
        .post(PimRolesIT.activation(t.user("erin").id(), PimRolesIT.SECURITY_READER, Duration.ofHours(2)));
    erin.roleManagement().directory().roleAssignmentScheduleRequests()
        .byUnifiedRoleAssignmentScheduleRequestId(again.getId()).cancel().post();
    assertThat(app.roleManagement().directory().roleAssignmentScheduleRequests()
        .byUnifiedRoleAssignmentScheduleRequestId(again.getId()).get().getStatus()).isEqualTo("Canceled");
  }
}
