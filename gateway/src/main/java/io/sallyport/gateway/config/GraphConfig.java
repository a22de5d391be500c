package io.sallyport.gateway.config;

import java.time.Duration;

/**
 * {@code graph:}: how Sallyport asks Microsoft Graph for per-user facts (today: transitive group
 * membership for tokens in the groups-overage form). Used only when the tenant has a client secret.
 *
 * @param callTimeout   bound on one HTTP request to Graph (or the token endpoint)
 * @param checkTimeout  the longest a request waits for a Graph fact; past it the check denies with
 *                      {@code *.unavailable} while the lookup goes on in the background
 * @param groupsTtl     how long a user's fetched group membership is used
 * @param refreshAhead  how long before {@code groupsTtl} ends a request triggers a background refresh
 *                      (the request itself is served from the cache)
 * @param staleIfError  how long past {@code groupsTtl} a membership may still be used while Graph is
 *                      failing; zero (the default) means never: fail closed
 * @param maxRetries    retries of one call after 429, 503 or 504 (honouring Retry-After)
 * @param pimRefresh    the longest a user's cached PIM assignments are used before Graph is asked again
 *                      (an ended assignment stops granting access within this bound)
 */
public record GraphConfig(Duration callTimeout, Duration checkTimeout, Duration groupsTtl, Duration refreshAhead,
                          Duration staleIfError, int maxRetries, Duration pimRefresh) {

  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration GROUPS_TTL = Duration.ofMinutes(5);
  public static final Duration REFRESH_AHEAD = Duration.ofMinutes(1);
  public static final int MAX_RETRIES = 2;
  public static final Duration PIM_REFRESH = Duration.ofSeconds(60);

  /** With the default PIM refresh. */
  public GraphConfig(Duration callTimeout, Duration checkTimeout, Duration groupsTtl, Duration refreshAhead,
                     Duration staleIfError, int maxRetries) {
    this(callTimeout, checkTimeout, groupsTtl, refreshAhead, staleIfError, maxRetries, PIM_REFRESH);
  }

  /** What an absent {@code graph:} section means. */
  public static GraphConfig defaults() {
    return new GraphConfig(CALL_TIMEOUT, CHECK_TIMEOUT, GROUPS_TTL, REFRESH_AHEAD, Duration.ZERO, MAX_RETRIES);
  }
}
