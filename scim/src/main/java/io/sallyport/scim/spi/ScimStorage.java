package io.sallyport.scim.spi;

import io.sallyport.scim.ResourceKind;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where SCIM resources live. The scim module decides everything protocol-shaped (validation,
 * PATCH, filters, projection, ETags); an implementation only stores and indexes. Writes fail with
 * {@link StorageConflict}; any other failure means storage is unavailable (503 to the client).
 * Every method returns without blocking: implementations run their I/O on worker threads.
 */
public interface ScimStorage {

  /** Stores a new resource under {@code id}; fails with UNIQUENESS on a taken id, userName or displayName. */
  Future<StoredResource> create(ResourceKind kind, String id, io.vertx.core.json.JsonObject attributes);

  Future<Optional<StoredResource>> get(ResourceKind kind, String id);

  /** Replaces the attributes if the stored version is still {@code expectedVersion} (STALE otherwise). */
  Future<StoredResource> replace(ResourceKind kind, String id, io.vertx.core.json.JsonObject attributes,
      long expectedVersion);

  /** Deletes the resource (and, for users, their memberships); false if there was none. */
  Future<Boolean> delete(ResourceKind kind, String id);

  /** A page in stable order, narrowed by one indexed equality when {@code match} is not null. */
  Future<ResourcePage> list(ResourceKind kind, IndexedMatch match, int offset, int limit);

  /** Adds members in one transaction, skipping present ones; bumps the group's version. MISSING if no group. */
  Future<Integer> addMembers(String groupId, Collection<String> memberIds);

  /** Removes members in one transaction; bumps the group's version. */
  Future<Integer> removeMembers(String groupId, Collection<String> memberIds);

  /** Every member id of a group, sorted. */
  Future<List<String>> members(String groupId);

  /** Ids of the groups that directly contain {@code memberId}. */
  Future<List<String>> groupsOf(String memberId);
}
