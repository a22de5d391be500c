package io.sallyport.gateway.entra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph's role management policy rules, as the activation form reads them. */
class RolePoliciesTest {

  static JsonObject assignment(String rules) {
    return new JsonObject("{\"id\":\"Directory_x_y_r\",\"policyId\":\"Directory_x_y\",\"scopeId\":\"/\","
        + "\"scopeType\":\"DirectoryRole\",\"roleDefinitionId\":\"r\",\"policy\":{\"id\":\"Directory_x_y\","
        + "\"rules\":[" + rules + "]}}");
  }

  @Test
  void readsTheEndUserAssignmentRulesAndIgnoresTheOthers() {
    RolePolicies.Rules r = RolePolicies.parse(List.of(assignment(
        "{\"@odata.type\":\"#microsoft.graph.unifiedRoleManagementPolicyExpirationRule\","
            + "\"id\":\"Expiration_Admin_Eligibility\",\"isExpirationRequired\":true,\"maximumDuration\":\"P365D\"},"
            + "{\"@odata.type\":\"#microsoft.graph.unifiedRoleManagementPolicyExpirationRule\","
            + "\"id\":\"Expiration_EndUser_Assignment\",\"isExpirationRequired\":true,\"maximumDuration\":\"PT4H\"},"
            + "{\"@odata.type\":\"#microsoft.graph.unifiedRoleManagementPolicyEnablementRule\","
            + "\"id\":\"Enablement_EndUser_Assignment\",\"enabledRules\":[\"MultiFactorAuthentication\","
            + "\"Justification\",\"Ticketing\"]},"
            + "{\"@odata.type\":\"#microsoft.graph.unifiedRoleManagementPolicyApprovalRule\","
            + "\"id\":\"Approval_EndUser_Assignment\",\"setting\":{\"isApprovalRequired\":true}},"
            + "{\"@odata.type\":\"#microsoft.graph.unifiedRoleManagementPolicyAuthenticationContextRule\","
            + "\"id\":\"AuthenticationContext_EndUser_Assignment\",\"isEnabled\":true,\"claimValue\":\"c1\"},"
            + "{\"@odata.type\":\"#microsoft.graph.unifiedRoleManagementPolicyNotificationRule\","
            + "\"id\":\"Notification_Admin_EndUser_Assignment\"}")));
    assertThat(r).isEqualTo(new RolePolicies.Rules(Duration.ofHours(4), true, true, true, true, "c1"));
  }

  @Test
  void aMissingOrUnreadableRuleAsksNothing() {
    RolePolicies.Rules r = RolePolicies.parse(List.of(assignment(
        "{\"id\":\"Expiration_EndUser_Assignment\",\"maximumDuration\":\"eight hours\"},"
            + "{\"id\":\"AuthenticationContext_EndUser_Assignment\",\"isEnabled\":false,\"claimValue\":\"c1\"},"
            + "\"not a rule\"")));
    assertThat(r).isEqualTo(new RolePolicies.Rules(null, false, false, false, false, null));
  }

  @Test
  void noAssignmentOrNoExpandedPolicyIsAnInvalidAnswer() {
    assertThatThrownBy(() -> RolePolicies.parse(List.of())).isInstanceOf(GraphUnavailable.class);
    assertThatThrownBy(() -> RolePolicies.parse(List.of(new JsonObject().put("id", "a"))))
        .isInstanceOf(GraphUnavailable.class).hasMessageContaining("rules");
  }

  @Test
  void theQueryNamesTheScopeAndIsEncoded() {
    assertThat(RolePolicies.path(false, "62e90394-69f5-4237-9190-012177145e10", null)).isEqualTo(
        "/v1.0/policies/roleManagementPolicyAssignments?$filter=scopeId%20eq%20%27%2F%27%20and%20scopeType%20eq%20"
            + "%27DirectoryRole%27%20and%20roleDefinitionId%20eq%20%2762e90394-69f5-4237-9190-012177145e10%27"
            + "&$expand=policy($expand=rules)");
    assertThat(RolePolicies.path(true, "7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "owner"))
        .contains("scopeId%20eq%20%277a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d%27%20and%20scopeType%20eq%20%27Group%27"
            + "%20and%20roleDefinitionId%20eq%20%27owner%27");
    assertThatThrownBy(() -> RolePolicies.path(false, "x' or 1 eq 1", null)).isInstanceOf(GraphUnavailable.class);
    assertThatThrownBy(() -> RolePolicies.path(true, "7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "admin"))
        .isInstanceOf(GraphUnavailable.class);
  }
}
