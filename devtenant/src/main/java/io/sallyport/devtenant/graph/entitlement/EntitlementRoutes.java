package io.sallyport.devtenant.graph.entitlement;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ODataPage;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.graph.odata.ODataSelect;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.AccessPackage;
import io.sallyport.devtenant.state.PackageAssignment;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph v1.0 entitlement management under {@code /identityGovernance/entitlementManagement}: access
 * packages, assignments (state judged by the scenario clock, so an assignment past its end reads
 * {@code expired}) and assignment requests ({@link AssignmentRequestRoutes}).
 */
public final class EntitlementRoutes {

  static final String BASE = "/identityGovernance/entitlementManagement/";
  static final String[] READ = {"EntitlementManagement.Read.All", "EntitlementManagement.ReadWrite.All"};
  private static final Set<String> ASSIGNMENT_NAVIGATION = Set.of("target", "accessPackage", "assignmentPolicy");
  private static final List<String> ASSIGNMENT_FILTERABLE = List.of("id", "state", "status", "expiredDateTime",
      "target/objectId", "target/id", "target/email", "target/principalName", "target/displayName",
      "accessPackage/id", "accessPackage/displayName", "assignmentPolicy/id");
  private static final Pattern CURRENT_USER = Pattern.compile("filterByCurrentUser\\(on='([^']*)'\\)",
      Pattern.CASE_INSENSITIVE);

  private final Context ctx;
  private final GraphResponses responses;

  public EntitlementRoutes(Context ctx, GraphResponses responses) {
    this.ctx = ctx;
    this.responses = responses;
  }

  public void mount(Router graph) {
    graph.get(BASE + "accessPackages").handler(this::packages);
    graph.get(BASE + "accessPackages/:id").handler(this::onePackage);
    graph.get(BASE + "assignments").handler(rc -> {
      GraphCaller.from(rc).requireAny(READ);
      assignments(rc, null);
    });
    graph.get(BASE + "assignments/:id").handler(this::oneAssignment);
    new AssignmentRequestRoutes(ctx, responses, new EntitlementActions(ctx.state())).mount(graph);
  }

  private void packages(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(READ);
    ODataQuery query = ODataQuery.parse(rc.queryParams(), 100);
    query.filter().ifPresent(f -> f.requireOnly(EntitlementJson.PACKAGE_PROPERTIES, "accessPackage"));
    ODataSelect select = ODataSelect.of(query.select(), EntitlementJson.PACKAGE_TYPE,
        EntitlementJson.PACKAGE_PROPERTIES);
    List<JsonObject> items = ctx.state().accessPackages.all().stream().map(EntitlementJson::accessPackage).toList();
    responses.ok(rc, new ODataPage(responses.context("identityGovernance/entitlementManagement/accessPackages"),
        responses.selfUrl(rc), rc.request().query()).render(query.apply(items), query, select));
  }

  private void onePackage(RoutingContext rc) {
    GraphCaller.from(rc).requireAny(READ);
    ODataQuery query = ODataQuery.parse(rc.queryParams(), 1);
    ODataSelect select = ODataSelect.of(query.select(), EntitlementJson.PACKAGE_TYPE,
        EntitlementJson.PACKAGE_PROPERTIES);
    String id = rc.pathParam("id");
    AccessPackage p = ctx.state().accessPackages.find(id).orElseThrow(() -> GraphError.notFound(id));
    responses.ok(rc, new JsonObject().put("@odata.context",
        responses.context("identityGovernance/entitlementManagement/accessPackages/$entity"))
        .mergeIn(select.apply(EntitlementJson.accessPackage(p))));
  }

  /** All assignments, or (targetId set) filterByCurrentUser(on='target'): the signed-in user's. */
  private void assignments(RoutingContext rc, String targetId) {
    ODataQuery query = ODataQuery.parse(rc.queryParams(), 100);
    Set<String> expanded = Collections.expand(query, EntitlementJson.ASSIGNMENT_TYPE, ASSIGNMENT_NAVIGATION);
    Instant now = ctx.clock().instant();
    List<JsonObject> items = ctx.state().packageAssignments.where(a -> targetId == null
        || a.targetId().equalsIgnoreCase(targetId)).stream().map(a -> full(a, now)).toList();
    String context = targetId == null ? "identityGovernance/entitlementManagement/assignments"
        : "Collection(accessPackageAssignment)";
    responses.ok(rc, Collections.page(responses, rc, responses.context(context), query, items,
        EntitlementJson.ASSIGNMENT_TYPE, EntitlementJson.ASSIGNMENT_PROPERTIES, ASSIGNMENT_FILTERABLE,
        ASSIGNMENT_NAVIGATION, expanded));
  }

  private void oneAssignment(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    String id = rc.pathParam("id");
    Matcher m = CURRENT_USER.matcher(id);
    if (m.matches()) {
      // Self-service form: delegated only ("Application: Not supported").
      caller.requireDelegated(READ);
      if (!m.group(1).equalsIgnoreCase("target")) {
        throw new GraphError(400, "BadRequest", "filterByCurrentUser(on='" + m.group(1) + "') is not supported by "
            + "devtenant; use on='target'.");
      }
      assignments(rc, caller.userId());
      return;
    }
    caller.requireAny(READ);
    ODataQuery query = ODataQuery.parse(rc.queryParams(), 1);
    Set<String> expanded = Collections.expand(query, EntitlementJson.ASSIGNMENT_TYPE, ASSIGNMENT_NAVIGATION);
    ODataSelect select = ODataSelect.of(query.select(), EntitlementJson.ASSIGNMENT_TYPE,
        EntitlementJson.ASSIGNMENT_PROPERTIES);
    PackageAssignment a = ctx.state().packageAssignments.find(id).orElseThrow(() -> GraphError.notFound(id));
    responses.ok(rc, new JsonObject().put("@odata.context",
        responses.context("identityGovernance/entitlementManagement/assignments/$entity"))
        .mergeIn(Collections.shape(full(a, ctx.clock().instant()), select, ASSIGNMENT_NAVIGATION, expanded)));
  }

  /** The assignment with its navigation properties, for filtering and $expand. */
  JsonObject full(PackageAssignment a, Instant now) {
    JsonObject item = EntitlementJson.assignment(a, now);
    ctx.state().users.find(a.targetId()).ifPresent(u -> item.put("target", EntitlementJson.subject(u)));
    Optional<AccessPackage> p = ctx.state().accessPackages.find(a.packageId());
    p.ifPresent(x -> item.put("accessPackage", EntitlementJson.accessPackage(x)));
    item.put("assignmentPolicy", new JsonObject().put("id", a.policyId()));
    return item;
  }
}
