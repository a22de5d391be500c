package io.sallyport.gateway.config;

import java.time.Duration;
import java.util.List;

/**
 * {@code routes[].require}: what a verified caller must also show for the route. Every listed
 * requirement must hold; within one list, any single value is enough.
 *
 * @param scopes       delegated permissions, any of, in {@code scp}
 * @param appRoles     app roles, any of, in {@code roles}
 * @param groups       group object ids (lower case), any of, in {@code groups}
 * @param mfa          {@code amr} must contain {@code mfa}
 * @param authContext  a Conditional Access auth context id ({@code c1}...) that {@code acrs} must
 *                     contain; null for none
 * @param maxAuthAge   {@code auth_time} must be at most this long ago; null for no limit
 * @param directory    the caller must be an active SCIM-provisioned user (in one of its groups);
 *                     null for no such requirement
 * @param accessPackage an access package id (lower case) the caller must hold a delivered
 *                      assignment of (Entra entitlement management, read through Graph); null for none
 * @param termsOfUse    a terms of use agreement the caller must have accepted; null for none
 * @param pim           an active PIM role or group assignment the caller must hold; null for none
 */
public record RequireConfig(List<String> scopes, List<String> appRoles, List<String> groups, boolean mfa,
                            String authContext, Duration maxAuthAge, RequireDirectory directory,
                            String accessPackage, RequireTerms termsOfUse, RequirePim pim) {

  /** No requirement beyond a verified token of an allowed tenant. */
  public static final RequireConfig NONE = new RequireConfig(List.of(), List.of(), List.of(), false, null, null);

  public RequireConfig {
    scopes = List.copyOf(scopes);
    appRoles = List.copyOf(appRoles);
    groups = List.copyOf(groups);
  }

  /** Without a PIM requirement. */
  public RequireConfig(List<String> scopes, List<String> appRoles, List<String> groups, boolean mfa,
                       String authContext, Duration maxAuthAge, RequireDirectory directory, String accessPackage,
                       RequireTerms termsOfUse) {
    this(scopes, appRoles, groups, mfa, authContext, maxAuthAge, directory, accessPackage, termsOfUse, null);
  }

  /** Without a terms of use requirement. */
  public RequireConfig(List<String> scopes, List<String> appRoles, List<String> groups, boolean mfa,
                       String authContext, Duration maxAuthAge, RequireDirectory directory, String accessPackage) {
    this(scopes, appRoles, groups, mfa, authContext, maxAuthAge, directory, accessPackage, null);
  }

  /** Without an access package requirement. */
  public RequireConfig(List<String> scopes, List<String> appRoles, List<String> groups, boolean mfa,
                       String authContext, Duration maxAuthAge, RequireDirectory directory) {
    this(scopes, appRoles, groups, mfa, authContext, maxAuthAge, directory, null);
  }

  /** Without a directory requirement. */
  public RequireConfig(List<String> scopes, List<String> appRoles, List<String> groups, boolean mfa,
                       String authContext, Duration maxAuthAge) {
    this(scopes, appRoles, groups, mfa, authContext, maxAuthAge, null, null);
  }
}
