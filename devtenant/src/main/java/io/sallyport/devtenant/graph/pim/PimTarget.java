package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * What one schedule request is about, as {@link ScheduleRequests} needs it: a principal and a
 * directory role at a scope, or a principal and a group's membership or ownership. Each kind finds
 * and changes its own instances and writes its own request JSON; the rules around them are shared.
 */
interface PimTarget {

  String principalId();

  /** Fails with PIM's 400 when the role or group does not exist. */
  void requireExists();

  ActivationPolicy policy();

  /** The schedule id a new request's instance gets, and the request's targetScheduleId. */
  String scheduleId(String requestId);

  /** The status of a self-activation granted without approval. */
  String grantedStatus();

  /** Whether the principal may self-activate: PIM's EligibilityRule. */
  boolean eligible();

  /** The principal's first current active instance (held directly, not through a group). */
  Optional<Active> active();

  void put(Instant start, Instant end, String assignmentType, String scheduleId);

  /** Ends the current active instances of {@code assignmentType} (null for either). */
  void end(String assignmentType);

  /** Whether adminAssign may name this principal. */
  boolean principalExists();

  /** Whether a stored request is over the same role and scope, or group and access (the principal aside). */
  boolean sameTarget(JsonObject request);

  /** The request as Graph serves and devtenant stores it, every documented property in the kind's order. */
  JsonObject json(Outcome o);

  /** An active instance as the rules see it: {@code assignmentType} is Activated or Assigned. */
  record Active(String assignmentType, String scheduleId) {}

  /** What a create decided, for {@link #json}. */
  record Outcome(String id, String action, String status, boolean validationOnly, String targetScheduleId,
      Instant now, Instant start, ScheduleInfo schedule, GraphCaller caller, JsonObject body) {

    boolean pending() {
      return status.equals("PendingApproval");
    }

    /** An approval exists only while one is awaited; devtenant names it by the request id. */
    String approvalId() {
      return pending() ? id : null;
    }
  }
}
