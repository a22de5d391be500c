package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.projection.Projection;
import io.sallyport.scim.spi.StoredResource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A stored resource as the client sees it, before projection: {@code schemas}, {@code id}, the
 * stored attributes, group {@code members} or user {@code groups} (when fetched) and {@code meta}.
 * References carry {@code value} and {@code $ref} only: a display name would cost one lookup per
 * member, and Entra never reads it.
 */
final class ResourceView {

  private static final Pattern MEMBERS = Pattern.compile("(?i)\\bmembers\\b");
  private static final Pattern GROUPS = Pattern.compile("(?i)\\bgroups\\b");

  private ResourceView() {}

  static JsonObject render(ResourceKind kind, StoredResource stored, List<String> references, Locations locations) {
    JsonObject out = new JsonObject().put("schemas", schemas(kind, stored.attributes())).put("id", stored.id());
    stored.attributes().forEach(e -> {
      if (!e.getKey().equals("schemas") && !e.getKey().equals("id") && !e.getKey().equals("meta")) {
        out.put(e.getKey(), e.getValue());
      }
    });
    if (references != null) {
      out.put(kind == ResourceKind.GROUP ? "members" : "groups", references(kind, references, locations));
    }
    String location = locations.of(kind, stored.id());
    out.put("meta", new JsonObject().put("resourceType", kind.type())
        .put("created", stored.created().toString()).put("lastModified", stored.lastModified().toString())
        .put("location", location).put("version", Etags.of(stored.version())));
    return out;
  }

  /**
   * Whether a read of one resource must fetch group members (or a user's groups): not when the
   * projection leaves them out, as Entra's {@code excludedAttributes=members} does.
   */
  static boolean needsReferences(ResourceKind kind, Projection projection) {
    return projection.mayReturn(kind == ResourceKind.GROUP ? "members" : "groups");
  }

  /**
   * The same for a listing, whose filter or sort may read them even when they are not returned
   * (a conservative textual test: over-fetching is only slower).
   */
  static boolean needsReferences(ResourceKind kind, ListQuery query, Projection projection) {
    Pattern mention = kind == ResourceKind.GROUP ? MEMBERS : GROUPS;
    return (query.filter() != null && mention.matcher(query.filter()).find())
        || (query.sortBy() != null && mention.matcher(query.sortBy()).find())
        || needsReferences(kind, projection);
  }

  private static JsonArray schemas(ResourceKind kind, JsonObject attributes) {
    JsonArray stored = attributes.getValue("schemas") instanceof JsonArray a ? a : null;
    if (stored != null && !stored.isEmpty()) {
      return stored.copy();
    }
    JsonArray schemas = new JsonArray().add(kind.coreSchema());
    if (kind == ResourceKind.USER && attributes.containsKey(ResourceKind.ENTERPRISE_USER)) {
      schemas.add(ResourceKind.ENTERPRISE_USER);
    }
    return schemas;
  }

  private static JsonArray references(ResourceKind kind, List<String> ids, Locations locations) {
    JsonArray out = new JsonArray();
    for (String id : ids) {
      // members are users as far as the SPI says (it keeps no member type); user groups are groups
      ResourceKind target = kind == ResourceKind.GROUP ? ResourceKind.USER : ResourceKind.GROUP;
      JsonObject ref = new JsonObject().put("value", id).put("$ref", locations.of(target, id));
      if (kind == ResourceKind.USER) {
        ref.put("type", "direct");
      }
      out.add(ref);
    }
    return out;
  }
}
