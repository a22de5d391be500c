package io.sallyport.gateway.entra.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the verifier accepts.
 *
 * @param authority        https://login.microsoftonline.com, or devtenant's base URL; v2 issuers
 *                         are {@code {authority}/{tid}/v2.0}
 * @param tenantId         the tenant whose metadata and keys are fetched
 * @param allowedTenants   {@code tid}s let in (lower case); the configured tenant by default
 * @param audiences        accepted {@code aud} values: the client id and the App ID URIs
 * @param algorithms       accepted JWS {@code alg}s; RS256 only by default, never {@code none}/HS*
 * @param leeway           clock skew allowed on {@code exp} and {@code nbf}
 * @param maxTokenLength   longer tokens are refused before any parsing or hashing (characters)
 * @param refetchInterval  at most one JWKS refetch per this interval on an unknown {@code kid}
 * @param refreshInterval  keys are refetched in the background once older than this
 * @param fetchTimeout     bound on one discovery or JWKS request
 */
public record VerifierOptions(URI authority, String tenantId, Set<String> allowedTenants, Set<String> audiences,
                              Set<String> algorithms, Duration leeway, int maxTokenLength,
                              Duration refetchInterval, Duration refreshInterval, Duration fetchTimeout) {

  public static final int DEFAULT_MAX_TOKEN_LENGTH = 16 * 1024;

  public VerifierOptions {
    String a = authority.toString();
    // "{authority}/{tid}/v2.0" must come out with exactly one slash whatever the configuration had
    authority = URI.create(a.endsWith("/") ? a.substring(0, a.length() - 1) : a);
    tenantId = tenantId.toLowerCase(Locale.ROOT);
    allowedTenants = allowedTenants.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    audiences = Set.copyOf(audiences);
    algorithms = Set.copyOf(algorithms);
    if (audiences.isEmpty()) {
      throw new IllegalArgumentException("at least one audience is required: a verifier without one accepts any API's token");
    }
    for (String alg : algorithms) {
      if (!Signatures.supported(alg)) {
        throw new IllegalArgumentException("algorithm \"" + alg + "\" is not supported; expected RS256, RS384 or RS512");
      }
    }
  }

  /** Defaults: the configured tenant only, RS256, 60 s leeway, 16 KiB, one refetch per 10 s, 24 h refresh. */
  public static VerifierOptions of(URI authority, String tenantId, Collection<String> audiences) {
    return new VerifierOptions(authority, tenantId, Set.of(tenantId), Set.copyOf(audiences), Set.of("RS256"),
        Duration.ofSeconds(60), DEFAULT_MAX_TOKEN_LENGTH, Duration.ofSeconds(10), Duration.ofHours(24),
        Duration.ofSeconds(10));
  }

  public VerifierOptions withAllowedTenants(Collection<String> tenants) {
    return new VerifierOptions(authority, tenantId, Set.copyOf(tenants), audiences, algorithms, leeway,
        maxTokenLength, refetchInterval, refreshInterval, fetchTimeout);
  }

  public VerifierOptions withRefetchInterval(Duration interval) {
    return new VerifierOptions(authority, tenantId, allowedTenants, audiences, algorithms, leeway,
        maxTokenLength, interval, refreshInterval, fetchTimeout);
  }

  public VerifierOptions withFetchTimeout(Duration timeout) {
    return new VerifierOptions(authority, tenantId, allowedTenants, audiences, algorithms, leeway,
        maxTokenLength, refetchInterval, refreshInterval, timeout);
  }

  /** The v2 issuer of a tenant at this authority. */
  String issuerV2(String tid) {
    return authority + "/" + tid + "/v2.0";
  }
}
