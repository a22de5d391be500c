package io.sallyport.devtenant.provisioning;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and how to provision: the SCIM base URL exactly as an admin types Entra's "Tenant URL"
 * (its query string, e.g. {@code ?aadOptscim062020}, is kept on every request and the flag switches
 * to Entra's compliant PATCH forms), the static bearer token, the cycle interval (zero: only on
 * command), an optional PEM CA file that replaces the default trust for https, and how many
 * requests may be in flight at once.
 */
public record ProvisioningConfig(String scimUrl, String token, Duration interval, String caFile, int concurrency) {

  public static final int DEFAULT_CONCURRENCY = 4;

  public ProvisioningConfig {
    if (scimUrl == null || scimUrl.isBlank()) {
      throw new IllegalArgumentException("\"scim-url\" is required, e.g. https://localhost:8443/scim/v2");
    }
    URI uri;
    try {
      uri = new URI(scimUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("\"scim-url\" is not a URL: \"" + scimUrl + "\"");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("\"scim-url\" must be an absolute http or https URL, got \"" + scimUrl + "\"");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("\"token\" is required: the secret token sent as Authorization: Bearer");
    }
    interval = interval == null ? Duration.ZERO : interval;
    if (interval.isNegative() || (!interval.isZero() && interval.compareTo(Duration.ofSeconds(1)) < 0)) {
      throw new IllegalArgumentException("\"interval\" must be zero (on command only) or at least PT1S, got " + interval);
    }
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("\"concurrency\" must be between 1 and 64, got " + concurrency);
    }
  }

  /** True when the Tenant URL carries Entra's aadOptscim062020 flag (SCIM-compliant PATCH forms). */
  public boolean compliantPatches() {
    String q = URI.create(scimUrl).getRawQuery();
    return q != null && q.toLowerCase(Locale.ROOT).contains("aadoptscim062020");
  }

  /** The URL of {@code resource} (e.g. /Users) with the Tenant URL's own query first, then {@code query}. */
  public String url(String resource, String query) {
    URI uri = URI.create(scimUrl);
    String base = scimUrl;
    int q = base.indexOf('?');
    if (q >= 0) {
      base = base.substring(0, q);
    }
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String own = uri.getRawQuery();
    String all = own == null || own.isEmpty() ? query : query == null ? own : own + "&" + query;
    return base + resource + (all == null || all.isEmpty() ? "" : "?" + all);
  }

  /** The configuration without the secret token. */
  public JsonObject toJson() {
    return new JsonObject().put("scim-url", scimUrl).put("token-set", true).put("interval", interval.toString())
        .put("ca-file", caFile).put("concurrency", concurrency).put("compliant-patches", compliantPatches());
  }
}
