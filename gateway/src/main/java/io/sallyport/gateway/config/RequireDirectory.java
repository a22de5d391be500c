package io.sallyport.gateway.config;

import java.util.List;

/**
 * {@code routes[].require.directory}: the caller must be a SCIM-provisioned user of this gateway's
 * directory, active, and (when {@code groups} is not empty) a direct member of at least one of the
 * groups, like {@code require.groups}. {@code directory: true} is this record with no groups.
 *
 * @param groups  SCIM group ids, externalIds (the Entra object id in Entra's default mapping) or
 *                displayNames, lower-cased: matched without regard to case; any one is enough
 */
public record RequireDirectory(List<String> groups) {

  /** {@code directory: true}: a provisioned, active user, whatever their groups. */
  public static final RequireDirectory ACTIVE_USER = new RequireDirectory(List.of());

  public RequireDirectory {
    groups = List.copyOf(groups);
  }
}
