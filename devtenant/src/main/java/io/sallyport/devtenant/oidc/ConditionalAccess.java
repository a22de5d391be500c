package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.state.Acceptance;
import io.sallyport.devtenant.state.TenantState;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Conditional Access as devtenant enforces it at sign-in, read from the tenant's policies in Graph's
 * JSON (so a policy changed through Graph takes effect at the next sign-in). A policy applies when
 * it is enabled, its users condition includes the user, and either it targets one of the requested
 * auth contexts, or (with no auth contexts) it targets the client or the resource app (or All), or
 * an earlier challenge named it ({@code polids}). Its grant controls are all required: mfa, the
 * listed terms of use, or block.
 */
final class ConditionalAccess {

  private final TenantState state;

  ConditionalAccess(TenantState state) {
    this.state = state;
  }

  /** What the sign-in must satisfy. */
  record Requirements(boolean mfa, boolean blocked, Set<String> terms, List<String> appPolicyIds,
      List<String> contextPolicyIds) {

    /** Agreement ids the user has no acceptance for that is valid at {@code now}. */
    List<String> pendingTerms(TenantState state, String userId, Instant now) {
      return terms.stream().filter(a -> state.acceptances.find(Acceptance.idFor(a, userId))
          .map(x -> !x.validAt(now)).orElse(true)).toList();
    }

    /** True if a sign-in with (or without) MFA meets everything without any further interaction. */
    boolean metBy(boolean mfaDone, TenantState state, String userId, Instant now) {
      return !blocked && (!mfa || mfaDone) && pendingTerms(state, userId, now).isEmpty();
    }
  }

  Requirements evaluate(User user, String clientAppId, String resourceAppId, List<String> acrs,
      List<String> policyIds) {
    boolean mfa = state.info().mfaForEveryone();
    boolean blocked = false;
    Set<String> terms = new LinkedHashSet<>();
    List<String> appPolicies = new ArrayList<>();
    List<String> contextPolicies = new ArrayList<>();
    for (JsonObject p : state.policies.all()) {
      if (!"enabled".equals(p.getString("state")) || !includesUser(p, user)) {
        continue;
      }
      JsonObject apps = conditions(p).getJsonObject("applications", new JsonObject());
      List<String> contexts = strings(apps, "includeAuthenticationContextClassReferences");
      boolean named = policyIds.contains(p.getString("id"));
      boolean byContext = contexts.stream().anyMatch(acrs::contains);
      boolean byApp = contexts.isEmpty() && targetsApp(apps, clientAppId, resourceAppId);
      if (!named && !byContext && !byApp) {
        continue;
      }
      (byContext ? contextPolicies : appPolicies).add(p.getString("id"));
      JsonObject grant = p.getJsonObject("grantControls", new JsonObject());
      List<String> controls = strings(grant, "builtInControls");
      mfa |= controls.contains("mfa");
      blocked |= controls.contains("block");
      terms.addAll(strings(grant, "termsOfUse"));
    }
    return new Requirements(mfa, blocked, terms, appPolicies, contextPolicies);
  }

  private static JsonObject conditions(JsonObject p) {
    return p.getJsonObject("conditions", new JsonObject());
  }

  private static boolean targetsApp(JsonObject apps, String clientAppId, String resourceAppId) {
    List<String> include = strings(apps, "includeApplications");
    List<String> exclude = strings(apps, "excludeApplications");
    boolean in = include.contains("All") || contains(include, clientAppId) || contains(include, resourceAppId);
    return in && !contains(exclude, clientAppId) && !contains(exclude, resourceAppId);
  }

  private boolean includesUser(JsonObject p, User user) {
    JsonObject users = conditions(p).getJsonObject("users", new JsonObject());
    List<String> groups = state.transitiveGroups(user.id());
    boolean in = strings(users, "includeUsers").contains("All") || contains(strings(users, "includeUsers"), user.id())
        || strings(users, "includeGroups").stream().anyMatch(g -> contains(groups, g));
    boolean out = contains(strings(users, "excludeUsers"), user.id())
        || strings(users, "excludeGroups").stream().anyMatch(g -> contains(groups, g));
    return in && !out;
  }

  private static boolean contains(List<String> list, String value) {
    return value != null && list.stream().anyMatch(v -> v.equalsIgnoreCase(value));
  }

  private static List<String> strings(JsonObject o, String key) {
    JsonArray a = o.getValue(key) instanceof JsonArray arr ? arr : new JsonArray();
    return a.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }
}
