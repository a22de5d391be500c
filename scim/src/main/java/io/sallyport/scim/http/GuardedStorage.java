package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.spi.IndexedMatch;
import io.sallyport.scim.spi.ResourcePage;
import io.sallyport.scim.spi.ScimStorage;
import io.sallyport.scim.spi.StorageConflict;
import io.sallyport.scim.spi.StoredResource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The SPI as the router sees it: a {@link StorageConflict} passes through (it is the client's 409,
 * 412 or 404), every other failure, thrown or failed, becomes {@link Unavailable} (503), so a bug in
 * the router is never mistaken for the database being down, nor the reverse.
 */
final class GuardedStorage implements ScimStorage {

  private final ScimStorage storage;

  GuardedStorage(ScimStorage storage) {
    this.storage = storage;
  }

  @Override
  public Future<StoredResource> create(ResourceKind kind, String id, JsonObject attributes) {
    return guard(() -> storage.create(kind, id, attributes));
  }

  @Override
  public Future<Optional<StoredResource>> get(ResourceKind kind, String id) {
    return guard(() -> storage.get(kind, id));
  }

  @Override
  public Future<StoredResource> replace(ResourceKind kind, String id, JsonObject attributes, long expectedVersion) {
    return guard(() -> storage.replace(kind, id, attributes, expectedVersion));
  }

  @Override
  public Future<Boolean> delete(ResourceKind kind, String id) {
    return guard(() -> storage.delete(kind, id));
  }

  @Override
  public Future<ResourcePage> list(ResourceKind kind, IndexedMatch match, int offset, int limit) {
    return guard(() -> storage.list(kind, match, offset, limit));
  }

  @Override
  public Future<Integer> addMembers(String groupId, Collection<String> memberIds) {
    return guard(() -> storage.addMembers(groupId, memberIds));
  }

  @Override
  public Future<Integer> removeMembers(String groupId, Collection<String> memberIds) {
    return guard(() -> storage.removeMembers(groupId, memberIds));
  }

  @Override
  public Future<List<String>> members(String groupId) {
    return guard(() -> storage.members(groupId));
  }

  @Override
  public Future<List<String>> groupsOf(String memberId) {
    return guard(() -> storage.groupsOf(memberId));
  }

  private static <T> Future<T> guard(Supplier<Future<T>> call) {
    Future<T> future;
    try {
      future = call.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(unavailable(e));
    }
    if (future == null) {
      return Future.failedFuture(new Unavailable("SCIM storage", new NullPointerException("storage returned no future")));
    }
    return future.recover(e -> Future.failedFuture(unavailable(e)));
  }

  private static Throwable unavailable(Throwable e) {
    return e instanceof StorageConflict ? e : new Unavailable("SCIM storage", e);
  }
}
