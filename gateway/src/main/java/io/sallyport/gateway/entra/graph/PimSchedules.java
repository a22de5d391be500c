package io.sallyport.gateway.entra.graph;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Graph requests for a user's PIM schedule instances, app-only, filtered by {@code principalId}
 * (PIM for Groups requires a filter; roles accept it), and the small records parsed from their items.
 * An item without the documented fields is refused as a whole: a half-read answer could hide an
 * assignment or invent one.
 */
final class PimSchedules {

  /** Directory roles or PIM for Groups. */
  enum Kind {
    ROLES("/v1.0/roleManagement/directory/roleAssignmentScheduleInstances",
        "/v1.0/roleManagement/directory/roleEligibilityScheduleInstances",
        "roleDefinitionId", "directoryScopeId", "pim.roles"),
    GROUPS("/v1.0/identityGovernance/privilegedAccess/group/assignmentScheduleInstances",
        "/v1.0/identityGovernance/privilegedAccess/group/eligibilityScheduleInstances",
        "groupId", "accessId", "pim.groups");

    final String assignments;
    final String eligibilities;
    final String target;
    final String qualifier;
    /** The metrics label of the cache; calls add {@code .assignments} / {@code .eligibilities}. */
    final String operation;

    Kind(String assignments, String eligibilities, String target, String qualifier, String operation) {
      this.assignments = assignments;
      this.eligibilities = eligibilities;
      this.target = target;
      this.qualifier = qualifier;
      this.operation = operation;
    }
  }

  private PimSchedules() {}

  /** The list path with the principal filter; the oid goes into an OData literal, so it must be a GUID. */
  static String path(String collection, Kind kind, String oid) {
    if (oid == null || !TransitiveGroups.GUID.matcher(oid).matches()) {
      throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "the token's oid is not a GUID: " + oid);
    }
    return collection + "?$filter=principalId%20eq%20'" + oid.toLowerCase(Locale.ROOT) + "'&$select=id,"
        + kind.target + "," + kind.qualifier + ",startDateTime,endDateTime";
  }

  static List<PimInstance> parse(Kind kind, List<JsonObject> items) {
    List<PimInstance> out = new ArrayList<>(items.size());
    for (JsonObject item : items) {
      Object target = item.getValue(kind.target);
      Object qualifier = item.getValue(kind.qualifier);
      if (!(target instanceof String t) || !(qualifier instanceof String q)) {
        throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "a PIM instance without " + kind.target
            + " or " + kind.qualifier + ": " + item.getValue("id"));
      }
      out.add(new PimInstance(t.toLowerCase(Locale.ROOT), q, instant(item, "startDateTime"),
          instant(item, "endDateTime")));
    }
    return out;
  }

  private static Instant instant(JsonObject item, String key) {
    Object v = item.getValue(key);
    if (v == null) {
      return null;
    }
    try {
      String text = (String) v;
      // Graph writes UTC with Z; an explicit offset is read too rather than refused
      return text.endsWith("Z") ? Instant.parse(text) : java.time.OffsetDateTime.parse(text).toInstant();
    } catch (ClassCastException | DateTimeParseException e) {
      throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "a PIM instance's " + key + " is not a date: " + v);
    }
  }
}
