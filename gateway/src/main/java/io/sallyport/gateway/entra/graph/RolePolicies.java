package io.sallyport.gateway.entra.graph;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * What a role's (or a group's membership's) PIM settings ask of an activation, read from Graph's
 * {@code roleManagementPolicyAssignments} with the policy's rules, so the activation form can say
 * the maximum duration and which fields are required before the user submits, instead of after
 * Graph refuses. Settings change rarely: cached ten minutes per role, one Graph call per key at a
 * time. Only a hint: Graph still judges each request, and when the settings cannot be read the form
 * falls back to its own bounds.
 */
public final class RolePolicies {

  static final String OPERATION = "pim.policy";
  static final Duration KEEP = Duration.ofMinutes(10);

  /**
   * @param maxActivation  the longest activation allowed; null when the policy sets none
   * @param justification  a justification is required
   * @param ticket         a ticket number is required
   * @param mfa            the activation needs a sign-in with MFA
   * @param approval       an approver must decide first
   * @param authContext    the Conditional Access authentication context the activation needs, or null
   */
  public record Rules(Duration maxActivation, boolean justification, boolean ticket, boolean mfa, boolean approval,
                      String authContext) {}

  /** What is cached when Graph would not say: a refusal (no permission) lasts, so it is not asked per page view. */
  private static final Rules UNKNOWN = new Rules(null, false, false, false, false, null);
  static final Duration KEEP_UNKNOWN = Duration.ofMinutes(1);

  private final AsyncCache<String, Rules> cache = Caffeine.newBuilder()
      .expireAfter(com.github.benmanes.caffeine.cache.Expiry.<String, Rules>creating((k, v) -> v == UNKNOWN
          ? KEEP_UNKNOWN : KEEP))
      .maximumSize(10_000).executor(Runnable::run).buildAsync();

  /**
   * The rules for a directory role ({@code group} false: {@code id} a role definition id) or a PIM
   * for Groups membership ({@code id} the group id, {@code access} member or owner). Null when Graph
   * cannot say (the Graph client logs why); that answer is kept {@link #KEEP_UNKNOWN}.
   */
  public Future<Rules> of(GraphClient graph, String tenantId, boolean group, String id, String access) {
    // the tenant is part of the key: a reload that points the gateway at another tenant asks again
    String key = (tenantId + (group ? "|g|" + id + "|" + access : "|r|" + id)).toLowerCase(Locale.ROOT);
    CompletableFuture<Rules> f = cache.get(key, (k, e) -> {
      Future<List<JsonObject>> listed;
      try {
        listed = graph.list(OPERATION, path(group, id, access));
      } catch (GraphUnavailable bad) {
        listed = Future.failedFuture(bad);
      }
      return listed.map(RolePolicies::parse).otherwise(UNKNOWN).toCompletionStage().toCompletableFuture();
    });
    io.vertx.core.Context ctx = io.vertx.core.Vertx.currentContext();
    Future<Rules> rules = ctx == null ? Future.fromCompletionStage(f) : Future.fromCompletionStage(f, ctx);
    return rules.map(r -> r == UNKNOWN ? null : r);
  }

  static String path(boolean group, String id, String access) {
    if (!TransitiveGroups.GUID.matcher(id).matches() || group && !("member".equals(access) || "owner".equals(access))) {
      throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "not a role or group id: " + id);
    }
    String filter = group
        ? "scopeId eq '" + id + "' and scopeType eq 'Group' and roleDefinitionId eq '" + access + "'"
        : "scopeId eq '/' and scopeType eq 'DirectoryRole' and roleDefinitionId eq '" + id + "'";
    return "/v1.0/policies/roleManagementPolicyAssignments?$filter="
        + filter.replace(" ", "%20").replace("'", "%27").replace("/", "%2F") + "&$expand=policy($expand=rules)";
  }

  /** The end-user assignment rules of the first assignment; a missing rule means it asks nothing. */
  static Rules parse(List<JsonObject> items) {
    if (items.isEmpty() || !(items.get(0).getValue("policy") instanceof JsonObject policy)
        || !(policy.getValue("rules") instanceof JsonArray rules)) {
      throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "no role management policy with its rules");
    }
    Duration max = null;
    boolean justification = false;
    boolean ticket = false;
    boolean mfa = false;
    boolean approval = false;
    String acr = null;
    for (Object o : rules) {
      if (!(o instanceof JsonObject r) || r.getString("id") == null) {
        continue;
      }
      switch (r.getString("id")) {
        case "Expiration_EndUser_Assignment" -> max = duration(r.getValue("maximumDuration"));
        case "Enablement_EndUser_Assignment" -> {
          JsonArray enabled = r.getValue("enabledRules") instanceof JsonArray a ? a : new JsonArray();
          justification = enabled.contains("Justification");
          ticket = enabled.contains("Ticketing");
          mfa = enabled.contains("MultiFactorAuthentication");
        }
        case "Approval_EndUser_Assignment" -> approval = r.getValue("setting") instanceof JsonObject s
            && Boolean.TRUE.equals(s.getValue("isApprovalRequired"));
        case "AuthenticationContext_EndUser_Assignment" -> acr = Boolean.TRUE.equals(r.getValue("isEnabled"))
            && r.getValue("claimValue") instanceof String c && !c.isBlank() ? c : null;
        default -> { }
      }
    }
    return new Rules(max, justification, ticket, mfa, approval, acr);
  }

  /** ISO 8601 as Graph writes it (PT8H, P1D); anything else is treated as no maximum rather than a failure. */
  private static Duration duration(Object v) {
    if (!(v instanceof String s) || s.isBlank()) {
      return null;
    }
    try {
      Duration d = Duration.parse(s);
      return d.isNegative() || d.isZero() ? null : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
