package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The Graph v1.0 {@code user} resource. Graph returns eleven default properties (Microsoft's "Get user"
 * example) and the rest only through {@code $select}; filters and searches see every property.
 */
final class UserJson {

  static final List<String> DEFAULTS = List.of("businessPhones", "displayName", "givenName", "jobTitle", "mail",
      "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id");

  private static final List<String> EXTRAS = List.of("accountEnabled", "ageGroup", "assignedLicenses",
      "assignedPlans", "city", "companyName", "consentProvidedForMinor", "country", "createdDateTime",
      "creationType", "deletedDateTime", "department", "employeeHireDate", "employeeId", "employeeType",
      "externalUserState", "externalUserStateChangeDateTime", "faxNumber", "identities", "imAddresses",
      "lastPasswordChangeDateTime", "legalAgeGroupClassification", "mailNickname", "onPremisesDistinguishedName",
      "onPremisesDomainName", "onPremisesExtensionAttributes", "onPremisesImmutableId", "onPremisesLastSyncDateTime",
      "onPremisesProvisioningErrors", "onPremisesSamAccountName", "onPremisesSecurityIdentifier",
      "onPremisesSyncEnabled", "onPremisesUserPrincipalName", "otherMails", "passwordPolicies",
      "postalCode", "preferredDataLocation", "provisionedPlans", "proxyAddresses", "securityIdentifier",
      "showInAddressList", "signInSessionsValidFromDateTime", "state", "streetAddress", "usageLocation", "userType");

  static final EntityType TYPE = EntityType.of("microsoft.graph.user", "User", DEFAULTS, EXTRAS,
      Set.of("id", "userPrincipalName", "displayName", "givenName", "surname", "mail", "jobTitle", "department",
          "accountEnabled", "userType", "createdDateTime", "mailNickname", "otherMails", "proxyAddresses",
          "identities", "employeeId", "companyName", "city", "country", "officeLocation", "preferredLanguage",
          "usageLocation", "businessPhones", "mobilePhone", "creationType", "state", "postalCode", "streetAddress",
          "onPremisesSyncEnabled", "onPremisesImmutableId", "onPremisesSamAccountName", "employeeType"),
      Set.of("displayName", "givenName", "surname", "mail", "userPrincipalName", "mailNickname", "jobTitle",
          "department", "otherMails", "proxyAddresses", "employeeId"));

  private UserJson() {}

  /** Every property, in Graph's order, annotated with its type (memberOf and members lists need it). */
  static JsonObject full(User u, String domain) {
    String nickname = u.upn().contains("@") ? u.upn().substring(0, u.upn().indexOf('@')) : u.upn();
    JsonObject ext = new JsonObject();
    for (int i = 1; i <= 15; i++) {
      ext.putNull("extensionAttribute" + i);
    }
    Instant validFrom = u.revokedAt() != null ? u.revokedAt() : u.createdAt();
    return new JsonObject().put("@odata.type", TYPE.odataType())
        .put("businessPhones", new JsonArray()).put("displayName", u.displayName()).put("givenName", u.givenName())
        .put("jobTitle", u.jobTitle()).put("mail", u.mail()).putNull("mobilePhone").putNull("officeLocation")
        .putNull("preferredLanguage").put("surname", u.surname()).put("userPrincipalName", u.upn()).put("id", u.id())
        .put("accountEnabled", u.accountEnabled()).putNull("ageGroup").put("assignedLicenses", new JsonArray())
        .put("assignedPlans", new JsonArray()).putNull("city").putNull("companyName").putNull("consentProvidedForMinor")
        .putNull("country").put("createdDateTime", DirectoryIds.timestamp(u.createdAt())).putNull("creationType")
        .putNull("deletedDateTime").put("department", u.department()).putNull("employeeHireDate")
        .putNull("employeeId").putNull("employeeType").putNull("externalUserState")
        .putNull("externalUserStateChangeDateTime").putNull("faxNumber")
        .put("identities", new JsonArray().add(new JsonObject().put("signInType", "userPrincipalName")
            .put("issuer", domain).put("issuerAssignedId", u.upn())))
        .put("imAddresses", new JsonArray()).put("lastPasswordChangeDateTime", DirectoryIds.timestamp(u.createdAt()))
        .putNull("legalAgeGroupClassification").put("mailNickname", nickname).putNull("onPremisesDistinguishedName")
        .putNull("onPremisesDomainName").put("onPremisesExtensionAttributes", ext).putNull("onPremisesImmutableId")
        .putNull("onPremisesLastSyncDateTime").put("onPremisesProvisioningErrors", new JsonArray())
        .putNull("onPremisesSamAccountName").putNull("onPremisesSecurityIdentifier").putNull("onPremisesSyncEnabled")
        .putNull("onPremisesUserPrincipalName").put("otherMails", new JsonArray()).putNull("passwordPolicies")
        .putNull("postalCode").putNull("preferredDataLocation").put("provisionedPlans", new JsonArray())
        .put("proxyAddresses", u.mail() == null ? new JsonArray() : new JsonArray().add("SMTP:" + u.mail()))
        .put("securityIdentifier", DirectoryIds.securityIdentifier(u.id())).putNull("showInAddressList")
        .put("signInSessionsValidFromDateTime", DirectoryIds.timestamp(validFrom)).putNull("state")
        .putNull("streetAddress").putNull("usageLocation").put("userType", "Member");
  }
}
