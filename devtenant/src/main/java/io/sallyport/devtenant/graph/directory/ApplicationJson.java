package io.sallyport.devtenant.graph.directory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code application} and {@code servicePrincipal} resources as Graph creates them: every property
 * of Microsoft's documented POST responses (§8.1, §8.2), defaults included, so a created object is
 * served exactly like a documented one.
 */
final class ApplicationJson {

  static final String TYPE = "microsoft.graph.application";
  static final String SP_TYPE = "microsoft.graph.servicePrincipal";
  static final Map<String, String> NESTED = Map.of("api", "microsoft.graph.apiApplication",
      "web", "microsoft.graph.webApplication", "spa", "microsoft.graph.spaApplication",
      "publicClient", "microsoft.graph.publicClientApplication", "info", "microsoft.graph.informationalUrl",
      "parentalControlSettings", "microsoft.graph.parentalControlSettings",
      "implicitGrantSettings", "microsoft.graph.implicitGrantSettings",
      "optionalClaims", "microsoft.graph.optionalClaims");
  /** Server-assigned, or changed only through their own actions (addPassword; certificates via the scenario). */
  static final Set<String> READ_ONLY = Set.of("id", "appId", "createdDateTime", "deletedDateTime", "publisherDomain",
      "passwordCredentials", "keyCredentials");
  static final Set<String> SP_READ_ONLY = Set.of("id", "appDisplayName", "appOwnerOrganizationId",
      "deletedDateTime", "passwordCredentials", "keyCredentials", "servicePrincipalNames", "servicePrincipalType");
  static final List<String> FILTERABLE = List.of("id", "appId", "displayName", "identifierUris", "publisherDomain",
      "signInAudience", "createdDateTime", "tags", "web", "spa", "publicClient", "appRoles", "description");

  private ApplicationJson() {}

  static JsonObject application(String id, String appId, String displayName, String domain, Instant now) {
    return new JsonObject().put("id", id).putNull("deletedDateTime").putNull("isFallbackPublicClient")
        .put("appId", appId).putNull("applicationTemplateId").put("identifierUris", new JsonArray())
        .put("createdDateTime", now.toString()).putNull("description").put("displayName", displayName)
        .putNull("isDeviceOnlyAuthSupported").putNull("groupMembershipClaims").putNull("notes")
        .putNull("optionalClaims").put("addIns", new JsonArray()).put("publisherDomain", domain)
        .putNull("samlMetadataUrl").putNull("serviceManagementReference")
        .put("signInAudience", "AzureADandPersonalMicrosoftAccount").put("tags", new JsonArray())
        .putNull("tokenEncryptionKeyId")
        .put("api", new JsonObject().put("requestedAccessTokenVersion", 2).putNull("acceptMappedClaims")
            .put("knownClientApplications", new JsonArray()).put("oauth2PermissionScopes", new JsonArray())
            .put("preAuthorizedApplications", new JsonArray()))
        .put("appRoles", new JsonArray()).put("publicClient", new JsonObject().put("redirectUris", new JsonArray()))
        .put("info", info()).put("keyCredentials", new JsonArray())
        .put("parentalControlSettings", new JsonObject().put("countriesBlockedForMinors", new JsonArray())
            .put("legalAgeGroupRule", "Allow"))
        .put("passwordCredentials", new JsonArray()).put("requiredResourceAccess", new JsonArray())
        .put("spa", new JsonObject().put("redirectUris", new JsonArray()))
        .put("web", new JsonObject().put("redirectUris", new JsonArray()).putNull("homePageUrl").putNull("logoutUrl")
            .put("implicitGrantSettings", new JsonObject().put("enableIdTokenIssuance", false)
                .put("enableAccessTokenIssuance", false)));
  }

  /** A service principal for {@code app}, the enterprise-app instance in this tenant. */
  static JsonObject servicePrincipal(String id, JsonObject app, String tenantId, String publisher) {
    JsonObject web = app.getJsonObject("web", new JsonObject());
    JsonArray names = new JsonArray().add(app.getString("appId"));
    app.getJsonArray("identifierUris", new JsonArray()).forEach(names::add);
    JsonObject api = app.getJsonObject("api", new JsonObject());
    return new JsonObject().put("id", id).putNull("deletedDateTime").put("accountEnabled", true)
        .put("appDisplayName", app.getString("displayName")).put("appId", app.getString("appId"))
        .put("appOwnerOrganizationId", tenantId).put("appRoleAssignmentRequired", false)
        .put("displayName", app.getString("displayName")).put("homepage", web.getString("homePageUrl"))
        .put("logoutUrl", web.getString("logoutUrl")).put("publisherName", publisher)
        .put("replyUrls", web.getJsonArray("redirectUris", new JsonArray()).copy())
        .put("servicePrincipalNames", names).put("servicePrincipalType", "Application")
        .put("tags", new JsonArray()).put("addIns", new JsonArray())
        .put("appRoles", app.getJsonArray("appRoles", new JsonArray()).copy())
        .put("info", app.getJsonObject("info", info()).copy()).put("keyCredentials", new JsonArray())
        .put("oauth2PermissionScopes", api.getJsonArray("oauth2PermissionScopes", new JsonArray()).copy())
        .put("passwordCredentials", new JsonArray());
  }

  private static JsonObject info() {
    return new JsonObject().putNull("termsOfServiceUrl").putNull("supportUrl").putNull("privacyStatementUrl")
        .putNull("marketingUrl").putNull("logoUrl");
  }
}
