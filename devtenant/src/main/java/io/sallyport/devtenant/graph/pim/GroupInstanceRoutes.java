package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphResponses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * PIM for Groups instances under {@code /identityGovernance/privilegedAccess/group}: eligibility and
 * assignment schedule instances. Listing needs a {@code groupId eq} or {@code principalId eq} filter,
 * as in Graph (graph-docs list pages); filterByCurrentUser(on='principal') needs none. Principals
 * are users only, so unlike roles a user's instances are just those held directly.
 */
final class GroupInstanceRoutes {

  static final String BASE = "/identityGovernance/privilegedAccess/group/";
  private static final String[] ELIGIBILITY_READ = {"PrivilegedEligibilitySchedule.Read.AzureADGroup",
      "PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup", "PrivilegedAccess.Read.AzureADGroup",
      "PrivilegedAccess.ReadWrite.AzureADGroup"};
  private static final String[] ASSIGNMENT_READ = {"PrivilegedAssignmentSchedule.Read.AzureADGroup",
      "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup", "PrivilegedAccess.Read.AzureADGroup",
      "PrivilegedAccess.ReadWrite.AzureADGroup"};

  private final Context ctx;
  private final GraphResponses responses;

  GroupInstanceRoutes(Context ctx, GraphResponses responses) {
    this.ctx = ctx;
    this.responses = responses;
  }

  void mount(Router graph) {
    collection("eligibilityScheduleInstances", "eligible", PimJson.GROUP_ELIGIBILITY_TYPE,
        PimJson.GROUP_ELIGIBILITY_PROPERTIES, ELIGIBILITY_READ).mount(graph);
    collection("assignmentScheduleInstances", "active", PimJson.GROUP_ASSIGNMENT_TYPE,
        PimJson.GROUP_ASSIGNMENT_PROPERTIES, ASSIGNMENT_READ).mount(graph);
  }

  private PimCollection collection(String segment, String kind, String type, List<String> properties,
      String[] read) {
    return new PimCollection(responses, new PimCollection.Spec(BASE + segment, type, properties, properties, read),
        new PimAccess.GroupOrPrincipalFilter(), principalId -> current(kind, principalId), id -> find(kind, id));
  }

  private List<JsonObject> current(String kind, String principalId) {
    Instant now = ctx.clock().instant();
    return ctx.state().groupInstances.where(i -> i.kind().equals(kind) && i.currentAt(now)
        && (principalId == null || i.principalId().equalsIgnoreCase(principalId))).stream().map(PimJson::group)
        .toList();
  }

  private Optional<JsonObject> find(String kind, String id) {
    Instant now = ctx.clock().instant();
    return ctx.state().groupInstances.find(id).filter(i -> i.kind().equals(kind) && i.currentAt(now))
        .map(PimJson::group);
  }
}
