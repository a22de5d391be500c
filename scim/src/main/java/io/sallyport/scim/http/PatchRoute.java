package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.patch.MemberChanges;
import io.sallyport.scim.patch.PatchEngine;
import io.sallyport.scim.patch.PatchRequest;
import io.sallyport.scim.patch.PatchResult;
import io.sallyport.scim.projection.Projection;
import io.sallyport.scim.spi.ScimStorage;
import io.sallyport.scim.spi.StorageConflict;
import io.sallyport.scim.spi.StoredResource;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code PATCH} (RFC 7644 §3.5.2): read, apply in memory, write with the read version. The whole
 * request is parsed and applied before anything is stored, so a failing operation stores nothing.
 * A concurrent write (STALE) without {@code If-Match} re-runs read-apply-write a few times; with
 * {@code If-Match} the client asked for exactly that version, so it gets 412.
 */
final class PatchRoute {

  static final int ATTEMPTS = 5;

  private final ScimStorage storage;
  private final ResourceRoutes resources;
  private final ScimOptions options;

  PatchRoute(ScimStorage storage, ResourceRoutes resources, ScimOptions options) {
    this.storage = storage;
    this.resources = resources;
    this.options = options;
  }

  Future<Void> patch(RoutingContext rc, ResourceKind kind) {
    String id = rc.pathParam("id");
    PatchRequest request = PatchRequest.parse(RequestBody.object(rc, options.maxJsonDepth()));
    ListQuery query = ListQuery.projectionOnly(rc.queryParams());
    Projection projection = query.projection(kind);
    String ifMatch = rc.request().getHeader("If-Match");
    return attempt(kind, id, request, ifMatch, 1).compose(stored -> {
      // Entra prefers 204 for groups and never needs their member list back
      if (kind == ResourceKind.GROUP && query.attributes() == null) {
        return ScimReply.noContent(rc);
      }
      return resources.reply(rc, kind, stored, projection, 200);
    });
  }

  private Future<StoredResource> attempt(ResourceKind kind, String id, PatchRequest request, String ifMatch, int n) {
    return resources.existing(kind, id).compose(current -> {
      Etags.requireMatch(ifMatch, kind.type() + " " + id, current.version());
      PatchResult result = PatchEngine.apply(kind, current.attributes(), request.operations());
      if (!result.changed()) {
        return Future.succeededFuture(current);
      }
      Future<StoredResource> written = result.attributesChanged()
          ? storage.replace(kind, id, result.attributes(), current.version())
          : Future.succeededFuture(current);
      return written.compose(w -> members(id, result.members()).compose(v -> result.members().isEmpty()
          ? Future.succeededFuture(w) : resources.existing(kind, id)));
    }).recover(e -> {
      if (e instanceof StorageConflict c && c.kind() == StorageConflict.Kind.STALE && ifMatch == null && n < ATTEMPTS) {
        return attempt(kind, id, request, null, n + 1);
      }
      return Future.failedFuture(e);
    });
  }

  private Future<Void> members(String groupId, MemberChanges changes) {
    if (changes.isEmpty()) {
      return Future.succeededFuture();
    }
    if (changes.replacesAll()) {
      return resources.setMembers(groupId, changes.added());
    }
    Future<Integer> removed = changes.removed().isEmpty() ? Future.succeededFuture(0)
        : storage.removeMembers(groupId, changes.removed());
    return removed.compose(r -> changes.added().isEmpty() ? Future.succeededFuture(0)
        : storage.addMembers(groupId, changes.added())).mapEmpty();
  }
}
