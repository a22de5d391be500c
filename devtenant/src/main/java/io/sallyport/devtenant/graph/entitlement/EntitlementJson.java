package io.sallyport.devtenant.graph.entitlement;

import io.sallyport.devtenant.state.AccessPackage;
import io.sallyport.devtenant.state.PackageAssignment;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Entitlement-management resources in Graph v1.0's shapes (graph-docs accessPackage, accessPackageAssignment). */
final class EntitlementJson {

  static final String PACKAGE_TYPE = "microsoft.graph.accessPackage";
  static final String ASSIGNMENT_TYPE = "microsoft.graph.accessPackageAssignment";
  static final String REQUEST_TYPE = "microsoft.graph.accessPackageAssignmentRequest";
  static final List<String> PACKAGE_PROPERTIES = List.of("id", "displayName", "description", "isHidden",
      "createdDateTime", "modifiedDateTime");
  static final List<String> ASSIGNMENT_PROPERTIES = List.of("id", "state", "status", "expiredDateTime", "schedule");
  static final List<String> REQUEST_PROPERTIES = List.of("id", "requestType", "state", "status",
      "createdDateTime", "completedDateTime", "justification", "schedule", "answers");

  private EntitlementJson() {}

  static JsonObject accessPackage(AccessPackage p) {
    return new JsonObject().put("@odata.type", "#" + PACKAGE_TYPE).put("id", p.id())
        .put("displayName", p.displayName()).put("description", p.description()).put("isHidden", p.hidden())
        .put("createdDateTime", time(p.createdAt())).put("modifiedDateTime", time(p.modifiedAt()));
  }

  /** The assignment as the clock sees it now: a delivered one past its end reads expired. */
  static JsonObject assignment(PackageAssignment a, Instant now) {
    String state = a.stateAt(now);
    return new JsonObject().put("id", a.id()).put("state", state).put("status", status(state))
        .put("expiredDateTime", state.equals("expired") ? time(a.end()) : null)
        .put("schedule", schedule(a.start(), a.end()));
  }

  /** entitlementManagementSchedule: an end date, or no expiration. */
  static JsonObject schedule(Instant start, Instant end) {
    JsonObject expiration = new JsonObject().put("endDateTime", time(end)).putNull("duration")
        .put("type", end == null ? "noExpiration" : "afterDateTime");
    return new JsonObject().put("startDateTime", time(start)).putNull("recurrence").put("expiration", expiration);
  }

  /** accessPackageSubject for a directory user; its own id is stable per user, as Graph's is. */
  static JsonObject subject(User u) {
    return new JsonObject().put("id", UUID.nameUUIDFromBytes(("subject:" + u.id()).getBytes(StandardCharsets.UTF_8))
            .toString()).put("objectId", u.id()).put("displayName", u.displayName()).put("principalName", u.upn())
        .put("email", u.mail()).put("subjectType", "user").putNull("onPremisesSecurityIdentifier");
  }

  /** v1.0's status string beside the lower-case state enum, e.g. delivered / Delivered. */
  static String status(String state) {
    return state.isEmpty() ? state : Character.toUpperCase(state.charAt(0)) + state.substring(1);
  }

  static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
