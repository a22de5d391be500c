package io.sallyport.devtenant.provisioning;

import io.sallyport.devtenant.state.Group;
import io.sallyport.devtenant.state.TenantState;
import io.sallyport.devtenant.state.User;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One provisioning cycle in Entra's order: users (query by userName, then create or update), users
 * gone from the tenant (soft delete: active false), groups (query by displayName without members,
 * then create with no members), and last the memberships, added and removed in batches. Every
 * object's query precedes its writes; objects are worked on {@code concurrency} at a time.
 */
final class ProvisioningCycle {

  /** Members per PATCH: Entra's batch size is unpublished [GUESS]; the reference asks servers to take ≥100. */
  static final int MEMBER_BATCH = 100;

  private final ProvisioningConfig config;
  private final ScimClient scim;
  private final TenantState state;
  private final ProvisioningMemory memory;
  private final Tally tally;
  private final boolean compliant;

  ProvisioningCycle(ProvisioningConfig config, ScimClient scim, TenantState state, ProvisioningMemory memory,
      Tally tally) {
    this.config = config;
    this.scim = scim;
    this.state = state;
    this.memory = memory;
    this.tally = tally;
    this.compliant = config.compliantPatches();
  }

  Future<Void> run() {
    List<User> users = state.users.all();
    List<Group> groups = state.groups.all();
    Set<String> present = new HashSet<>();
    users.forEach(u -> present.add(u.id().toLowerCase()));
    List<Map.Entry<String, String>> gone = memory.userIds.entrySet().stream()
        .filter(e -> !present.contains(e.getKey()) && !memory.deactivated.contains(e.getKey())).toList();
    return each(users, this::user)
        .compose(v -> each(gone, e -> deprovision(e.getKey(), e.getValue())))
        .compose(v -> each(groups, this::group))
        .compose(v -> each(groups, g -> members(g, present)));
  }

  private Future<?> user(User u) {
    String query = ScimBodies.filter("userName", u.upn());
    return call(HttpMethod.GET, config.url("/Users", query), null, "GET /Users?filter=userName eq \"" + u.upn() + "\"")
        .compose(r -> {
          JsonArray found = r.bodyAsJsonObject().getJsonArray("Resources", new JsonArray());
          if (found.isEmpty()) {
            return call(HttpMethod.POST, config.url("/Users", null), ScimBodies.createUser(u),
                "POST /Users (userName " + u.upn() + ")").onSuccess(c -> {
                  remember(u, c.bodyAsJsonObject().getString("id"));
                  tally.created.incrementAndGet();
                });
          }
          JsonObject existing = found.getJsonObject(0);
          String id = existing.getString("id");
          remember(u, id);
          UserChanges changes = UserChanges.between(u, existing);
          if (changes.isEmpty()) {
            tally.unchanged.incrementAndGet();
            return Future.succeededFuture();
          }
          return call(HttpMethod.PATCH, config.url("/Users/" + id, null),
              ScimBodies.patch(changes.operations(compliant)), "PATCH /Users/" + id + " (userName " + u.upn() + ")")
              .onSuccess(p -> (Boolean.FALSE.equals(changes.active()) ? tally.disabled : tally.updated)
                  .incrementAndGet());
        });
  }

  private void remember(User u, String scimId) {
    memory.userIds.put(u.id().toLowerCase(), scimId);
    memory.deactivated.remove(u.id().toLowerCase());
  }

  /** A user gone from the tenant: Entra's default is a soft delete (active false), not a DELETE. */
  private Future<?> deprovision(String userId, String scimId) {
    JsonArray ops = new JsonArray().add(new JsonObject().put("op", ScimBodies.op("Replace", compliant))
        .put("path", "active").put("value", compliant ? (Object) false : "False"));
    return call(HttpMethod.PATCH, config.url("/Users/" + scimId, null), ScimBodies.patch(ops),
        "PATCH /Users/" + scimId + " (deprovisioning deleted user " + userId + ")").onSuccess(r -> {
          memory.deactivated.add(userId);
          tally.disabled.incrementAndGet();
        });
  }

  private Future<?> group(Group g) {
    String query = "excludedAttributes=members&" + ScimBodies.filter("displayName", g.displayName());
    String what = "GET /Groups?filter=displayName eq \"" + g.displayName() + "\"";
    return call(HttpMethod.GET, config.url("/Groups", query), null, what).<Void>compose(r -> {
      JsonArray found = r.bodyAsJsonObject().getJsonArray("Resources", new JsonArray());
      if (!found.isEmpty()) {
        memory.groupIds.put(g.id().toLowerCase(), found.getJsonObject(0).getString("id"));
        return Future.<Void>succeededFuture();
      }
      String known = memory.groupIds.get(g.id().toLowerCase());
      return known == null ? createGroup(g) : rename(g, known);
    });
  }

  private Future<Void> createGroup(Group g) {
    return call(HttpMethod.POST, config.url("/Groups", null), ScimBodies.createGroup(g),
        "POST /Groups (displayName " + g.displayName() + ")").onSuccess(c -> {
          memory.groupIds.put(g.id().toLowerCase(), c.bodyAsJsonObject().getString("id"));
          tally.groupsCreated.incrementAndGet();
        }).mapEmpty();
  }

  /** Renamed in the tenant: Entra reads the group by its remembered id, then replaces displayName. */
  private Future<Void> rename(Group g, String scimId) {
    String url = config.url("/Groups/" + scimId, "excludedAttributes=members");
    return scim.send(HttpMethod.GET, url, null, tally).compose(r -> {
      if (r.statusCode() == 404) {
        return createGroup(g);
      }
      if (r.statusCode() / 100 != 2) {
        return fail("GET /Groups/" + scimId, r);
      }
      JsonArray ops = new JsonArray().add(new JsonObject().put("op", ScimBodies.op("Replace", compliant))
          .put("path", "displayName").put("value", g.displayName()));
      return call(HttpMethod.PATCH, config.url("/Groups/" + scimId, null), ScimBodies.patch(ops),
          "PATCH /Groups/" + scimId + " (rename to " + g.displayName() + ")")
          .onSuccess(p -> tally.groupsUpdated.incrementAndGet()).mapEmpty();
    }, e -> fail("GET /Groups/" + scimId, e));
  }

  private Future<?> members(Group g, Set<String> presentUsers) {
    String scimGroup = memory.groupIds.get(g.id().toLowerCase());
    if (scimGroup == null) {
      return Future.succeededFuture();
    }
    List<String> desired = new ArrayList<>();
    for (String m : g.members()) {
      String key = m.toLowerCase();
      String id = presentUsers.contains(key) ? memory.userIds.get(key) : memory.groupIds.get(key);
      if (id != null) {
        desired.add(id);
      }
    }
    Set<String> pushed = memory.pushedMembers(scimGroup);
    List<String> add = desired.stream().filter(id -> !pushed.contains(id)).distinct().toList();
    List<String> remove = pushed.stream().filter(id -> !desired.contains(id)).sorted().toList();
    String url = config.url("/Groups/" + scimGroup, null);
    Future<?> chain = Future.succeededFuture();
    for (List<String> batch : batches(add)) {
      chain = chain.compose(v -> call(HttpMethod.PATCH, url,
          ScimBodies.patch(new JsonArray().add(ScimBodies.addMembers(batch, compliant))),
          "PATCH /Groups/" + scimGroup + " (add " + batch.size() + " members)").onSuccess(r -> {
            pushed.addAll(batch);
            tally.membersAdded.addAndGet(batch.size());
          }).otherwiseEmpty());
    }
    for (List<String> batch : batches(remove)) {
      chain = chain.compose(v -> call(HttpMethod.PATCH, url, ScimBodies.patch(ScimBodies.removeMembers(batch, compliant)),
          "PATCH /Groups/" + scimGroup + " (remove " + batch.size() + " members)").onSuccess(r -> {
            batch.forEach(pushed::remove);
            tally.membersRemoved.addAndGet(batch.size());
          }).otherwiseEmpty());
    }
    return chain;
  }

  private static List<List<String>> batches(List<String> ids) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += MEMBER_BATCH) {
      out.add(List.copyOf(ids.subList(i, Math.min(ids.size(), i + MEMBER_BATCH))));
    }
    return out;
  }

  /** A request that must answer 2xx; anything else is recorded as the cycle's error and fails this object. */
  private Future<HttpResponse<Buffer>> call(HttpMethod method, String url, JsonObject body, String what) {
    return scim.send(method, url, body, tally).compose(r -> {
      if (r.statusCode() / 100 == 2) {
        if (method != HttpMethod.PATCH && method != HttpMethod.DELETE) {
          try {
            r.bodyAsJsonObject();
          } catch (RuntimeException e) {
            return fail(what + ": " + r.statusCode() + " with a body that is not JSON", null);
          }
        }
        return Future.succeededFuture(r);
      }
      return fail(what, r);
    }, e -> fail(what + ": " + e.getMessage(), null));
  }

  private <T> Future<T> fail(String what, Object cause) {
    String detail = cause instanceof HttpResponse<?> r ? what + ": HTTP " + r.statusCode() + " " + snippet(r)
        : cause instanceof Throwable t ? what + ": " + t.getMessage() : what;
    tally.error(detail);
    return Future.failedFuture(new Recorded(detail));
  }

  /** A failure already counted in the tally. */
  private static final class Recorded extends RuntimeException {
    Recorded(String message) {
      super(message, null, false, false);
    }
  }

  private static String snippet(HttpResponse<?> r) {
    Object body = r.body();
    String s = body == null ? "" : body.toString();
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** Runs {@code task} over {@code items}, {@code concurrency} at a time; a failed item never stops the rest. */
  private <T> Future<Void> each(List<T> items, Function<T, Future<?>> task) {
    AtomicInteger next = new AtomicInteger();
    List<Future<Void>> workers = new ArrayList<>();
    for (int i = 0; i < Math.min(config.concurrency(), items.size()); i++) {
      workers.add(worker(items, next, task));
    }
    return Future.join(workers).mapEmpty();
  }

  private void unexpected(Object item, Throwable failure) {
    if (failure != null && !(failure instanceof Recorded)) {
      String what = item instanceof User u ? "user " + u.upn() : item instanceof Group g ? "group " + g.displayName()
          : String.valueOf(item);
      tally.error("provisioning " + what + ": " + failure);
    }
  }

  /**
   * One of {@code each}'s workers. Each asynchronous completion re-enters {@link #step} from its
   * callback and the worker's one promise completes at the end: returning a new future per item
   * instead built a chain as long as the list, whose completion overflowed the stack at 10,000 users.
   */
  private <T> Future<Void> worker(List<T> items, AtomicInteger next, Function<T, Future<?>> task) {
    Promise<Void> done = Promise.promise();
    step(items, next, task, done);
    return done.future();
  }

  private <T> void step(List<T> items, AtomicInteger next, Function<T, Future<?>> task, Promise<Void> done) {
    while (true) {
      int i = next.getAndIncrement();
      if (i >= items.size()) {
        done.complete();
        return;
      }
      T item = items.get(i);
      Future<?> f;
      try {
        f = task.apply(item);
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      if (!f.isComplete()) {
        f.onComplete(ar -> {
          unexpected(item, ar.cause());
          step(items, next, task, done);
        });
        return;
      }
      unexpected(item, f.cause());
    }
  }
}
