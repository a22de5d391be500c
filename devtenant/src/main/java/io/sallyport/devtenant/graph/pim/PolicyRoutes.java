package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /policies/roleManagementPolicyAssignments}: the PIM settings of each directory role
 * (scope {@code /}, scopeType {@code DirectoryRole}) and of each group's membership and ownership
 * (scope the group id, scopeType {@code Group}, roleDefinitionId {@code member} or {@code owner}),
 * from the same {@link ActivationPolicy} the activation requests are judged by. As Graph, a
 * {@code $filter} on scopeId and scopeType is required; {@code $expand=policy($expand=rules)}
 * adds the policy with its end-user assignment rules (expiration, enablement, approval, auth context).
 */
final class PolicyRoutes {

  static final String PATH = "/policies/roleManagementPolicyAssignments";
  static final String TYPE = "microsoft.graph.unifiedRoleManagementPolicyAssignment";
  private static final List<String> PROPERTIES = List.of("id", "policyId", "scopeId", "scopeType", "roleDefinitionId");
  private static final String[] DIRECTORY_READ = {"RoleManagementPolicy.Read.Directory",
      "RoleManagementPolicy.ReadWrite.Directory", "RoleManagement.Read.Directory", "RoleManagement.Read.All",
      "RoleManagement.ReadWrite.Directory"};
  private static final String[] GROUP_READ = {"RoleManagementPolicy.Read.AzureADGroup",
      "RoleManagementPolicy.ReadWrite.AzureADGroup"};

  private final Context ctx;
  private final GraphResponses responses;
  private final PimActions actions;

  PolicyRoutes(Context ctx, GraphResponses responses, PimActions actions) {
    this.ctx = ctx;
    this.responses = responses;
    this.actions = actions;
  }

  void mount(Router graph) {
    graph.get(PATH).handler(this::list);
  }

  private void list(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    String[] any = new String[DIRECTORY_READ.length + GROUP_READ.length];
    System.arraycopy(DIRECTORY_READ, 0, any, 0, DIRECTORY_READ.length);
    System.arraycopy(GROUP_READ, 0, any, DIRECTORY_READ.length, GROUP_READ.length);
    caller.requireAny(any);
    ODataQuery query = Listing.query(rc);
    String filter = rc.queryParams().get("$filter");
    if (query.filter().isEmpty() || !filter.contains("scopeId") || !filter.contains("scopeType")) {
      throw new GraphError(400, "BadRequest", "The filter must contain scopeId and scopeType.");
    }
    boolean groups = filter.contains("'Group'");
    caller.requireAny(groups ? GROUP_READ : DIRECTORY_READ);
    boolean expand = query.expand().contains("policy");
    List<JsonObject> items = new ArrayList<>();
    ctx.state().roles.where(r -> true).forEach(r -> items.add(item("/", "DirectoryRole", r.id(),
        actions.rolePolicy(r.id()), expand)));
    ctx.state().groups.where(g -> true).forEach(g -> {
      for (String access : List.of("member", "owner")) {
        items.add(item(g.id(), "Group", access, actions.groupPolicy(g.id(), access), expand));
      }
    });
    List<String> selectable = new ArrayList<>(PROPERTIES);
    if (expand) {
      selectable.add("policy");
    }
    responses.ok(rc, Listing.page(responses, rc, responses.context("policies/roleManagementPolicyAssignments"),
        query, items, TYPE, selectable, PROPERTIES));
  }

  private JsonObject item(String scopeId, String scopeType, String roleDefinitionId, ActivationPolicy p,
                          boolean expand) {
    String prefix = scopeType.equals("Group") ? "Group_" + scopeId : "Directory_" + ctx.tenantId();
    String policyId = prefix + "_" + UUID.nameUUIDFromBytes((scopeId + "|" + roleDefinitionId)
        .getBytes(StandardCharsets.UTF_8));
    JsonObject o = new JsonObject().put("id", policyId + "_" + roleDefinitionId).put("policyId", policyId)
        .put("scopeId", scopeId).put("scopeType", scopeType).put("roleDefinitionId", roleDefinitionId);
    if (expand) {
      o.put("policy", new JsonObject().put("id", policyId).put("displayName", "DirectoryRole").put("description",
              "DirectoryRole").put("isOrganizationDefault", false).put("scopeId", scopeId).put("scopeType", scopeType)
          .put("lastModifiedDateTime", (Object) null).put("rules", rules(p)));
    }
    return o;
  }

  /** The end-user assignment rules, shaped as Graph's rule types (one per kind a policy holds). */
  static JsonArray rules(ActivationPolicy p) {
    JsonArray enabled = new JsonArray();
    if (p.requireMfa() && p.authContext() == null) {
      enabled.add("MultiFactorAuthentication");
    }
    if (p.requireJustification()) {
      enabled.add("Justification");
    }
    if (p.requireTicket()) {
      enabled.add("Ticketing");
    }
    return new JsonArray()
        .add(rule("unifiedRoleManagementPolicyExpirationRule", "Expiration_EndUser_Assignment")
            .put("isExpirationRequired", true).put("maximumDuration", p.maxActivation().toString()))
        .add(rule("unifiedRoleManagementPolicyEnablementRule", "Enablement_EndUser_Assignment")
            .put("enabledRules", enabled))
        .add(rule("unifiedRoleManagementPolicyApprovalRule", "Approval_EndUser_Assignment")
            .put("setting", new JsonObject().put("isApprovalRequired", p.requireApproval())
                .put("isApprovalRequiredForExtension", false).put("isRequestorJustificationRequired", true)
                .put("approvalMode", "SingleStage").put("approvalStages", new JsonArray())))
        .add(rule("unifiedRoleManagementPolicyAuthenticationContextRule", "AuthenticationContext_EndUser_Assignment")
            .put("isEnabled", p.authContext() != null).put("claimValue", p.authContext()));
  }

  private static JsonObject rule(String type, String id) {
    return new JsonObject().put("@odata.type", "#microsoft.graph." + type).put("id", id)
        .put("target", new JsonObject().put("caller", "EndUser").put("operations", new JsonArray().add("All"))
            .put("level", "Assignment").put("inheritableSettings", new JsonArray())
            .put("enforcedSettings", new JsonArray()));
  }
}
