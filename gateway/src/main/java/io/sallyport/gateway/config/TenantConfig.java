package io.sallyport.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The Entra ID tenant Sallyport signs users in with. Sign-in itself arrives with the identity
 * work; the foundation only validates and carries these values.
 *
 * @param id            tenant GUID
 * @param authority     https://login.microsoftonline.com, or the devtenant's URL in the demo
 * @param clientSecret  resolved secret value; never logged (see {@link #toString()})
 * @param caFile        PEM certificates to trust when fetching the tenant's metadata and keys (a
 *                      private CA, the devtenant); null for the JVM's trust store
 * @param caPem         that file's content, read when the configuration is loaded (off the event
 *                      loop, like every config read), so a reload never reads a file on an event loop
 * @param audiences     the {@code aud} values accepted on bearer-protected routes; by default the
 *                      client id and {@code api://{client id}} (what Entra issues for an app whose
 *                      App ID URI was left at its suggested value)
 * @param graphUrl      Microsoft Graph's service root without the version (https://graph.microsoft.com,
 *                      or the devtenant's base URL); calls go to {@code {graphUrl}/v1.0/...}
 */
public record TenantConfig(String id, URI authority, String clientId, String clientSecret, Path caFile,
                           String caPem, List<String> audiences, URI graphUrl) {

  public static final URI DEFAULT_GRAPH_URL = URI.create("https://graph.microsoft.com");

  public TenantConfig {
    audiences = audiences == null || audiences.isEmpty() ? defaultAudiences(clientId) : List.copyOf(audiences);
    graphUrl = graphUrl == null ? DEFAULT_GRAPH_URL : graphUrl;
  }

  public TenantConfig(String id, URI authority, String clientId, String clientSecret, Path caFile,
                      String caPem, List<String> audiences) {
    this(id, authority, clientId, clientSecret, caFile, caPem, audiences, null);
  }

  public TenantConfig(String id, URI authority, String clientId, String clientSecret, Path caFile, String caPem) {
    this(id, authority, clientId, clientSecret, caFile, caPem, null);
  }

  public TenantConfig(String id, URI authority, String clientId, String clientSecret) {
    this(id, authority, clientId, clientSecret, null, null, null);
  }

  static List<String> defaultAudiences(String clientId) {
    return clientId == null ? List.of() : List.of(clientId, "api://" + clientId);
  }

  @Override
  public String toString() {
    return "TenantConfig[id=" + id + ", authority=" + authority + ", clientId=" + clientId
        + ", clientSecret=" + (clientSecret == null ? "none" : "***")
        + (caFile == null ? "" : ", caFile=" + caFile) + ", audiences=" + audiences + ", graphUrl=" + graphUrl + "]";
  }
}
