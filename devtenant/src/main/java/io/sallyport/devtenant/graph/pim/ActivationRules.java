package io.sallyport.devtenant.graph.pim;

import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The role-setting rules PIM checks on a self-activation, for directory roles and PIM for Groups
 * alike. Failures come back as PIM does: HTTP 400 {@code RoleAssignmentRequestPolicyValidationFailed}
 * naming every failed rule, or {@code RoleAssignmentRequestAcrsValidationFailed} with the claims
 * request the client must send to Entra when the setting requires an authentication context.
 */
final class ActivationRules {

  static final String POLICY_FAILED = "RoleAssignmentRequestPolicyValidationFailed";
  static final String ACRS_FAILED = "RoleAssignmentRequestAcrsValidationFailed";

  private ActivationRules() {}

  /** Fails unless {@code caller}'s Graph token and the request body satisfy {@code policy}. */
  static void enforce(ActivationPolicy policy, GraphCaller caller, JsonObject body, ScheduleInfo schedule,
      Instant start) {
    if (policy.authContext() != null && !caller.acrs().contains(policy.authContext())) {
      throw new GraphError(400, ACRS_FAILED, "The Role assignment request failed the authentication context "
          + "validation. Acquire a token with the required claims and retry: &claims="
          + claimsRequest(policy.authContext()));
    }
    List<String> failed = new ArrayList<>();
    // PIM offers MFA or an authentication context on activation, not both: the context replaces the MFA rule.
    if (policy.requireMfa() && policy.authContext() == null && !caller.mfa()) {
      failed.add("MfaRule");
    }
    if (policy.requireJustification() && blank(body.getValue("justification"))) {
      failed.add("JustificationRule");
    }
    if (policy.requireTicket() && !hasTicket(body)) {
      failed.add("TicketingRule");
    }
    Duration length = schedule.length(start, policy.maxActivation());
    if (length == null || length.compareTo(policy.maxActivation()) > 0) {
      failed.add("ExpirationRule");
    }
    if (!failed.isEmpty()) {
      throw policyFailed(failed);
    }
  }

  static GraphError policyFailed(List<String> rules) {
    return new GraphError(400, POLICY_FAILED, "The following policy rules failed: " + new JsonArray(rules).encode());
  }

  /**
   * The claims request exactly as PIM writes it into its message: URL-encoded JSON with a space after
   * the comma ({@code %2C%20}), as seen in real responses.
   */
  static String claimsRequest(String authContext) {
    String json = "{\"access_token\":{\"acrs\":{\"essential\":true, \"value\":\"" + authContext + "\"}}}";
    return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static boolean hasTicket(JsonObject body) {
    return body.getValue("ticketInfo") instanceof JsonObject t && !blank(t.getValue("ticketNumber"));
  }

  private static boolean blank(Object v) {
    return v == null || String.valueOf(v).isBlank();
  }
}
