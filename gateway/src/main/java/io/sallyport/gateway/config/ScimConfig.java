package io.sallyport.gateway.config;

import java.util.List;

/**
 * The SCIM 2.0 endpoint Entra provisioning pushes users and groups into, served on the public
 * listener under {@code basePath}. Reloads live: new tokens apply to the next request.
 *
 * @param enabled       off by default: an endpoint that writes the directory must be asked for
 * @param basePath      starts with "/", no trailing slash; every request under it is SCIM's and is
 *                      never proxied
 * @param tokenDigests  SHA-256 of each accepted bearer token, lower-case hex; the plaintext never
 *                      leaves the loader. Several at once, so a token can be rotated without a gap
 * @param maxBodySize   larger request bodies get 413 (bytes)
 * @param maxPageSize   the most resources one listing returns
 * @param entra         also accept Entra client-credentials tokens; null when not configured
 */
public record ScimConfig(boolean enabled, String basePath, List<String> tokenDigests, int maxBodySize,
                         int maxPageSize, ScimEntraConfig entra) {

  public static final String DEFAULT_BASE_PATH = "/scim/v2";
  public static final int DEFAULT_MAX_BODY_SIZE = 1 << 20;
  public static final int DEFAULT_MAX_PAGE_SIZE = 1000;

  public ScimConfig {
    tokenDigests = List.copyOf(tokenDigests);
  }

  /** Static tokens only. */
  public ScimConfig(boolean enabled, String basePath, List<String> tokenDigests, int maxBodySize, int maxPageSize) {
    this(enabled, basePath, tokenDigests, maxBodySize, maxPageSize, null);
  }

  /** What an absent {@code scim:} section means. */
  public static ScimConfig disabled() {
    return new ScimConfig(false, DEFAULT_BASE_PATH, List.of(), DEFAULT_MAX_BODY_SIZE, DEFAULT_MAX_PAGE_SIZE);
  }

  /** Digests are not the tokens, but they are what an attacker would grind against: never shown. */
  @Override
  public String toString() {
    return "ScimConfig[enabled=" + enabled + ", basePath=" + basePath + ", tokens=" + tokenDigests.size()
        + ", maxBodySize=" + maxBodySize + ", maxPageSize=" + maxPageSize + ", entra=" + entra + "]";
  }
}
