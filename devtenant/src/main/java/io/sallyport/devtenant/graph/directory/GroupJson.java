package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.state.Group;
import io.sallyport.devtenant.state.RoleDefinition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * The Graph v1.0 {@code group} resource (default properties as in Microsoft's "Get group" example,
 * plus {@code creationOptions}, which live responses carry) and the {@code directoryRole} resource
 * that memberOf lists for roles the user holds.
 */
final class GroupJson {

  static final List<String> DEFAULTS = List.of("id", "deletedDateTime", "classification", "createdDateTime",
      "creationOptions", "description", "displayName", "expirationDateTime", "groupTypes", "isAssignableToRole",
      "mail", "mailEnabled", "mailNickname", "membershipRule", "membershipRuleProcessingState",
      "onPremisesDomainName", "onPremisesLastSyncDateTime", "onPremisesNetBiosName", "onPremisesSamAccountName",
      "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "preferredDataLocation", "preferredLanguage",
      "proxyAddresses", "renewedDateTime", "resourceBehaviorOptions", "resourceProvisioningOptions",
      "securityEnabled", "securityIdentifier", "theme", "visibility", "onPremisesProvisioningErrors");

  static final EntityType TYPE = EntityType.of("microsoft.graph.group", "Group", DEFAULTS,
      List.of("serviceProvisioningErrors"),
      Set.of("id", "displayName", "description", "mail", "mailEnabled", "mailNickname", "securityEnabled",
          "groupTypes", "createdDateTime", "isAssignableToRole", "membershipRuleProcessingState", "proxyAddresses",
          "onPremisesSyncEnabled", "securityIdentifier", "classification", "expirationDateTime", "renewedDateTime",
          "preferredLanguage", "visibility", "resourceProvisioningOptions"),
      Set.of("displayName", "description", "mail", "mailNickname", "proxyAddresses"));

  static final EntityType ROLE_TYPE = EntityType.of("microsoft.graph.directoryRole", "DirectoryRole",
      List.of("id", "deletedDateTime", "description", "displayName", "roleTemplateId"), List.of(),
      Set.of("id", "displayName", "roleTemplateId"), Set.of("displayName"));

  private GroupJson() {}

  static JsonObject full(Group g, String domain) {
    String mail = g.mailEnabled() && g.mailNickname() != null ? g.mailNickname() + "@" + domain : null;
    return new JsonObject().put("@odata.type", TYPE.odataType()).put("id", g.id()).putNull("deletedDateTime")
        .putNull("classification").put("createdDateTime", DirectoryIds.timestamp(g.createdAt()))
        .put("creationOptions", new JsonArray()).put("description", g.description())
        .put("displayName", g.displayName()).putNull("expirationDateTime").put("groupTypes", new JsonArray())
        .putNull("isAssignableToRole").put("mail", mail).put("mailEnabled", g.mailEnabled())
        .put("mailNickname", g.mailNickname()).putNull("membershipRule").putNull("membershipRuleProcessingState")
        .putNull("onPremisesDomainName").putNull("onPremisesLastSyncDateTime").putNull("onPremisesNetBiosName")
        .putNull("onPremisesSamAccountName").putNull("onPremisesSecurityIdentifier").putNull("onPremisesSyncEnabled")
        .putNull("preferredDataLocation").putNull("preferredLanguage")
        .put("proxyAddresses", mail == null ? new JsonArray() : new JsonArray().add("SMTP:" + mail))
        .put("renewedDateTime", DirectoryIds.timestamp(g.createdAt())).put("resourceBehaviorOptions", new JsonArray())
        .put("resourceProvisioningOptions", new JsonArray()).put("securityEnabled", g.securityEnabled())
        .put("securityIdentifier", DirectoryIds.securityIdentifier(g.id())).putNull("theme")
        // Entra reports no visibility for security groups; only Microsoft 365 groups have one
        .putNull("visibility").put("onPremisesProvisioningErrors", new JsonArray())
        .put("serviceProvisioningErrors", new JsonArray());
  }

  static JsonObject role(RoleDefinition r, String tenantId) {
    return new JsonObject().put("@odata.type", ROLE_TYPE.odataType())
        .put("id", DirectoryIds.directoryRoleId(tenantId, r.id())).putNull("deletedDateTime")
        .put("description", r.displayName() + " directory role.").put("displayName", r.displayName())
        .put("roleTemplateId", r.id());
  }
}
