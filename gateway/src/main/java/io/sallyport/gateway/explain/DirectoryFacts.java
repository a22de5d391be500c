package io.sallyport.gateway.explain;

import io.sallyport.gateway.store.DirectoryGroup;
import io.sallyport.gateway.store.DirectoryQuery;
import io.sallyport.gateway.store.DirectoryStore;
import io.sallyport.gateway.store.DirectoryUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the SCIM directory (provisioned by Entra) says about a user: present, active, and in which
 * groups. Entra matches users on userName = UPN, and groups carry the Entra object id as
 * externalId, so an admin can compare them with a route's {@code require.groups}.
 */
final class DirectoryFacts {
  static final int MAX_GROUPS = 100;

  private final DirectoryStore directory;

  DirectoryFacts(DirectoryStore directory) {
    this.directory = directory;
  }

  /** A user by UPN, else by an object id Entra sent as externalId. */
  Future<Optional<DirectoryUser>> find(String upn, String oid) {
    Future<Optional<DirectoryUser>> byName = upn == null ? Future.succeededFuture(Optional.empty())
        : directory.userByUserName(upn);
    return byName.compose(found -> found.isPresent() || oid == null ? Future.succeededFuture(found)
        : directory.users(DirectoryQuery.where(DirectoryQuery.Field.EXTERNAL_ID, oid, 0, 1))
            .map(page -> page.items().stream().findFirst()));
  }

  Future<JsonObject> describe(String upn, String oid) {
    if (upn == null && oid == null) {
      return Future.succeededFuture(new JsonObject().put("checked", false)
          .put("note", "the identity has no UPN or object id (an app-only caller?): nothing to look up"));
    }
    return find(upn, oid).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(new JsonObject().put("checked", true).put("found", false)
            .put("note", "no SCIM-provisioned user with userName " + (upn == null ? "-" : "\"" + upn + "\"")
                + (oid == null ? "" : " or externalId \"" + oid + "\"")
                + " (fine when provisioning is not set up for this gateway)"));
      }
      DirectoryUser u = found.get();
      return groups(u.id()).map(groups -> {
        JsonObject o = new JsonObject().put("checked", true).put("found", true).put("id", u.id())
            .put("userName", u.userName()).put("displayName", u.displayName()).put("active", u.active())
            .put("groups", groups);
        if (!u.active()) {
          o.put("note", "the user is deactivated in the directory (Entra provisioning): the gateway revokes"
              + " their sessions; an admin re-enables the account in Entra ID");
        }
        return o;
      });
    });
  }

  private Future<JsonArray> groups(String userId) {
    return directory.groupsOf(userId).compose(ids -> {
      List<Future<Optional<DirectoryGroup>>> lookups = new ArrayList<>();
      for (String id : ids.subList(0, Math.min(ids.size(), MAX_GROUPS))) {
        lookups.add(directory.group(id));
      }
      return Future.all(lookups).map(all -> {
        JsonArray out = new JsonArray();
        for (Future<Optional<DirectoryGroup>> f : lookups) {
          f.result().ifPresent(g -> out.add(new JsonObject().put("id", g.id()).put("displayName", g.displayName())
              .put("externalId", g.externalId())));
        }
        return out;
      });
    });
  }
}
