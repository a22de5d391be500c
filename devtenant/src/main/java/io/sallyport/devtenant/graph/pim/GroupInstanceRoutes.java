package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.GroupInstance;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * PIM for Groups instances under {@code /identityGovernance/privilegedAccess/group}: eligibility and
 * assignment schedule instances. Listing needs a {@code groupId eq} or {@code principalId eq} filter,
 * as in Graph (graph-docs list pages); filterByCurrentUser(on='principal') needs none.
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

  private record Kind(String segment, String state, String type, List<String> properties, String[] permissions) {}

  void mount(Router graph) {
    for (Kind k : List.of(
        new Kind("eligibilityScheduleInstances", "eligible", PimJson.GROUP_ELIGIBILITY_TYPE,
            PimJson.GROUP_ELIGIBILITY_PROPERTIES, ELIGIBILITY_READ),
        new Kind("assignmentScheduleInstances", "active", PimJson.GROUP_ASSIGNMENT_TYPE,
            PimJson.GROUP_ASSIGNMENT_PROPERTIES, ASSIGNMENT_READ))) {
      graph.get(BASE + k.segment()).handler(rc -> list(rc, k));
      graph.get(BASE + k.segment() + "/:id").handler(rc -> one(rc, k));
    }
  }

  private void list(RoutingContext rc, Kind k) {
    GraphCaller.from(rc).requireAny(k.permissions());
    ODataQuery query = Listing.query(rc);
    requireGroupOrPrincipalFilter(query);
    responses.ok(rc, Listing.page(responses, rc, responses.context("identityGovernance/privilegedAccess/group/"
        + k.segment()), query, current(k, null), k.type(), k.properties()));
  }

  static void requireGroupOrPrincipalFilter(ODataQuery query) {
    boolean ok = query.filter().map(f -> f.equalityValue("groupId").isPresent()
        || f.equalityValue("principalId").isPresent()).orElse(false);
    if (!ok) {
      throw new GraphError(400, "BadRequest", "A filter on groupId or principalId is required: use $filter=groupId"
          + " eq '{groupId}' or $filter=principalId eq '{principalId}'.");
    }
  }

  private void one(RoutingContext rc, Kind k) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(k.permissions());
    String id = rc.pathParam("id");
    Optional<String> on = Listing.currentUserFunction(id);
    if (on.isPresent()) {
      String user = caller.requireUser();
      Listing.requireOn(on.get(), "principal");
      ODataQuery query = Listing.query(rc);
      List<JsonObject> mine = current(k, user).stream().map(o -> PimJson.typed(o, k.type())).toList();
      responses.ok(rc, Listing.page(responses, rc, responses.context("Collection("
          + RoleInstanceRoutes.shortName(k.type()) + ")"), query, mine, k.type(), k.properties()));
      return;
    }
    Instant now = ctx.clock().instant();
    GroupInstance instance = ctx.state().groupInstances.find(id)
        .filter(i -> i.kind().equals(k.state()) && i.currentAt(now)).orElseThrow(() -> GraphError.notFound(id));
    responses.ok(rc, new JsonObject().put("@odata.context", responses.context(
        "identityGovernance/privilegedAccess/group/" + k.segment() + "/$entity")).mergeIn(PimJson.group(instance)));
  }

  private List<JsonObject> current(Kind k, String principalId) {
    Instant now = ctx.clock().instant();
    return ctx.state().groupInstances.where(i -> i.kind().equals(k.state()) && i.currentAt(now)
        && (principalId == null || i.principalId().equalsIgnoreCase(principalId))).stream().map(PimJson::group)
        .toList();
  }
}
