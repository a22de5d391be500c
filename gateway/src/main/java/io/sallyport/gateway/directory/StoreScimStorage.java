package io.sallyport.gateway.directory;

import io.sallyport.gateway.store.DirectoryQuery;
import io.sallyport.gateway.store.DirectoryStore;
import io.sallyport.gateway.store.DirectoryUser;
import io.sallyport.gateway.store.Page;
import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.spi.IndexedMatch;
import io.sallyport.scim.spi.ResourcePage;
import io.sallyport.scim.spi.ScimStorage;
import io.sallyport.scim.spi.StorageConflict;
import io.sallyport.scim.spi.StoredResource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scim module's storage on the gateway's {@link DirectoryStore} (H2 or PostgreSQL). Users and
 * groups keep their whole SCIM body; userName, externalId, active and displayName are lifted into
 * indexed columns. A user switched off or deleted is handed to {@link Deprovisioning}; every write
 * that changes what the gateway knows about a user (the user, a group, a membership) is announced
 * through {@link DirectoryChanges} before the SCIM client gets its answer.
 */
public final class StoreScimStorage implements ScimStorage {

  /** The store's largest page; longer SPI pages are read in chunks of this size. */
  static final int STORE_PAGE = 1000;

  private final DirectoryStore directory;
  private final Deprovisioning deprovisioning;
  private final DirectoryChanges changes;

  public StoreScimStorage(DirectoryStore directory, Deprovisioning deprovisioning) {
    this(directory, deprovisioning, DirectoryChanges.none());
  }

  public StoreScimStorage(DirectoryStore directory, Deprovisioning deprovisioning, DirectoryChanges changes) {
    this.directory = directory;
    this.deprovisioning = deprovisioning;
    this.changes = changes;
  }

  @Override
  public Future<StoredResource> create(ResourceKind kind, String id, JsonObject attributes) {
    return guarded(() -> kind == ResourceKind.USER
        ? directory.createUser(DirectoryMapping.user(id, attributes, 0))
            .compose(u -> changes.user(u.id(), List.of(u.userName()), u.externalId()).map(u))
            .map(DirectoryMapping::resource)
        : directory.createGroup(DirectoryMapping.group(id, attributes, 0)).map(DirectoryMapping::resource));
  }

  @Override
  public Future<Optional<StoredResource>> get(ResourceKind kind, String id) {
    return guarded(() -> kind == ResourceKind.USER
        ? directory.user(id).map(u -> u.map(DirectoryMapping::resource))
        : directory.group(id).map(g -> g.map(DirectoryMapping::resource)));
  }

  @Override
  public Future<StoredResource> replace(ResourceKind kind, String id, JsonObject attributes, long expectedVersion) {
    if (kind == ResourceKind.GROUP) {
      return guarded(() -> directory.replaceGroup(DirectoryMapping.group(id, attributes, expectedVersion))
          .compose(g -> changes.group(g.id()).map(g))
          .map(DirectoryMapping::resource));
    }
    return guarded(() -> {
      DirectoryUser next = DirectoryMapping.user(id, attributes, expectedVersion);
      // Read first to learn whether this write switches the user off. The compare-and-swap below
      // succeeds only at expectedVersion, so when it does, what was read is exactly what it replaced.
      return directory.user(id).compose(found -> {
        if (found.isEmpty()) {
          return Future.failedFuture(new StorageConflict(StorageConflict.Kind.MISSING, "User " + id + " not found"));
        }
        DirectoryUser before = found.get();
        if (before.version() != expectedVersion) {
          return Future.failedFuture(new StorageConflict(StorageConflict.Kind.STALE, "User " + id
              + " is at version " + before.version() + ", not " + expectedVersion + "; reload and retry"));
        }
        return directory.replaceUser(next).compose(after -> (before.active() && !after.active()
            ? deprovisioning.deprovision(id, List.of(after.userName(), before.userName()),
                Deprovisioning.Cause.DEACTIVATED)
            : Future.<Void>succeededFuture())
            // every replace, reactivation included: nodes re-read the user's standing
            .compose(x -> changes.user(id, List.of(after.userName(), before.userName()), after.externalId()))
            .map(after));
      }).map(DirectoryMapping::resource);
    });
  }

  @Override
  public Future<Boolean> delete(ResourceKind kind, String id) {
    if (kind == ResourceKind.GROUP) {
      return guarded(() -> directory.deleteGroup(id).compose(deleted -> deleted
          ? changes.group(id).map(true) : Future.succeededFuture(false)));
    }
    return guarded(() -> directory.user(id).compose(found -> found.isEmpty() ? Future.succeededFuture(false)
        : directory.deleteUser(id).compose(deleted -> deleted
            ? deprovisioning.deprovision(id, List.of(found.get().userName()), Deprovisioning.Cause.DELETED)
                .compose(x -> changes.user(id, List.of(found.get().userName()), found.get().externalId()))
                .map(true)
            : Future.succeededFuture(false))));
  }

  @Override
  public Future<ResourcePage> list(ResourceKind kind, IndexedMatch match, int offset, int limit) {
    int from = Math.max(0, offset);
    int want = Math.max(0, limit);
    if (match != null && !DirectoryMapping.storable(match.value())) {
      return Future.succeededFuture(new ResourcePage(List.of(), 0));
    }
    return guarded(() -> {
      DirectoryMapping.query(kind, match, 0, 0); // rejects an unindexed attribute before any I/O
      return chunk(kind, match, from, want, new ArrayList<>());
    });
  }

  /** Reads up to {@code want} resources from {@code from} in store-sized pages, one after another. */
  private Future<ResourcePage> chunk(ResourceKind kind, IndexedMatch match, int from, int want,
                                     List<StoredResource> into) {
    int size = Math.min(want, STORE_PAGE);
    DirectoryQuery q = DirectoryMapping.query(kind, match, from, size);
    Future<Page<StoredResource>> page = kind == ResourceKind.USER
        ? directory.users(q).map(p -> new Page<>(p.items().stream().map(DirectoryMapping::resource).toList(),
            p.total(), p.offset(), p.limit()))
        : directory.groups(q).map(p -> new Page<>(p.items().stream().map(DirectoryMapping::resource).toList(),
            p.total(), p.offset(), p.limit()));
    return page.compose(p -> {
      into.addAll(p.items());
      int left = want - p.items().size();
      boolean more = left > 0 && p.items().size() == size && from + size < p.total();
      return more ? chunk(kind, match, from + size, left, into)
          : Future.succeededFuture(new ResourcePage(into, p.total()));
    });
  }

  @Override
  public Future<Integer> addMembers(String groupId, Collection<String> memberIds) {
    return guarded(() -> directory.addMembers(groupId, memberIds)
        .compose(n -> n == 0 ? Future.succeededFuture(n) : changes.members(memberIds).map(n)));
  }

  @Override
  public Future<Integer> removeMembers(String groupId, Collection<String> memberIds) {
    return guarded(() -> directory.removeMembers(groupId, memberIds)
        .compose(n -> n == 0 ? Future.succeededFuture(n) : changes.members(memberIds).map(n)));
  }

  @Override
  public Future<List<String>> members(String groupId) {
    return guarded(() -> allMembers(groupId, 0, new ArrayList<>()));
  }

  private Future<List<String>> allMembers(String groupId, int offset, List<String> into) {
    return directory.members(groupId, offset, STORE_PAGE).compose(p -> {
      into.addAll(p.items());
      return p.items().size() == STORE_PAGE && p.hasMore()
          ? allMembers(groupId, offset + STORE_PAGE, into) : Future.succeededFuture(List.copyOf(into));
    });
  }

  @Override
  public Future<List<String>> groupsOf(String memberId) {
    return guarded(() -> directory.groupsOf(memberId));
  }

  /** Runs {@code call}, turning a synchronous throw into a failed future and store failures into conflicts. */
  private static <T> Future<T> guarded(Supplier<Future<T>> call) {
    Future<T> f;
    try {
      f = call.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(DirectoryMapping.conflict(e));
    }
    return f.recover(t -> Future.failedFuture(DirectoryMapping.conflict(t)));
  }
}
