package io.sallyport.gateway.config;

import java.util.Locale;

/**
 * {@code routes[].require.pim}: an active Privileged Identity Management assignment the caller must
 * hold right now: a directory role ({@code role}, at {@code scope}) or a PIM-for-Groups membership or
 * ownership ({@code group}, {@code access}). Checked on every request against cached Graph facts.
 *
 * @param kind    what is required
 * @param id      the role definition (template) id or the group object id, lower case
 * @param scope   the directory scope id of a role ({@code /} for the whole directory); null for a group
 * @param access  {@code member} or {@code owner} for a group; null for a role
 */
public record RequirePim(Kind kind, String id, String scope, String access) {

  /** A directory role or a PIM-for-Groups assignment. */
  public enum Kind { ROLE, GROUP }

  public static final String ROOT_SCOPE = "/";

  public RequirePim {
    id = id.toLowerCase(Locale.ROOT);
  }

  public static RequirePim role(String roleDefinitionId, String scope) {
    return new RequirePim(Kind.ROLE, roleDefinitionId, scope == null ? ROOT_SCOPE : scope, null);
  }

  public static RequirePim group(String groupId, String access) {
    return new RequirePim(Kind.GROUP, groupId, null, access == null ? "member" : access);
  }

  /** What reason codes name: the role id (with a non-root scope) or {@code group:access}. */
  public String label() {
    if (kind == Kind.GROUP) {
      return id + ":" + access;
    }
    return ROOT_SCOPE.equals(scope) ? id : id + "@" + scope;
  }
}
