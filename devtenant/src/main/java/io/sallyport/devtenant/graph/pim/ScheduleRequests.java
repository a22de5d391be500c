package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.sallyport.devtenant.state.Table;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A collection of PIM schedule requests, for directory roles or PIM for Groups: create (selfActivate,
 * selfDeactivate, adminAssign, adminRemove, with PIM's rules in PIM's order), list, get,
 * filterByCurrentUser and cancel. The kind reads its own fields into a {@link PimTarget}; the rules
 * are the same for both. Every request, whatever its outcome, is kept as Graph JSON in
 * {@code requests}; a validation-only request is answered but not kept, as nothing was requested.
 */
final class ScheduleRequests {

  /** Reads the kind's own fields of a create body, failing as Graph does on a bad one. */
  @FunctionalInterface
  interface TargetReader {
    PimTarget read(JsonObject body, String principalId);
  }

  private final Context ctx;
  private final GraphResponses responses;
  private final PimActions actions;
  private final String path;
  private final String[] write;
  private final Table<JsonObject> requests;
  private final TargetReader reader;
  private final PimCollection reads;

  /** {@code spec} describes the collection as {@link PimCollection} serves it; createdBy may be filtered on too. */
  ScheduleRequests(Context ctx, GraphResponses responses, PimActions actions, PimCollection.Spec spec, String[] write,
      Table<JsonObject> requests, PimAccess access, TargetReader reader) {
    this.ctx = ctx;
    this.responses = responses;
    this.actions = actions;
    this.path = spec.path();
    this.write = write;
    this.requests = requests;
    this.reader = reader;
    this.reads = new PimCollection(responses, spec, access, principalId -> principalId == null ? requests.all()
        : requests.where(r -> principalId.equalsIgnoreCase(r.getString("principalId"))), requests::find);
  }

  /** The filterable paths of a request collection: its properties and the requester's id. */
  static List<String> filterable(List<String> properties) {
    return Stream.concat(properties.stream(), Stream.of("createdBy/user/id", "createdBy/application/id")).toList();
  }

  void mount(Router graph) {
    graph.post(path).handler(this::create);
    reads.mount(graph);
    graph.post(path + "/:id/cancel").handler(this::cancel);
  }

  private void create(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(write);
    JsonObject body = responses.body(rc);
    String action = RequestParts.action(body);
    PimTarget t = reader.read(body, RequestParts.required(body, "principalId"));
    boolean validationOnly = RequestParts.validationOnly(body);
    t.requireExists();
    Instant now = ctx.clock().instant();
    ScheduleInfo schedule = ScheduleInfo.parse(body, now);
    Instant start = schedule.startAt(now);
    String id = UUID.randomUUID().toString();
    String target = t.scheduleId(id);
    ActivationPolicy policy = t.policy();
    String status;
    switch (action) {
      case "selfActivate" -> {
        RequestParts.requireSelf(caller, action, t.principalId());
        if (!t.eligible()) {
          throw ActivationRules.policyFailed(List.of("EligibilityRule"));
        }
        requireNotActive(t);
        requireNoPending(t);
        ActivationRules.enforce(policy, caller, body, schedule, start);
        status = policy.requireApproval() ? "PendingApproval" : t.grantedStatus();
        if (!validationOnly && !policy.requireApproval()) {
          t.put(start, schedule.endFrom(start, policy.maxActivation()), "Activated", target);
        }
      }
      case "selfDeactivate" -> {
        RequestParts.requireSelf(caller, action, t.principalId());
        target = end(t, "Activated", validationOnly);
        status = "Revoked";
      }
      case "adminAssign" -> {
        if (!t.principalExists()) {
          throw new GraphError(400, "InvalidRoleAssignmentRequest", "The role assignment request is invalid: "
              + "principal '" + t.principalId() + "' does not exist.");
        }
        requireNotActive(t);
        status = "Provisioned";
        if (!validationOnly) {
          t.put(start, schedule.endFrom(start, null), "Assigned", target);
        }
      }
      default -> { // adminRemove
        target = end(t, null, validationOnly);
        status = "Revoked";
      }
    }
    JsonObject request = t.json(new PimTarget.Outcome(id, action, status, validationOnly, target, now, start, schedule,
        caller, body));
    if (!validationOnly) {
      requests.put(request);
    }
    responses.created(rc, reads.entity(request));
  }

  private static void requireNotActive(PimTarget t) {
    if (t.active().isPresent()) {
      throw new GraphError(400, "RoleAssignmentExists", "Role assignment already exists.");
    }
  }

  private void requireNoPending(PimTarget t) {
    if (!requests.where(r -> "PendingApproval".equals(r.getString("status"))
        && t.principalId().equalsIgnoreCase(r.getString("principalId")) && t.sameTarget(r)).isEmpty()) {
      throw new GraphError(400, "PendingRoleAssignmentRequest",
          "There is already an existing pending Role assignment request.");
    }
  }

  /**
   * Ends the active instances of {@code type} (null for either), or only checks, for validation; the first
   * one's schedule is the target. Only the first active instance is judged: of another type, nothing ends.
   */
  private static String end(PimTarget t, String type, boolean validationOnly) {
    String schedule = t.active().filter(a -> type == null || type.equals(a.assignmentType()))
        .map(PimTarget.Active::scheduleId)
        .orElseThrow(() -> new GraphError(400, "RoleAssignmentDoesNotExist", "The Role assignment does not exist."));
    if (!validationOnly) {
      t.end(type);
    }
    return schedule;
  }

  /** Only a request still waiting for approval can be canceled, by its principal or an app that may write. */
  private void cancel(RoutingContext rc) {
    GraphCaller caller = GraphCaller.from(rc);
    caller.requireAny(write);
    String id = rc.pathParam("id");
    JsonObject request = requests.find(id).orElseThrow(() -> GraphError.notFound(id));
    if (caller.delegated() && !caller.userId().equalsIgnoreCase(request.getString("principalId"))) {
      throw GraphError.forbidden();
    }
    actions.cancel(id);
    responses.noContent(rc);
  }
}
