package io.sallyport.devtenant.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A tenant as the scenario file describes it. Times are already resolved against the scenario's
 * start ({@code now-30d} in the file is an instant here); references between entries (a user's
 * groups, an eligibility's role) are by id, checked by the loader.
 */
public record Scenario(
    TenantSpec tenant,
    List<AppSpec> apps,
    List<UserSpec> users,
    List<GroupSpec> groups,
    List<RoleSpec> roles,
    List<ScheduleSpec> roleSchedules,
    List<GroupScheduleSpec> groupSchedules,
    List<GroupPolicySpec> groupPolicies,
    List<AgreementSpec> agreements,
    List<AcceptanceSpec> acceptances,
    List<AccessPackageSpec> accessPackages,
    List<PackageAssignmentSpec> packageAssignments,
    List<AuthContextSpec> authContexts,
    List<CaPolicySpec> policies,
    ProvisioningSpec provisioning) {

  public record TenantSpec(String id, String domain, String displayName, int groupsOverageLimit,
      boolean mfaForEveryone, Duration accessTokenLifetime) {}

  /** An app registration; {@code graphPermissions} are the application permissions granted on Graph. */
  public record AppSpec(String name, String appId, String objectId, String servicePrincipalId,
      List<String> secrets, List<String> redirectUris, List<String> identifierUris, int accessTokenVersion,
      List<String> optionalClaims, String groupMembershipClaims, List<String> scopes, List<AppRoleSpec> appRoles,
      List<String> graphPermissions, String certificatePem, boolean publicClient) {}

  public record AppRoleSpec(String id, String value, String displayName, List<String> allowedMemberTypes) {}

  /** {@code appRoles} are "app-name/RoleValue" assignments to this user. */
  public record UserSpec(String id, String upn, String displayName, String givenName, String surname,
      String mail, String jobTitle, String department, String password, boolean mfaRegistered,
      boolean accountEnabled, List<String> appRoles) {}

  public record GroupSpec(String id, String displayName, String description, boolean securityEnabled,
      boolean mailEnabled, String mailNickname, List<String> members, List<String> owners) {}

  /** A directory role (by template id) and its PIM activation settings. */
  public record RoleSpec(String id, String displayName, Duration maxActivation, boolean requireMfa,
      boolean requireJustification, boolean requireTicket, boolean requireApproval, String authContext) {}

  /** kind: eligible or active; principal and role are ids. */
  public record ScheduleSpec(String kind, String principalId, String roleId, String directoryScopeId,
      Instant start, Instant end) {}

  /** kind: eligible or active; access: member or owner. */
  public record GroupScheduleSpec(String kind, String principalId, String groupId, String accessId,
      Instant start, Instant end) {}

  public record GroupPolicySpec(String groupId, String accessId, Duration maxActivation, boolean requireMfa,
      boolean requireJustification, boolean requireTicket, boolean requireApproval, String authContext) {}

  public record AgreementSpec(String id, String displayName, Duration reacceptFrequency,
      Instant expirationStart, Duration expirationFrequency, boolean viewingRequired, boolean perDevice,
      String fileId, String text) {}

  public record AcceptanceSpec(String agreementId, String userId, Instant recorded, String state) {}

  public record AccessPackageSpec(String id, String displayName, String description, boolean hidden,
      String catalogId, String policyId) {}

  public record PackageAssignmentSpec(String id, String packageId, String userId, String state,
      Instant start, Instant end) {}

  public record AuthContextSpec(String id, String displayName, String description, boolean available) {}

  /**
   * A Conditional Access rule as the tenant enforces it at sign-in: for the listed auth contexts
   * (or every sign-in to the listed apps), require the grant controls (mfa) and terms of use.
   */
  public record CaPolicySpec(String id, String displayName, String state, List<String> authContexts,
      List<String> applications, List<String> grantControls, List<String> termsOfUse) {}

  /** Where devtenant's provisioning simulator pushes users and groups, if anywhere. */
  public record ProvisioningSpec(String scimUrl, String token, Duration interval) {}
}
