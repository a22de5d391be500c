package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.projection.Projection;
import io.sallyport.scim.resource.ResourceValidator;
import io.sallyport.scim.resource.ValidatedResource;
import io.sallyport.scim.spi.ScimStorage;
import io.sallyport.scim.spi.StoredResource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code GET}, {@code POST}, {@code PUT} and {@code DELETE} of one User or Group (RFC 7644 §3.3–3.6). */
final class ResourceRoutes {

  private final ScimStorage storage;
  private final References references;
  private final ScimOptions options;

  ResourceRoutes(ScimStorage storage, References references, ScimOptions options) {
    this.storage = storage;
    this.references = references;
    this.options = options;
  }

  Future<Void> get(RoutingContext rc, ResourceKind kind) {
    String id = rc.pathParam("id");
    Projection projection = projection(rc, kind);
    return existing(kind, id).compose(stored -> {
      String ifNoneMatch = rc.request().getHeader("If-None-Match");
      if (ifNoneMatch != null && Etags.matches(ifNoneMatch, stored.version())) {
        rc.response().putHeader("ETag", Etags.of(stored.version()));
        return rc.response().setStatusCode(304).end();
      }
      return reply(rc, kind, stored, projection, 200);
    });
  }

  Future<Void> create(RoutingContext rc, ResourceKind kind) {
    ValidatedResource valid = ResourceValidator.validate(kind, RequestBody.object(rc, options.maxJsonDepth()));
    Projection projection = projection(rc, kind);
    String id = UUID.randomUUID().toString();
    return storage.create(kind, id, valid.attributes())
        .compose(created -> valid.memberIds().isEmpty() ? Future.succeededFuture(created)
            : storage.addMembers(id, valid.memberIds()).compose(n -> existing(kind, id)))
        .compose(stored -> reply(rc, kind, stored, projection, 201));
  }

  Future<Void> replace(RoutingContext rc, ResourceKind kind) {
    String id = rc.pathParam("id");
    ValidatedResource valid = ResourceValidator.validate(kind, RequestBody.object(rc, options.maxJsonDepth()));
    Projection projection = projection(rc, kind);
    return existing(kind, id).compose(current -> {
      Etags.requireMatch(rc.request().getHeader("If-Match"), kind.type() + " " + id, current.version());
      return storage.replace(kind, id, valid.attributes(), current.version());
    }).compose(replaced -> kind == ResourceKind.GROUP
        ? setMembers(id, valid.memberIds()).compose(v -> existing(kind, id))
        : Future.succeededFuture(replaced))
        .compose(stored -> reply(rc, kind, stored, projection, 200));
  }

  Future<Void> delete(RoutingContext rc, ResourceKind kind) {
    String id = rc.pathParam("id");
    String ifMatch = rc.request().getHeader("If-Match");
    Future<Void> precondition = ifMatch == null ? Future.succeededFuture()
        : existing(kind, id).map(current -> {
          Etags.requireMatch(ifMatch, kind.type() + " " + id, current.version());
          return null;
        });
    return precondition.compose(v -> storage.delete(kind, id)).compose(deleted -> {
      if (!deleted) {
        return Future.failedFuture(ScimException.notFound(kind.type(), id));
      }
      return ScimReply.noContent(rc);
    });
  }

  /** A PUT lists the complete membership: add what is new, remove what is gone. */
  Future<Void> setMembers(String groupId, List<String> wanted) {
    return storage.members(groupId).compose(current -> {
      Set<String> now = new HashSet<>(current);
      Set<String> target = new HashSet<>(wanted);
      List<String> add = new ArrayList<>();
      for (String w : wanted) {
        if (!now.contains(w)) {
          add.add(w);
        }
      }
      List<String> remove = current.stream().filter(c -> !target.contains(c)).toList();
      Future<Integer> removed = remove.isEmpty() ? Future.succeededFuture(0) : storage.removeMembers(groupId, remove);
      return removed.compose(n -> add.isEmpty() ? Future.succeededFuture(0) : storage.addMembers(groupId, add))
          .mapEmpty();
    });
  }

  Future<StoredResource> existing(ResourceKind kind, String id) {
    return storage.get(kind, id).compose(found -> found
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ScimException.notFound(kind.type(), id))));
  }

  /** The request's attributes/excludedAttributes, parsed before storage so that a bad name changes nothing. */
  static Projection projection(RoutingContext rc, ResourceKind kind) {
    return ListQuery.projectionOnly(rc.queryParams()).projection(kind);
  }

  Future<Void> reply(RoutingContext rc, ResourceKind kind, StoredResource stored, Projection projection, int status) {
    return references.of(kind, stored.id(), ResourceView.needsReferences(kind, projection)).compose(refs -> {
      JsonObject resource = ResourceView.render(kind, stored, refs, locations(rc));
      if (status == 201) {
        rc.response().putHeader("Location", resource.getJsonObject("meta").getString("location"));
      }
      return ScimReply.resource(rc, status, projection.apply(resource), stored.version());
    });
  }

  Locations locations(RoutingContext rc) {
    return Locations.of(rc.request(), options.basePath());
  }
}
