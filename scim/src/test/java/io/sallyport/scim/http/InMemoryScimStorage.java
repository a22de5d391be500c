package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.spi.IndexedMatch;
import io.sallyport.scim.spi.ResourcePage;
import io.sallyport.scim.spi.ScimStorage;
import io.sallyport.scim.spi.StorageConflict;
import io.sallyport.scim.spi.StoredResource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The storage SPI held in memory, as faithful to the contract as the database stores: a version
 * bumped on every write, userName and group displayName unique case-insensitively, a member index
 * (members are never part of the attributes), memberships gone with either end. Listing order is
 * creation order. Exported in the test-jar so other modules can test against a reference storage.
 */
public final class InMemoryScimStorage implements ScimStorage {

  private final Clock clock;
  private final Map<ResourceKind, Map<String, StoredResource>> resources = new EnumMap<>(ResourceKind.class);
  private final Map<String, TreeSet<String>> members = new LinkedHashMap<>();

  public InMemoryScimStorage(Clock clock) {
    this.clock = clock;
    for (ResourceKind kind : ResourceKind.values()) {
      resources.put(kind, new LinkedHashMap<>());
    }
  }

  public InMemoryScimStorage() {
    this(Clock.systemUTC());
  }

  @Override
  public Future<StoredResource> create(ResourceKind kind, String id, JsonObject attributes) {
    return run(() -> {
      if (resources.get(kind).containsKey(id)) {
        throw new StorageConflict(StorageConflict.Kind.UNIQUENESS, "id " + id + " is taken");
      }
      requireUnique(kind, id, attributes);
      Instant now = clock.instant();
      StoredResource stored = new StoredResource(id, attributes, 1, now, now);
      resources.get(kind).put(id, stored);
      if (kind == ResourceKind.GROUP) {
        members.put(id, new TreeSet<>());
      }
      return stored;
    });
  }

  @Override
  public Future<Optional<StoredResource>> get(ResourceKind kind, String id) {
    return run(() -> Optional.ofNullable(resources.get(kind).get(id)));
  }

  @Override
  public Future<StoredResource> replace(ResourceKind kind, String id, JsonObject attributes, long expectedVersion) {
    return run(() -> {
      StoredResource current = existing(kind, id);
      if (current.version() != expectedVersion) {
        throw new StorageConflict(StorageConflict.Kind.STALE,
            kind.type() + " " + id + " is at version " + current.version() + ", not " + expectedVersion);
      }
      requireUnique(kind, id, attributes);
      StoredResource next = new StoredResource(id, attributes, current.version() + 1, current.created(), clock.instant());
      resources.get(kind).put(id, next);
      return next;
    });
  }

  @Override
  public Future<Boolean> delete(ResourceKind kind, String id) {
    return run(() -> {
      if (resources.get(kind).remove(id) == null) {
        return false;
      }
      if (kind == ResourceKind.GROUP) {
        members.remove(id);
      }
      // either kind may be a member (nested groups): its memberships go with it
      for (Map.Entry<String, TreeSet<String>> group : members.entrySet()) {
        if (group.getValue().remove(id)) {
          bump(group.getKey());
        }
      }
      return true;
    });
  }

  @Override
  public Future<ResourcePage> list(ResourceKind kind, IndexedMatch match, int offset, int limit) {
    return run(() -> {
      List<StoredResource> all = new ArrayList<>();
      for (StoredResource r : resources.get(kind).values()) {
        if (match == null || matches(r, match)) {
          all.add(r);
        }
      }
      int from = Math.min(Math.max(offset, 0), all.size());
      int to = (int) Math.min((long) from + Math.max(limit, 0), all.size());
      return new ResourcePage(all.subList(from, to), all.size());
    });
  }

  @Override
  public Future<Integer> addMembers(String groupId, Collection<String> memberIds) {
    return run(() -> {
      TreeSet<String> current = group(groupId);
      int added = 0;
      for (String member : memberIds) {
        added += current.add(member) ? 1 : 0;
      }
      if (added > 0) {
        bump(groupId);
      }
      return added;
    });
  }

  @Override
  public Future<Integer> removeMembers(String groupId, Collection<String> memberIds) {
    return run(() -> {
      TreeSet<String> current = group(groupId);
      int removed = 0;
      for (String member : memberIds) {
        removed += current.remove(member) ? 1 : 0;
      }
      if (removed > 0) {
        bump(groupId);
      }
      return removed;
    });
  }

  @Override
  public Future<List<String>> members(String groupId) {
    return run(() -> List.copyOf(members.getOrDefault(groupId, new TreeSet<>())));
  }

  @Override
  public Future<List<String>> groupsOf(String memberId) {
    return run(() -> {
      List<String> groups = new ArrayList<>();
      members.forEach((group, ids) -> {
        if (ids.contains(memberId)) {
          groups.add(group);
        }
      });
      return groups;
    });
  }

  /** Every call is atomic: the SPI's writes are transactions in the database stores. */
  private synchronized <T> Future<T> run(Supplier<T> body) {
    try {
      return Future.succeededFuture(body.get());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private StoredResource existing(ResourceKind kind, String id) {
    StoredResource r = resources.get(kind).get(id);
    if (r == null) {
      throw new StorageConflict(StorageConflict.Kind.MISSING, kind.type() + " " + id + " not found");
    }
    return r;
  }

  private TreeSet<String> group(String groupId) {
    TreeSet<String> ids = members.get(groupId);
    if (ids == null) {
      throw new StorageConflict(StorageConflict.Kind.MISSING, "Group " + groupId + " not found");
    }
    return ids;
  }

  private void bump(String groupId) {
    StoredResource g = existing(ResourceKind.GROUP, groupId);
    resources.get(ResourceKind.GROUP).put(groupId,
        new StoredResource(groupId, g.attributes(), g.version() + 1, g.created(), clock.instant()));
  }

  private void requireUnique(ResourceKind kind, String id, JsonObject attributes) {
    String key = uniqueKey(kind);
    String value = folded(valueIgnoringCase(attributes, key));
    if (value == null) {
      return;
    }
    for (StoredResource other : resources.get(kind).values()) {
      if (!other.id().equals(id) && value.equals(folded(valueIgnoringCase(other.attributes(), key)))) {
        throw new StorageConflict(StorageConflict.Kind.UNIQUENESS, key + " " + value + " is taken");
      }
    }
  }

  private static boolean matches(StoredResource r, IndexedMatch match) {
    String attribute = match.attribute();
    if ("id".equalsIgnoreCase(attribute)) {
      return r.id().equals(match.value());
    }
    Object value = valueIgnoringCase(r.attributes(), attribute);
    if ("externalId".equalsIgnoreCase(attribute)) {
      return Objects.equals(value, match.value());
    }
    return Objects.equals(folded(value), folded(match.value()));
  }

  private static Object valueIgnoringCase(JsonObject attributes, String name) {
    for (String key : attributes.fieldNames()) {
      if (key.equalsIgnoreCase(name)) {
        return attributes.getValue(key);
      }
    }
    return null;
  }

  private static String uniqueKey(ResourceKind kind) {
    return kind == ResourceKind.USER ? "userName" : "displayName";
  }

  private static String folded(Object value) {
    return value instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
  }
}
