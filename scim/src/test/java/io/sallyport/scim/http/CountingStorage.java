package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.spi.IndexedMatch;
import io.sallyport.scim.spi.ResourcePage;
import io.sallyport.scim.spi.ScimStorage;
import io.sallyport.scim.spi.StoredResource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the storage under test to count the calls a test must rule out (member reads for Entra's
 * {@code excludedAttributes=members} probe, writes by a failing request) and to inject failures.
 */
public final class CountingStorage implements ScimStorage {

  final AtomicInteger memberReads = new AtomicInteger();
  final AtomicInteger writes = new AtomicInteger();
  final AtomicInteger lists = new AtomicInteger();
  volatile boolean failing;

  private final ScimStorage storage;

  CountingStorage(ScimStorage storage) {
    this.storage = storage;
  }

  @Override
  public Future<StoredResource> create(ResourceKind kind, String id, JsonObject attributes) {
    writes.incrementAndGet();
    return check().compose(v -> storage.create(kind, id, attributes));
  }

  @Override
  public Future<Optional<StoredResource>> get(ResourceKind kind, String id) {
    return check().compose(v -> storage.get(kind, id));
  }

  @Override
  public Future<StoredResource> replace(ResourceKind kind, String id, JsonObject attributes, long expectedVersion) {
    writes.incrementAndGet();
    return check().compose(v -> storage.replace(kind, id, attributes, expectedVersion));
  }

  @Override
  public Future<Boolean> delete(ResourceKind kind, String id) {
    writes.incrementAndGet();
    return check().compose(v -> storage.delete(kind, id));
  }

  @Override
  public Future<ResourcePage> list(ResourceKind kind, IndexedMatch match, int offset, int limit) {
    lists.incrementAndGet();
    return check().compose(v -> storage.list(kind, match, offset, limit));
  }

  @Override
  public Future<Integer> addMembers(String groupId, Collection<String> memberIds) {
    writes.incrementAndGet();
    return check().compose(v -> storage.addMembers(groupId, memberIds));
  }

  @Override
  public Future<Integer> removeMembers(String groupId, Collection<String> memberIds) {
    writes.incrementAndGet();
    return check().compose(v -> storage.removeMembers(groupId, memberIds));
  }

  @Override
  public Future<List<String>> members(String groupId) {
    memberReads.incrementAndGet();
    return check().compose(v -> storage.members(groupId));
  }

  @Override
  public Future<List<String>> groupsOf(String memberId) {
    memberReads.incrementAndGet();
    return check().compose(v -> storage.groupsOf(memberId));
  }

  private Future<Void> check() {
    return failing ? Future.failedFuture(new IllegalStateException("database connection refused (injected)"))
        : Future.succeededFuture();
  }
}
