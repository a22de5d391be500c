package io.sallyport.gateway.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the SCIM directory says about one caller, as the access decision needs it: provisioned or
 * not, active or not, and the groups the user is directly a member of (SCIM groups from Entra
 * hold users, not groups).
 *
 * @param id        the SCIM id; null when the user is not in the directory
 * @param names     every group's id, externalId and displayName, lower-cased: what
 *                  {@code require.directory.groups} values are compared with
 */
public record DirectoryStanding(String id, String userName, boolean active, List<Group> groups, Set<String> names) {

  /** A group the user is in. */
  public record Group(String id, String externalId, String displayName) {}

  /** Nobody by that userName (or externalId): not provisioned. */
  public static final DirectoryStanding UNKNOWN = new DirectoryStanding(null, null, false, List.of(), Set.of());

  public DirectoryStanding {
    groups = List.copyOf(groups);
    names = Set.copyOf(names);
  }

  public static DirectoryStanding of(String id, String userName, boolean active, List<Group> groups) {
    Set<String> names = new HashSet<>();
    for (Group g : groups) {
      names.add(g.id().toLowerCase(Locale.ROOT));
      names.add(g.displayName().toLowerCase(Locale.ROOT));
      if (g.externalId() != null) {
        names.add(g.externalId().toLowerCase(Locale.ROOT));
      }
    }
    return new DirectoryStanding(id, userName, active, groups, names);
  }

  public boolean found() {
    return id != null;
  }

  /** Any one of {@code wanted} (lower-cased, as the configuration holds them) names a group of the user's. */
  public boolean inAnyOf(List<String> wanted) {
    for (int i = 0, n = wanted.size(); i < n; i++) {
      if (names.contains(wanted.get(i))) {
        return true;
      }
    }
    return false;
  }
}
