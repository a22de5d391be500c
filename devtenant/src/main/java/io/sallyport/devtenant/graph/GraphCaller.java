package io.sallyport.devtenant.graph;

import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonArray;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling Graph, from a verified token: a signed-in user through an app (delegated, with
 * {@code scp}) or an app alone (application permissions in {@code roles}). Handlers check the
 * permissions an endpoint documents with {@link #requireAny}, and delegated-only endpoints with
 * {@link #requireUser}.
 */
public record GraphCaller(Jwt token, String appId, String userId, Set<String> scopes, Set<String> roles,
    List<String> amr, List<String> acrs) {

  static final String KEY = "devtenant.graph.caller";

  /** The caller {@link GraphAuth} verified for this request. */
  public static GraphCaller from(io.vertx.ext.web.RoutingContext rc) {
    return rc.get(KEY);
  }

  public static GraphCaller of(Jwt jwt) {
    String scp = jwt.string("scp");
    Set<String> scopes = scp == null ? Set.of()
        : Arrays.stream(scp.split(" ")).filter(s -> !s.isBlank()).map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    Set<String> roles = strings(jwt, "roles").stream().map(s -> s.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    String app = jwt.string("appid") != null ? jwt.string("appid") : jwt.string("azp");
    String user = scp == null ? null : jwt.string("oid");
    return new GraphCaller(jwt, app, user, scopes, roles, strings(jwt, "amr"), strings(jwt, "acrs"));
  }

  private static List<String> strings(Jwt jwt, String claim) {
    if (jwt.claims().getValue(claim) instanceof JsonArray a) {
      return a.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  public boolean delegated() {
    return userId != null;
  }

  public boolean mfa() {
    return amr.contains("mfa");
  }

  /** The signed-in user's id; Graph refuses app-only tokens on /me and delegated-only APIs. */
  public String requireUser() {
    if (userId == null) {
      throw new GraphError(400, "BadRequest",
          "/me request is only valid with delegated authentication flow.");
    }
    return userId;
  }

  /**
   * Passes if the token holds any of the permissions (delegated scopes for user tokens, app roles
   * for app-only tokens); otherwise Graph's 403.
   */
  public void requireAny(String... permissions) {
    Set<String> held = delegated() ? scopes : roles;
    for (String p : permissions) {
      if (held.contains(p.toLowerCase(Locale.ROOT))) {
        return;
      }
    }
    throw GraphError.forbidden();
  }

  /** For APIs Microsoft documents as "Application: Not supported". */
  public void requireDelegated(String... permissions) {
    if (!delegated()) {
      throw GraphError.forbidden();
    }
    requireAny(permissions);
  }
}
