package io.sallyport.devtenant.graph.pim;

import io.vertx.core.json.JsonObject;

/** Microsoft's documented PIM examples (reference §4.1–4.4), verbatim, for shape comparisons. */
final class PimDocExamples {

  private PimDocExamples() {}

  static final JsonObject ELIGIBILITY_LIST = new JsonObject("""
      {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleEligibilityScheduleInstances",
          "value": [
              {
                  "id": "8MYkhImhnkm70CbBdTyW1BbHHAdHgZdDpbqyEFlRzAs-1-e",
                  "principalId": "071cc716-8147-4397-a5ba-b2105951cc0b",
                  "roleDefinitionId": "8424c6f0-a189-499e-bbd0-26c1753c96d4",
                  "directoryScopeId": "/",
                  "appScopeId": null,
                  "startDateTime": "2022-04-12T14:44:50.287Z",
                  "endDateTime": "2024-04-10T00:00:00Z",
                  "memberType": "Direct",
                  "roleEligibilityScheduleId": "77f71919-62f3-4d0c-9f88-0a0391b665cd"
              }
          ]
      }""");

  static final JsonObject ASSIGNMENT_BY_CURRENT_USER = new JsonObject("""
      {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(unifiedRoleAssignmentScheduleInstance)",
          "value": [
              {
                  "@odata.type": "#microsoft.graph.unifiedRoleAssignmentScheduleInstance",
                  "id": "lAPpYvVpN0KRkAEhdxReEJ2SvT9WjGJEhR4OuaezoqU-1",
                  "principalId": "3fbd929d-8c56-4462-851e-0eb9a7b3a2a5",
                  "roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10",
                  "directoryScopeId": "/",
                  "appScopeId": null,
                  "startDateTime": null,
                  "endDateTime": null,
                  "assignmentType": "Assigned",
                  "memberType": "Direct",
                  "roleAssignmentOriginId": "lAPpYvVpN0KRkAEhdxReEJ2SvT9WjGJEhR4OuaezoqU-1",
                  "roleAssignmentScheduleId": "lAPpYvVpN0KRkAEhdxReEJ2SvT9WjGJEhR4OuaezoqU-1"
              }
          ]
      }""");

  static final JsonObject SELF_ACTIVATE_RESPONSE = new JsonObject("""
      {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleAssignmentScheduleRequests/$entity",
          "id": "911bab8a-6912-4de2-9dc0-2648ede7dd6d",
          "status": "Granted",
          "createdDateTime": "2022-04-13T08:52:32.6485851Z",
          "completedDateTime": "2022-04-14T00:00:00Z",
          "approvalId": null,
          "customData": null,
          "action": "selfActivate",
          "principalId": "071cc716-8147-4397-a5ba-b2105951cc0b",
          "roleDefinitionId": "8424c6f0-a189-499e-bbd0-26c1753c96d4",
          "directoryScopeId": "/",
          "appScopeId": null,
          "isValidationOnly": false,
          "targetScheduleId": "911bab8a-6912-4de2-9dc0-2648ede7dd6d",
          "justification": "I need access to the Attribute Administrator role to manage attributes to be assigned to restricted AUs",
          "createdBy": {
              "application": null,
              "device": null,
              "user": { "displayName": null, "id": "071cc716-8147-4397-a5ba-b2105951cc0b" }
          },
          "scheduleInfo": {
              "startDateTime": "2022-04-14T00:00:00Z",
              "recurrence": null,
              "expiration": { "type": "afterDuration", "endDateTime": null, "duration": "PT5H" }
          },
          "ticketInfo": { "ticketNumber": "CONTOSO:Normal-67890", "ticketSystem": "MS Project" }
      }""");

  static final JsonObject GROUP_ELIGIBILITY_LIST = new JsonObject("""
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identityGovernance/privilegedAccess/group/eligibilityScheduleInstances",
        "value": [
          {
            "id": "2b5ed229-4072-478d-9504-a047ebd4b07d_member_326a4063-93c5-4998-9537-969b8cd50297",
            "startDateTime": "2023-08-18T00:33:48.8Z",
            "endDateTime": null,
            "accessId": "member",
            "principalId": "3cce9d87-3986-4f19-8335-7ed075408ca2",
            "groupId": "2b5ed229-4072-478d-9504-a047ebd4b07d",
            "memberType": "Direct"
          }
        ]
      }""");

  static final JsonObject GROUP_ASSIGNMENT_LIST = new JsonObject("""
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identityGovernance/privilegedAccess/group/assignmentScheduleInstances",
        "value": [
          {
            "id": "2b5ed229-4072-478d-9504-a047ebd4b07d_member_365163ce-df68-40b8-a782-1824c9eb7bcc",
            "principalId": "6be4b305-b75e-4efc-bfcc-31bd3b53a5f8",
            "startDateTime": "2023-09-29T15:48:00.273Z",
            "endDateTime": "2024-03-27T15:47:19.653Z",
            "assignmentType": "Assigned",
            "accessId": "member",
            "groupId": "2b5ed229-4072-478d-9504-a047ebd4b07d",
            "memberType": "Direct",
            "assignmentScheduleId": "2b5ed229-4072-478d-9504-a047ebd4b07d_member_f13739ce-d5f9-4a5a-845a-22fbccf0e14f"
          }
        ]
      }""");

  /** Example 2's response, with @odata.context where the doc mistakenly writes @odata.type. */
  static final JsonObject GROUP_SELF_ACTIVATE_RESPONSE = new JsonObject("""
      {
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identityGovernance/privilegedAccess/group/assignmentScheduleRequests/$entity",
        "id": "6aacaee8-4089-4048-9510-3119367fc943",
        "status": "Provisioned",
        "completedDateTime": "2023-02-07T07:05:55.3404527Z",
        "createdDateTime": "2023-02-07T07:05:53.7895614Z",
        "approvalId": null,
        "customData": null,
        "createdBy": { "user": { "id": "3cce9d87-3986-4f19-8335-7ed075408ca2" } },
        "action": "selfActivate",
        "isValidationOnly": false,
        "justification": "Activate assignment.",
        "scheduleInfo": { "startDateTime": "2023-02-07T07:05:55.3404527Z", "expiration": { "type": "afterDuration", "duration": "PT2H" } },
        "ticketInfo": { "ticketNumber": null, "ticketSystem": null },
        "accessId": "member",
        "principalId": "3cce9d87-3986-4f19-8335-7ed075408ca2",
        "groupId": "2b5ed229-4072-478d-9504-a047ebd4b07d",
        "targetScheduleId": "2b5ed229-4072-478d-9504-a047ebd4b07d_member_6aacaee8-4089-4048-9510-3119367fc943"
      }""");
}
