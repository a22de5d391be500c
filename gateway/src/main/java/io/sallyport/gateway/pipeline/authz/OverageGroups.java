package io.sallyport.gateway.pipeline.authz;

import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.entra.graph.GraphUnavailable;
import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.pipeline.Reason;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step before the checks for a token in the groups-overage form ({@code _claim_names} instead
 * of {@code groups}) on a route that requires groups: the user's transitive membership comes from
 * Graph (cached), and the checks then see it as the token's groups. A missing {@code groups} claim
 * never means "no groups": without Graph, or when Graph cannot answer within the check timeout,
 * the request is denied with {@value GroupCheck#UNAVAILABLE} (fail closed).
 */
public final class OverageGroups {

  private static final Logger LOG = LoggerFactory.getLogger(OverageGroups.class);

  private final TenantGraph graph;

  /** @param graph  null when the gateway has no Graph client (the group check then says unavailable) */
  public OverageGroups(TenantGraph graph) {
    this.graph = graph;
  }

  public static OverageGroups none() {
    return new OverageGroups(null);
  }

  /** True when the token's groups must come from Graph before this route's checks can run. */
  public boolean applies(VerifiedToken token, RequireConfig require) {
    return token.groupsOverage() && !require.groups().isEmpty() && current(token) != null;
  }

  /** The token with its groups from Graph; fails with {@link GraphUnavailable}. Call only when {@link #applies}. */
  public Future<VerifiedToken> resolve(VerifiedToken token) {
    TenantGraph.Current g = current(token);
    if (g == null) {
      return Future.succeededFuture(token);
    }
    return g.groups().transitiveGroupIds(token.oid()).map(token::withResolvedGroups);
  }

  /** Why the membership is unknown: the caller answers 503 with this reason. */
  public static Reason unavailable(Throwable cause) {
    String kind = cause instanceof GraphUnavailable g ? g.kind() : "error";
    // per request, so debug: the Graph client logs the failure itself once per call, metrics count it
    LOG.debug("group membership unavailable ({}): {}", kind, cause.getMessage());
    return Reason.of(GroupCheck.UNAVAILABLE, "The token leaves the groups out (the user is in too many groups"
        + " for a token) and Microsoft Graph could not say which groups the user is in right now; try again"
        + " shortly.");
  }

  /** The Graph client of the token's own tenant, for a user token with an oid; null otherwise. */
  private TenantGraph.Current current(VerifiedToken token) {
    TenantGraph.Current g = graph == null ? null : graph.current();
    if (g == null || token.oid() == null || token.appOnly() || !g.options().tenantId().equals(token.tenantId())) {
      return null;
    }
    return g;
  }
}
