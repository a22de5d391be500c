package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** What role and group schedule requests share: action names, required fields, createdBy, ticketInfo. */
final class RequestParts {

  static final List<String> SUPPORTED = List.of("selfActivate", "selfDeactivate", "adminAssign", "adminRemove");
  private static final List<String> DOCUMENTED = List.of("adminAssign", "adminUpdate", "adminRemove",
      "selfActivate", "selfDeactivate", "adminExtend", "adminRenew", "selfExtend", "selfRenew",
      "unknownFutureValue");

  private RequestParts() {}

  /** The action in Graph's spelling; unknown values fail as OData enum parsing does. */
  static String action(JsonObject body) {
    Object raw = body.getValue("action");
    if (raw == null) {
      throw new GraphError(400, "InvalidRoleAssignmentRequest", "The role assignment request is invalid: "
          + "'action' is required.");
    }
    String v = String.valueOf(raw);
    String action = DOCUMENTED.stream().filter(a -> a.equalsIgnoreCase(v)).findFirst()
        .orElseThrow(() -> new GraphError(400, "BadRequest", "Requested value '" + v + "' was not found."));
    if (!SUPPORTED.contains(action)) {
      throw new GraphError(400, "InvalidRoleAssignmentRequest", "The role assignment request is invalid: "
          + "action '" + action + "' is not supported by devtenant (supported: " + String.join(", ", SUPPORTED)
          + ").");
    }
    return action;
  }

  static String required(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null || String.valueOf(v).isBlank()) {
      throw new GraphError(400, "InvalidRoleAssignmentRequest", "The role assignment request is invalid: '"
          + field + "' is required.");
    }
    return String.valueOf(v);
  }

  static boolean validationOnly(JsonObject body) {
    Object v = body.getValue("isValidationOnly");
    if (v != null && !(v instanceof Boolean)) {
      throw new GraphError(400, "BadRequest", "Cannot convert the literal '" + v
          + "' to the expected type 'Edm.Boolean'.");
    }
    return Boolean.TRUE.equals(v);
  }

  /** Self-service actions act for the signed-in user only. */
  static void requireSelf(GraphCaller caller, String action, String principalId) {
    if (!caller.delegated()) {
      throw new GraphError(403, "Authorization_RequestDenied", "The action '" + action
          + "' needs a signed-in user; application-only tokens cannot act for themselves.");
    }
    if (!caller.userId().equalsIgnoreCase(principalId)) {
      throw new GraphError(403, "Authorization_RequestDenied", "The action '" + action + "' is for the "
          + "signed-in user only: principalId '" + principalId + "' is not the caller.");
    }
  }

  /** Graph's identitySet for the requester, nulls included. */
  static JsonObject createdBy(GraphCaller caller) {
    JsonObject by = new JsonObject().putNull("application").putNull("device").putNull("user");
    if (caller.delegated()) {
      by.put("user", new JsonObject().putNull("displayName").put("id", caller.userId()));
    } else {
      by.put("application", new JsonObject().putNull("displayName").put("id", caller.appId()));
    }
    return by;
  }

  static JsonObject ticketInfo(JsonObject body) {
    JsonObject in = body.getValue("ticketInfo") instanceof JsonObject t ? t : new JsonObject();
    return new JsonObject().put("ticketNumber", in.getValue("ticketNumber") == null ? null
        : String.valueOf(in.getValue("ticketNumber"))).put("ticketSystem", in.getValue("ticketSystem") == null ? null
        : String.valueOf(in.getValue("ticketSystem")));
  }

  static String justification(JsonObject body) {
    Object v = body.getValue("justification");
    return v == null ? null : String.valueOf(v);
  }
}
