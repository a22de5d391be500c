package io.sallyport.gateway.store;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Storage for SCIM-provisioned users and groups. No SCIM protocol here: the scim module parses,
 * patches and filters; this stores what it decided. Member ids are not checked against users, so
 * the SCIM layer decides how strict to be (Entra may send a group before its members).
 */
public interface DirectoryStore {

  /** Fails with {@link UniquenessException} on a taken id or userName (case-insensitive). */
  Future<DirectoryUser> createUser(DirectoryUser user);

  Future<Optional<DirectoryUser>> user(String id);

  /** Case-insensitive, as SCIM defines userName. */
  Future<Optional<DirectoryUser>> userByUserName(String userName);

  /**
   * Replaces every field of the user if the stored row is still at {@code user.version()}.
   *
   * @return the user at the next version; fails with {@link StaleVersionException}, {@link
   *     NotFoundException} or {@link UniquenessException} (renamed onto a taken userName)
   */
  Future<DirectoryUser> replaceUser(DirectoryUser user);

  /** Deletes the user and its group memberships; false if there was no such user. */
  Future<Boolean> deleteUser(String id);

  /** Sorted by lower-cased userName, then id. */
  Future<Page<DirectoryUser>> users(DirectoryQuery query);

  /** Fails with {@link UniquenessException} on a taken id or displayName (case-insensitive). */
  Future<DirectoryGroup> createGroup(DirectoryGroup group);

  Future<Optional<DirectoryGroup>> group(String id);

  /** Same contract as {@link #replaceUser}; members are untouched. */
  Future<DirectoryGroup> replaceGroup(DirectoryGroup group);

  /** Deletes the group, its memberships and memberships of it in other groups. */
  Future<Boolean> deleteGroup(String id);

  /** Sorted by lower-cased displayName, then id. */
  Future<Page<DirectoryGroup>> groups(DirectoryQuery query);

  /**
   * Adds members in one transaction; ids already present are skipped. Bumps the group's version.
   *
   * @return how many were new; fails with {@link NotFoundException} if the group does not exist
   */
  Future<Integer> addMembers(String groupId, Collection<String> memberIds);

  /** Removes members in one transaction; how many were present. Bumps the group's version. */
  Future<Integer> removeMembers(String groupId, Collection<String> memberIds);

  /** Member ids of a group, sorted by id. */
  Future<Page<String>> members(String groupId, int offset, int limit);

  /** Ids of the groups that directly contain {@code memberId}, sorted. */
  Future<List<String>> groupsOf(String memberId);
}
