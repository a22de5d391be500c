package io.sallyport.gateway.entra.graph;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PIM {@code selfActivate} made as the signed-in user: an on-behalf-of token for Graph, then
 * {@code POST roleAssignmentScheduleRequests} (or PIM for Groups' {@code assignmentScheduleRequests}),
 * its answer read into an {@link Outcome}. Graph's documented refusals become what the person can do
 * about them: sign in with an auth context, sign in with MFA, wait for approval, or fix the form.
 * The request goes through the Graph SDK's typed models on a worker pool ({@link SdkWrites}).
 */
public final class PimActivation {

  private static final Pattern CLAIMS = Pattern.compile("[?&]claims=([^&\\s\"]+)");
  private static final Pattern ACRS = Pattern.compile("\"acrs\"\\s*:\\s*\\{[^}]*\"value\"\\s*:\\s*\"(c[0-9]{1,2})\"");
  private static final Pattern RULES = Pattern.compile("\"([A-Za-z]+Rule)\"");

  /**
   * What to activate and why.
   *
   * @param group      true for PIM for Groups ({@code target} a group id, {@code qualifier} member/owner);
   *                   false for a role ({@code target} the role definition id, {@code qualifier} the scope)
   */
  public record Request(boolean group, String principalId, String target, String qualifier, String justification,
                        Duration duration, String ticketNumber, String ticketSystem) {}

  /** How it went. */
  public sealed interface Outcome {}

  /** Graph accepted it ({@code Granted}, {@code Provisioned}, or a status on the way there). */
  public record Accepted(String requestId, String status) implements Outcome {}

  /** An approver must decide first. */
  public record Pending(String requestId) implements Outcome {}

  /** The role's policy wants an auth context in the Graph token: sign in with {@code acr}, then retry. */
  public record NeedsAuthContext(String acr) implements Outcome {}

  /** Policy rules failed ({@code MfaRule}, {@code JustificationRule}, {@code TicketingRule}, {@code ExpirationRule}...). */
  public record RulesFailed(java.util.List<String> rules, String message) implements Outcome {}

  /** Any other refusal, with Graph's code and message. */
  public record Refused(int status, String code, String message) implements Outcome {}

  private final GraphClient graph;
  private final OboTokens obo;

  public PimActivation(GraphClient graph, OboTokens obo) {
    this.graph = graph;
    this.obo = obo;
  }

  /**
   * @param userToken  the user's access token for Sallyport (the on-behalf-of assertion)
   * @param claims     a claims request the Graph token must satisfy (after a step-up), or null
   */
  public Future<Outcome> activate(Request r, String userToken, java.time.Instant userTokenExpiry, String claims) {
    return obo.token(userToken, userTokenExpiry, GraphOptions.GRAPH_SCOPE, claims)
        .compose(token -> graph.selfActivate(r.group() ? "pim.groups.activate" : "pim.roles.activate", r, token))
        .map(PimActivation::outcome);
  }

  static Outcome outcome(GraphClient.Reply reply) {
    if (reply.status() == 201 || reply.status() == 200) {
      String status = reply.body().getString("status", "");
      String id = reply.body().getString("id");
      if (status.equalsIgnoreCase("PendingApproval") || status.equalsIgnoreCase("PendingAdminDecision")) {
        return new Pending(id);
      }
      // a request Graph took but ended without granting (docs' request status values)
      if (List.of("failed", "denied", "canceled", "revoked").contains(status.toLowerCase(Locale.ROOT))) {
        return new Refused(reply.status(), status, "the activation request ended as " + status);
      }
      return new Accepted(id, status);
    }
    String code = reply.errorCode() == null ? "" : reply.errorCode();
    String message = reply.errorMessage();
    if (code.equals("RoleAssignmentRequestAcrsValidationFailed")) {
      String acr = acr(message);
      return acr != null ? new NeedsAuthContext(acr) : new Refused(reply.status(), code, message);
    }
    if (code.equals("RoleAssignmentRequestPolicyValidationFailed")) {
      java.util.List<String> rules = new java.util.ArrayList<>();
      Matcher m = RULES.matcher(message);
      while (m.find()) {
        rules.add(m.group(1));
      }
      return new RulesFailed(rules, message);
    }
    return new Refused(reply.status(), code, message);
  }

  /** The auth context Graph's claims challenge asks for ({@code &claims=} URL-encoded JSON in the message). */
  static String acr(String message) {
    Matcher m = CLAIMS.matcher(message);
    if (!m.find()) {
      return null;
    }
    String json;
    try {
      json = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return acrOfClaims(json);
  }

  /** The auth context a claims request (JSON) asks for, or null. */
  public static String acrOfClaims(String json) {
    Matcher a = ACRS.matcher(json);
    return a.find() ? a.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** The claims request for an auth context, as the OBO token request sends it. */
  public static String acrsClaims(String acr) {
    return "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"" + acr + "\"}}}";
  }
}
