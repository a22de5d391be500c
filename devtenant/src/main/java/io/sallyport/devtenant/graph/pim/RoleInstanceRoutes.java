package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphResponses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code /roleManagement/directory/roleEligibilityScheduleInstances} and
 * {@code .../roleAssignmentScheduleInstances}: list, get by id and {@code filterByCurrentUser(on='principal')}.
 * Only instances current on the scenario clock are served, so an activation leaves the list the
 * moment it ends. A delegated caller listing tenant-wide must hold a directory role that may read
 * role assignments ({@link PimAccess.DirectoryReaders}); end users use filterByCurrentUser.
 */
final class RoleInstanceRoutes {

  static final String BASE = "/roleManagement/directory/";
  private static final String[] ELIGIBILITY_READ = {"RoleEligibilitySchedule.Read.Directory",
      "RoleEligibilitySchedule.ReadWrite.Directory", "RoleManagement.Read.Directory", "RoleManagement.Read.All",
      "RoleManagement.ReadWrite.Directory", "Directory.Read.All"};
  private static final String[] ASSIGNMENT_READ = {"RoleAssignmentSchedule.Read.Directory",
      "RoleAssignmentSchedule.ReadWrite.Directory", "RoleManagement.Read.Directory", "RoleManagement.Read.All",
      "RoleManagement.ReadWrite.Directory", "Directory.Read.All"};

  private final Context ctx;
  private final GraphResponses responses;

  RoleInstanceRoutes(Context ctx, GraphResponses responses) {
    this.ctx = ctx;
    this.responses = responses;
  }

  void mount(Router graph) {
    collection("roleEligibilityScheduleInstances", "eligible", PimJson.ROLE_ELIGIBILITY_TYPE,
        PimJson.ROLE_ELIGIBILITY_PROPERTIES, ELIGIBILITY_READ).mount(graph);
    collection("roleAssignmentScheduleInstances", "active", PimJson.ROLE_ASSIGNMENT_TYPE,
        PimJson.ROLE_ASSIGNMENT_PROPERTIES, ASSIGNMENT_READ).mount(graph);
  }

  private PimCollection collection(String segment, String kind, String type, List<String> properties,
      String[] read) {
    return new PimCollection(responses, new PimCollection.Spec(BASE + segment, type, properties, properties, read),
        new PimAccess.DirectoryReaders(ctx), principalId -> current(kind, principalId), id -> find(kind, id));
  }

  /** Current instances of the kind, of {@code principalId} (and its groups) or everyone's when null. */
  private List<JsonObject> current(String kind, String principalId) {
    Instant now = ctx.clock().instant();
    List<String> principals = principalId == null ? List.of()
        : Stream.concat(Stream.of(principalId), ctx.state().transitiveGroups(principalId).stream()).toList();
    return ctx.state().roleInstances.where(i -> i.kind().equals(kind) && i.currentAt(now)
            && (principalId == null || principals.stream().anyMatch(p -> p.equalsIgnoreCase(i.principalId()))))
        .stream().map(PimJson::role).toList();
  }

  private Optional<JsonObject> find(String kind, String id) {
    Instant now = ctx.clock().instant();
    return ctx.state().roleInstances.find(id).filter(i -> i.kind().equals(kind) && i.currentAt(now))
        .map(PimJson::role);
  }
}
