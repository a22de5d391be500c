package io.sallyport.devtenant.state;

import io.sallyport.devtenant.scenario.Scenario.AppSpec;
import io.sallyport.devtenant.scenario.Scenario.CaPolicySpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Seeded objects in the exact Graph v1.0 JSON shapes of Microsoft's documented examples
 * (application, servicePrincipal, conditionalAccessPolicy): every documented field present, nulls
 * included, so Graph serves them as Entra would.
 */
final class GraphShapes {

  private GraphShapes() {}

  static JsonObject application(AppSpec a, String domain, Instant now) {
    JsonArray scopes = new JsonArray();
    for (String s : a.scopes()) {
      scopes.add(new JsonObject().put("adminConsentDescription", "Allows the app to " + s + ".")
          .put("adminConsentDisplayName", s).put("id", UUID.nameUUIDFromBytes((a.appId() + s).getBytes()).toString())
          .put("isEnabled", true).put("type", "User").put("userConsentDescription", "Allows the app to " + s + ".")
          .put("userConsentDisplayName", s).put("value", s));
    }
    JsonArray roles = new JsonArray();
    a.appRoles().forEach(r -> roles.add(new JsonObject().put("allowedMemberTypes", new JsonArray(r.allowedMemberTypes()))
        .put("description", r.displayName()).put("displayName", r.displayName()).put("id", r.id())
        .put("isEnabled", true).putNull("origin").put("value", r.value())));
    JsonArray optional = new JsonArray();
    a.optionalClaims().forEach(c -> optional.add(new JsonObject().put("name", c).putNull("source")
        .put("essential", false).put("additionalProperties", new JsonArray())));
    return new JsonObject()
        .put("id", a.objectId()).putNull("deletedDateTime").put("isFallbackPublicClient", a.publicClient())
        .put("appId", a.appId()).putNull("applicationTemplateId").put("identifierUris", new JsonArray(a.identifierUris()))
        .put("createdDateTime", now.toString()).putNull("description").put("displayName", a.name())
        .putNull("isDeviceOnlyAuthSupported").putNull("notes").putNull("serviceManagementReference")
        .put("groupMembershipClaims", a.groupMembershipClaims())
        .put("optionalClaims", new JsonObject().put("idToken", new JsonArray()).put("accessToken", optional)
            .put("saml2Token", new JsonArray()))
        .put("addIns", new JsonArray()).put("publisherDomain", domain).putNull("samlMetadataUrl")
        .put("signInAudience", "AzureADMyOrg").put("tags", new JsonArray()).putNull("tokenEncryptionKeyId")
        .put("api", new JsonObject().put("requestedAccessTokenVersion", a.accessTokenVersion())
            .putNull("acceptMappedClaims").put("knownClientApplications", new JsonArray())
            .put("oauth2PermissionScopes", scopes).put("preAuthorizedApplications", new JsonArray()))
        .put("appRoles", roles)
        .put("publicClient", new JsonObject().put("redirectUris", new JsonArray(a.publicClient() ? a.redirectUris() : List.of())))
        .put("info", new JsonObject().putNull("termsOfServiceUrl").putNull("supportUrl").putNull("privacyStatementUrl")
            .putNull("marketingUrl").putNull("logoUrl"))
        .put("keyCredentials", new JsonArray())
        .put("parentalControlSettings", new JsonObject().put("countriesBlockedForMinors", new JsonArray())
            .put("legalAgeGroupRule", "Allow"))
        .put("passwordCredentials", new JsonArray()).put("requiredResourceAccess", new JsonArray())
        .put("spa", new JsonObject().put("redirectUris", new JsonArray()))
        .put("web", new JsonObject().put("redirectUris", new JsonArray(a.publicClient() ? List.of() : a.redirectUris()))
            .putNull("homePageUrl").putNull("logoutUrl")
            .put("implicitGrantSettings", new JsonObject().put("enableIdTokenIssuance", false)
                .put("enableAccessTokenIssuance", false)));
  }

  static JsonObject servicePrincipal(AppSpec a, String tenantId) {
    return new JsonObject().put("id", a.servicePrincipalId()).putNull("deletedDateTime").put("accountEnabled", true)
        .put("appDisplayName", a.name()).put("appId", a.appId()).put("appOwnerOrganizationId", tenantId)
        .put("appRoleAssignmentRequired", false).put("displayName", a.name()).putNull("homepage").putNull("logoutUrl")
        .putNull("publisherName").put("replyUrls", new JsonArray(a.redirectUris()))
        .put("servicePrincipalNames", new JsonArray().add(a.appId()).addAll(new JsonArray(a.identifierUris())))
        .put("servicePrincipalType", "Application").put("tags", new JsonArray()).put("addIns", new JsonArray())
        .put("appRoles", new JsonArray()).put("info", new JsonObject().putNull("termsOfServiceUrl").putNull("supportUrl")
            .putNull("privacyStatementUrl").putNull("marketingUrl").putNull("logoUrl"))
        .put("keyCredentials", new JsonArray()).put("oauth2PermissionScopes", new JsonArray())
        .put("passwordCredentials", new JsonArray());
  }

  static JsonObject policy(CaPolicySpec p, Instant now) {
    JsonObject applications = new JsonObject()
        .put("includeApplications", new JsonArray(p.applications().isEmpty() ? List.of() : p.applications()))
        .put("excludeApplications", new JsonArray()).put("includeUserActions", new JsonArray())
        .put("includeAuthenticationContextClassReferences", new JsonArray(p.authContexts()))
        .putNull("applicationFilter");
    JsonObject users = new JsonObject().put("includeUsers", new JsonArray().add("All"))
        .put("excludeUsers", new JsonArray()).put("includeGroups", new JsonArray()).put("excludeGroups", new JsonArray())
        .put("includeRoles", new JsonArray()).put("excludeRoles", new JsonArray()).putNull("includeGuestsOrExternalUsers")
        .putNull("excludeGuestsOrExternalUsers");
    JsonObject conditions = new JsonObject().put("userRiskLevels", new JsonArray())
        .put("signInRiskLevels", new JsonArray()).put("clientAppTypes", new JsonArray().add("all"))
        .putNull("platforms").putNull("locations").putNull("times").putNull("deviceStates").putNull("devices")
        .putNull("clientApplications").put("servicePrincipalRiskLevels", new JsonArray())
        .put("applications", applications).put("users", users);
    JsonObject grant = new JsonObject().put("operator", "OR").put("builtInControls", new JsonArray(p.grantControls()))
        .put("customAuthenticationFactors", new JsonArray()).put("termsOfUse", new JsonArray(p.termsOfUse()))
        .putNull("authenticationStrength");
    return new JsonObject().put("id", p.id()).putNull("templateId").put("displayName", p.displayName())
        .put("createdDateTime", now.toString()).putNull("modifiedDateTime").put("state", p.state())
        .putNull("partialEnablementStrategy").putNull("sessionControls").put("conditions", conditions)
        .put("grantControls", grant);
  }
}
