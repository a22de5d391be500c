package io.sallyport.devtenant.state;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An application and its service principal, kept in Graph's own JSON shapes ({@code application}
 * and {@code servicePrincipal} resources) so what Graph serves and what the token endpoint enforces
 * cannot drift apart. Secrets and certificates (PEM) are the credentials the token endpoint accepts;
 * {@code graphPermissions} are the application permissions granted on Microsoft Graph (they become
 * {@code roles} in app-only Graph tokens).
 */
public record AppRegistration(String name, JsonObject application, JsonObject servicePrincipal,
    List<String> secrets, List<String> certificatePems, Set<String> graphPermissions) {

  public String appId() {
    return application.getString("appId");
  }

  public String objectId() {
    return application.getString("id");
  }

  public String servicePrincipalId() {
    return servicePrincipal.getString("id");
  }

  public boolean publicClient() {
    return Boolean.TRUE.equals(application.getBoolean("isFallbackPublicClient"));
  }

  public List<String> redirectUris() {
    List<String> out = new ArrayList<>();
    for (String k : List.of("web", "publicClient", "spa")) {
      JsonObject o = application.getJsonObject(k);
      if (o != null && o.getJsonArray("redirectUris") != null) {
        o.getJsonArray("redirectUris").forEach(u -> out.add(String.valueOf(u)));
      }
    }
    return out;
  }

  public List<String> identifierUris() {
    JsonArray a = application.getJsonArray("identifierUris", new JsonArray());
    return a.stream().map(String::valueOf).toList();
  }

  /** api.requestedAccessTokenVersion: 2, or 1 when null (Entra's default). */
  public int accessTokenVersion() {
    JsonObject api = application.getJsonObject("api");
    Integer v = api == null ? null : api.getInteger("requestedAccessTokenVersion");
    return v == null ? 1 : v;
  }

  /** Names of optional claims the app asked for in access tokens (xms_cc, acrs, idtyp, ...). */
  public Set<String> accessTokenOptionalClaims() {
    JsonObject oc = application.getJsonObject("optionalClaims");
    if (oc == null || oc.getJsonArray("accessToken") == null) {
      return Set.of();
    }
    return oc.getJsonArray("accessToken").stream().map(o -> ((JsonObject) o).getString("name"))
        .collect(Collectors.toSet());
  }

  public String groupMembershipClaims() {
    return application.getString("groupMembershipClaims");
  }

  /** The delegated scopes the app exposes (oauth2PermissionScopes values). */
  public Set<String> exposedScopes() {
    JsonObject api = application.getJsonObject("api");
    if (api == null || api.getJsonArray("oauth2PermissionScopes") == null) {
      return Set.of();
    }
    return api.getJsonArray("oauth2PermissionScopes").stream().map(o -> ((JsonObject) o).getString("value"))
        .collect(Collectors.toSet());
  }

  /** App roles' values by allowed member type ("User" or "Application"). */
  public Set<String> appRoleValues(String memberType) {
    return application.getJsonArray("appRoles", new JsonArray()).stream().map(o -> (JsonObject) o)
        .filter(r -> r.getJsonArray("allowedMemberTypes", new JsonArray()).contains(memberType))
        .map(r -> r.getString("value")).collect(Collectors.toSet());
  }

  public AppRegistration withSecrets(List<String> next) {
    return new AppRegistration(name, application, servicePrincipal, List.copyOf(next), certificatePems,
        graphPermissions);
  }

  public AppRegistration withApplication(JsonObject next) {
    return new AppRegistration(name, next, servicePrincipal, secrets, certificatePems, graphPermissions);
  }
}
