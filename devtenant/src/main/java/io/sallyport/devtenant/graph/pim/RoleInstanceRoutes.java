package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.RoleInstance;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /roleManagement/directory/roleEligibilityScheduleInstances} and
 * {@code .../roleAssignmentScheduleInstances}: list, get by id and {@code filterByCurrentUser(on='principal')}.
 * Only instances current on the scenario clock are served, so an activation leaves the list the
 * moment it ends. A delegated caller listing tenant-wide must hold a directory role that may read
 * role assignments (graph-docs rbac-pim-entra-roles-apis); end users use filterByCurrentUser.
 */
final class RoleInstanceRoutes {

  static final String BASE = "/roleManagement/directory/";
  /** Global Administrator, Global Reader, Privileged Role Administrator, Security Administrator/Operator/Reader. */
  private static final Set<String> READER_ROLES = Set.of("62e90394-69f5-4237-9190-012177145e10",
      "f2ef992c-3afb-46b9-b7cf-a126ee74c451", "e8611ab8-c189-46e8-94e1-60213ab1f814",
      "194ae4cb-b126-40b2-bd5b-6091b380977d", "5f2222b1-57c3-48ba-8ad5-d4759f1fde6f",
      "5d6b6bb7-de71-4623-b4af-96380a352509");
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

  private record Kind(String segment, String state, String type, List<String> properties, String[] permissions) {}

  void mount(Router graph) {
    for (Kind k : List.of(
        new Kind("roleEligibilityScheduleInstances", "eligible", PimJson.ROLE_ELIGIBILITY_TYPE,
            PimJson.ROLE_ELIGIBILITY_PROPERTIES, ELIGIBILITY_READ),
        new Kind("roleAssignmentScheduleInstances", "active", PimJson.ROLE_ASSIGNMENT_TYPE,
            PimJson.ROLE_ASSIGNMENT_PROPERTIES, ASSIGNMENT_READ))) {
      graph.get(BASE + k.segment()).handler(rc -> list(rc, k));
      graph.get(BASE + k.segment() + "/:id").handler(rc -> one(rc, k));
    }
  }

  private void list(RoutingContext rc, Kind k) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(k.permissions());
    ODataQuery query = Listing.query(rc);
    requireTenantReader(caller, ctx);
    responses.ok(rc, Listing.page(responses, rc, responses.context("roleManagement/directory/" + k.segment()),
        query, current(k, null), k.type(),
        k.properties()));
  }

  private void one(RoutingContext rc, Kind k) {
    GraphCaller caller = GraphCaller.from(rc);
    String id = rc.pathParam("id");
    Optional<String> on = Listing.currentUserFunction(id);
    if (on.isPresent()) {
      caller.requireAny(k.permissions());
      String user = caller.requireUser();
      Listing.requireOn(on.get(), "principal");
      ODataQuery query = Listing.query(rc);
      List<JsonObject> mine = current(k, user).stream().map(o -> PimJson.typed(o, k.type())).toList();
      responses.ok(rc, Listing.page(responses, rc, responses.context("Collection(" + shortName(k.type()) + ")"),
          query, mine, k.type(), k.properties()));
      return;
    }
    caller.requireAny(k.permissions());
    Instant now = ctx.clock().instant();
    RoleInstance instance = ctx.state().roleInstances.find(id)
        .filter(i -> i.kind().equals(k.state()) && i.currentAt(now)).orElseThrow(() -> GraphError.notFound(id));
    if (!(caller.delegated() && instance.principalId().equalsIgnoreCase(caller.userId()))) {
      requireTenantReader(caller, ctx);
    }
    responses.ok(rc, new JsonObject().put("@odata.context",
        responses.context("roleManagement/directory/" + k.segment() + "/$entity")).mergeIn(PimJson.role(instance)));
  }

  /** Current instances of the kind, of {@code principalId} (and its groups) or everyone's when null. */
  private List<JsonObject> current(Kind k, String principalId) {
    Instant now = ctx.clock().instant();
    List<String> principals = principalId == null ? List.of()
        : java.util.stream.Stream.concat(java.util.stream.Stream.of(principalId),
            ctx.state().transitiveGroups(principalId).stream()).toList();
    return ctx.state().roleInstances.where(i -> i.kind().equals(k.state()) && i.currentAt(now)
            && (principalId == null || principals.stream().anyMatch(p -> p.equalsIgnoreCase(i.principalId()))))
        .stream().map(PimJson::role).toList();
  }

  static void requireTenantReader(GraphCaller caller, Context ctx) {
    if (caller.delegated() && ctx.state().activeRoles(caller.userId()).stream().noneMatch(READER_ROLES::contains)) {
      throw GraphError.forbidden();
    }
  }

  static String shortName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
