package io.sallyport.devtenant.graph.ca;

import io.sallyport.devtenant.graph.directory.WriteBodies;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code conditionalAccessPolicy} shape (§3.6, the live shape with every documented member) and
 * the checks a write must pass: known properties only, the required members present, enums in range.
 * A stored policy always has the full shape, because the sign-in page reads it as Graph JSON.
 */
final class PolicyBodies {

  static final String TYPE = "microsoft.graph.conditionalAccessPolicy";
  static final Set<String> STATES = Set.of("enabled", "disabled", "enabledForReportingButNotEnforced");
  static final Set<String> CONTROLS = Set.of("block", "mfa", "compliantDevice", "domainJoinedDevice",
      "approvedApplication", "compliantApplication", "passwordChange", "unknownFutureValue");
  static final Set<String> READ_ONLY = Set.of("id", "createdDateTime", "modifiedDateTime", "templateId");
  private static final Pattern AUTH_CONTEXT = Pattern.compile("c([1-9]|[1-9][0-9])");
  private static final Map<String, String> NESTED = Map.of(
      "conditions", "microsoft.graph.conditionalAccessConditionSet",
      "applications", "microsoft.graph.conditionalAccessApplications",
      "users", "microsoft.graph.conditionalAccessUsers",
      "grantControls", "microsoft.graph.conditionalAccessGrantControls");

  private PolicyBodies() {}

  /** A new policy: every member present, null or empty unless the body sets it. */
  static JsonObject shape(String id, Instant now) {
    JsonObject applications = new JsonObject().put("includeApplications", new JsonArray())
        .put("excludeApplications", new JsonArray()).put("includeUserActions", new JsonArray())
        .put("includeAuthenticationContextClassReferences", new JsonArray()).putNull("applicationFilter");
    JsonObject users = new JsonObject().put("includeUsers", new JsonArray()).put("excludeUsers", new JsonArray())
        .put("includeGroups", new JsonArray()).put("excludeGroups", new JsonArray())
        .put("includeRoles", new JsonArray()).put("excludeRoles", new JsonArray())
        .putNull("includeGuestsOrExternalUsers").putNull("excludeGuestsOrExternalUsers");
    JsonObject conditions = new JsonObject().put("userRiskLevels", new JsonArray())
        .put("signInRiskLevels", new JsonArray()).put("clientAppTypes", new JsonArray())
        .putNull("platforms").putNull("locations").putNull("times").putNull("deviceStates").putNull("devices")
        .putNull("clientApplications").put("servicePrincipalRiskLevels", new JsonArray())
        .put("applications", applications).put("users", users);
    JsonObject grant = new JsonObject().putNull("operator").put("builtInControls", new JsonArray())
        .put("customAuthenticationFactors", new JsonArray()).put("termsOfUse", new JsonArray())
        .putNull("authenticationStrength");
    return new JsonObject().put("id", id).putNull("templateId").putNull("displayName")
        .put("createdDateTime", now.toString()).putNull("modifiedDateTime").putNull("state")
        .putNull("partialEnablementStrategy").putNull("sessionControls").put("conditions", conditions)
        .put("grantControls", grant);
  }

  /** Refuses unknown or read-only properties and values of the wrong kind, before anything is merged. */
  static void checkProperties(JsonObject body, JsonObject shape) {
    WriteBodies.check(body, shape, TYPE, NESTED, READ_ONLY);
  }

  /** A create must bring its own conditions and grant controls; the shape's empty defaults do not count. */
  static void checkCreate(JsonObject body) {
    if (!(body.getValue("conditions") instanceof JsonObject)) {
      throw bad("Property 'conditions' is required, with 'conditions.applications' and 'conditions.users'.");
    }
    if (!(body.getValue("grantControls") instanceof JsonObject)) {
      throw bad("Property 'grantControls' is required.");
    }
    JsonObject conditions = body.getJsonObject("conditions");
    if (!(conditions.getValue("applications") instanceof JsonObject)
        || !(conditions.getValue("users") instanceof JsonObject)) {
      throw bad("Property 'conditions' is required, with 'conditions.applications' and 'conditions.users'.");
    }
  }

  /** The rules a complete policy (after a create, or after a PATCH merge) must satisfy. */
  static void checkComplete(JsonObject p) {
    if (!(p.getValue("displayName") instanceof String name) || name.isBlank()) {
      throw bad("Property 'displayName' is required and must not be empty.");
    }
    Object state = p.getValue("state");
    if (!(state instanceof String s) || !STATES.contains(s)) {
      throw bad("Property 'state' must be one of enabled, disabled, enabledForReportingButNotEnforced; got "
          + (state == null ? "nothing" : "'" + state + "'") + ".");
    }
    JsonObject conditions = p.getJsonObject("conditions");
    if (conditions == null || conditions.getJsonObject("applications") == null
        || conditions.getJsonObject("users") == null) {
      throw bad("Property 'conditions' is required, with 'conditions.applications' and 'conditions.users'.");
    }
    for (Object c : conditions.getJsonObject("applications")
        .getJsonArray("includeAuthenticationContextClassReferences", new JsonArray())) {
      if (!(c instanceof String ref) || !AUTH_CONTEXT.matcher(ref).matches()) {
        throw bad("Invalid authentication context class reference '" + c + "' in"
            + " 'conditions.applications.includeAuthenticationContextClassReferences'; ids are c1 through c99.");
      }
    }
    JsonObject grant = p.getJsonObject("grantControls");
    if (grant == null) {
      throw bad("Property 'grantControls' is required.");
    }
    Object operator = grant.getValue("operator");
    if (!"AND".equals(operator) && !"OR".equals(operator)) {
      throw bad("Property 'grantControls.operator' must be AND or OR; got "
          + (operator == null ? "nothing" : "'" + operator + "'") + ".");
    }
    List<Object> controls = grant.getJsonArray("builtInControls", new JsonArray()).getList();
    for (Object c : controls) {
      if (!(c instanceof String control) || !CONTROLS.contains(control)) {
        throw bad("Invalid value '" + c + "' in 'grantControls.builtInControls'; expected one of "
            + String.join(", ", new java.util.TreeSet<>(CONTROLS)) + ".");
      }
    }
    if (controls.isEmpty() && grant.getJsonArray("termsOfUse", new JsonArray()).isEmpty()
        && grant.getValue("authenticationStrength") == null) {
      throw bad("Property 'grantControls' must name at least one control (builtInControls, termsOfUse or"
          + " authenticationStrength).");
    }
  }

  private static GraphError bad(String message) {
    return new GraphError(400, "BadRequest", message);
  }
}
