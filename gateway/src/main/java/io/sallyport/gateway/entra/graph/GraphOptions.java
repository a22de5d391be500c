package io.sallyport.gateway.entra.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the Graph client needs: where Graph and the tenant's token endpoint are, the app's
 * credentials, and the bounds every call and cache keeps.
 *
 * @param graphUrl      service root without the version (https://graph.microsoft.com, devtenant's base URL)
 * @param authority     https://login.microsoftonline.com or devtenant's base URL; msal4j's OIDC
 *                      authority is {@code {authority}/{tenantId}/v2.0}
 * @param caPem         PEM certificates to trust for the token endpoint and Graph; null for the JVM's
 * @param callTimeout   bound on one HTTP request (Graph or token endpoint)
 * @param checkTimeout  the longest a caller waits for a fact before it is told "unavailable"
 * @param groupsTtl     how long a fetched membership is used
 * @param refreshAhead  refresh in the background this long before {@code groupsTtl} ends
 * @param staleIfError  how long past {@code groupsTtl} a membership may serve while Graph fails; zero: never
 * @param maxRetries    retries after 429/503/504, a timeout or a dropped connection
 * @param pageSize      {@code $top} of list calls (Graph allows 1–999)
 * @param maxGroupIds   group ids cached at once, over all users (a user weighs one plus their groups)
 * @param pimRefresh    the longest a user's PIM assignments are used before Graph is asked again
 */
public record GraphOptions(URI graphUrl, URI authority, String tenantId, String clientId, String clientSecret,
                           String caPem, Duration callTimeout, Duration checkTimeout, Duration groupsTtl,
                           Duration refreshAhead, Duration staleIfError, int maxRetries, int pageSize,
                           long maxGroupIds, Duration pimRefresh) {

  /** Client credentials ask for the resource's {@code /.default}; devtenant answers the same scope. */
  public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
  public static final int DEFAULT_PAGE_SIZE = 999;
  public static final long DEFAULT_MAX_GROUP_IDS = 1_000_000;

  /** With the default PIM refresh (60 s). */
  public GraphOptions(URI graphUrl, URI authority, String tenantId, String clientId, String clientSecret,
                      String caPem, Duration callTimeout, Duration checkTimeout, Duration groupsTtl,
                      Duration refreshAhead, Duration staleIfError, int maxRetries, int pageSize, long maxGroupIds) {
    this(graphUrl, authority, tenantId, clientId, clientSecret, caPem, callTimeout, checkTimeout, groupsTtl,
        refreshAhead, staleIfError, maxRetries, pageSize, maxGroupIds, Duration.ofSeconds(60));
  }

  public GraphOptions {
    Objects.requireNonNull(pimRefresh, "pimRefresh");
    Objects.requireNonNull(graphUrl, "graphUrl");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(clientSecret, "clientSecret");
    graphUrl = trimSlash(graphUrl);
    authority = trimSlash(authority);
    if (refreshAhead.compareTo(groupsTtl) >= 0) {
      throw new IllegalArgumentException("refreshAhead must be shorter than groupsTtl");
    }
    if (pageSize < 1 || pageSize > 999) {
      throw new IllegalArgumentException("pageSize must be 1..999, got " + pageSize);
    }
  }

  /** The issuer of the tenant's v2 discovery document: msal4j's cache only hits with exactly this. */
  public String oidcAuthority() {
    return authority + "/" + tenantId + "/v2.0";
  }

  public GraphOptions withPageSize(int size) {
    return new GraphOptions(graphUrl, authority, tenantId, clientId, clientSecret, caPem, callTimeout, checkTimeout,
        groupsTtl, refreshAhead, staleIfError, maxRetries, size, maxGroupIds, pimRefresh);
  }

  /** The secret never reaches a log. */
  @Override
  public String toString() {
    return "GraphOptions[graphUrl=" + graphUrl + ", authority=" + authority + ", tenantId=" + tenantId
        + ", clientId=" + clientId + ", callTimeout=" + callTimeout + ", checkTimeout=" + checkTimeout
        + ", groupsTtl=" + groupsTtl + ", refreshAhead=" + refreshAhead + ", staleIfError=" + staleIfError
        + ", maxRetries=" + maxRetries + ", pimRefresh=" + pimRefresh + "]";
  }

  private static URI trimSlash(URI u) {
    String s = u.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
  }
}
