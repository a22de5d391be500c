package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.state.GroupInstance;
import io.sallyport.devtenant.state.RoleInstance;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * PIM schedule instances in Graph v1.0's shapes (graph-docs list examples): every documented
 * property present, nulls included, in the documented order.
 */
final class PimJson {

  static final String ROLE_ASSIGNMENT_TYPE = "microsoft.graph.unifiedRoleAssignmentScheduleInstance";
  static final String ROLE_ELIGIBILITY_TYPE = "microsoft.graph.unifiedRoleEligibilityScheduleInstance";
  static final String GROUP_ASSIGNMENT_TYPE = "microsoft.graph.privilegedAccessGroupAssignmentScheduleInstance";
  static final String GROUP_ELIGIBILITY_TYPE = "microsoft.graph.privilegedAccessGroupEligibilityScheduleInstance";
  static final String ROLE_REQUEST_TYPE = "microsoft.graph.unifiedRoleAssignmentScheduleRequest";
  static final String GROUP_REQUEST_TYPE = "microsoft.graph.privilegedAccessGroupAssignmentScheduleRequest";

  static final List<String> ROLE_ASSIGNMENT_PROPERTIES = List.of("id", "principalId", "roleDefinitionId",
      "directoryScopeId", "appScopeId", "startDateTime", "endDateTime", "assignmentType", "memberType",
      "roleAssignmentOriginId", "roleAssignmentScheduleId");
  static final List<String> ROLE_ELIGIBILITY_PROPERTIES = List.of("id", "principalId", "roleDefinitionId",
      "directoryScopeId", "appScopeId", "startDateTime", "endDateTime", "memberType", "roleEligibilityScheduleId");
  static final List<String> GROUP_ASSIGNMENT_PROPERTIES = List.of("id", "principalId", "startDateTime",
      "endDateTime", "assignmentType", "accessId", "groupId", "memberType", "assignmentScheduleId");
  static final List<String> GROUP_ELIGIBILITY_PROPERTIES = List.of("id", "startDateTime", "endDateTime",
      "accessId", "principalId", "groupId", "memberType", "eligibilityScheduleId");
  static final List<String> ROLE_REQUEST_PROPERTIES = List.of("id", "status", "createdDateTime",
      "completedDateTime", "approvalId", "customData", "action", "principalId", "roleDefinitionId",
      "directoryScopeId", "appScopeId", "isValidationOnly", "targetScheduleId", "justification", "createdBy",
      "scheduleInfo", "ticketInfo");
  static final List<String> GROUP_REQUEST_PROPERTIES = List.of("id", "status", "completedDateTime",
      "createdDateTime", "approvalId", "customData", "createdBy", "action", "isValidationOnly", "justification",
      "scheduleInfo", "ticketInfo", "accessId", "principalId", "groupId", "targetScheduleId");

  private PimJson() {}

  static JsonObject role(RoleInstance i) {
    JsonObject o = new JsonObject().put("id", i.id()).put("principalId", i.principalId())
        .put("roleDefinitionId", i.roleDefinitionId()).put("directoryScopeId", i.directoryScopeId())
        .putNull("appScopeId").put("startDateTime", time(i.start())).put("endDateTime", time(i.end()));
    if (i.kind().equals("active")) {
      return o.put("assignmentType", i.assignmentType()).put("memberType", i.memberType())
          .put("roleAssignmentOriginId", i.scheduleId()).put("roleAssignmentScheduleId", i.scheduleId());
    }
    return o.put("memberType", i.memberType()).put("roleEligibilityScheduleId", i.scheduleId());
  }

  static JsonObject group(GroupInstance i) {
    if (i.kind().equals("active")) {
      return new JsonObject().put("id", i.id()).put("principalId", i.principalId())
          .put("startDateTime", time(i.start())).put("endDateTime", time(i.end()))
          .put("assignmentType", i.assignmentType()).put("accessId", i.accessId()).put("groupId", i.groupId())
          .put("memberType", i.memberType()).put("assignmentScheduleId", i.scheduleId());
    }
    return new JsonObject().put("id", i.id()).put("startDateTime", time(i.start()))
        .put("endDateTime", time(i.end())).put("accessId", i.accessId()).put("principalId", i.principalId())
        .put("groupId", i.groupId()).put("memberType", i.memberType()).put("eligibilityScheduleId", i.scheduleId());
  }

  /** The item as filterByCurrentUser returns it: the same entity led by its {@code @odata.type}. */
  static JsonObject typed(JsonObject item, String type) {
    JsonObject o = new JsonObject().put("@odata.type", "#" + type);
    item.forEach(e -> o.put(e.getKey(), e.getValue()));
    return o;
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
