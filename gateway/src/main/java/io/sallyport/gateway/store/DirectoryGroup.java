package io.sallyport.gateway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A SCIM-provisioned group. Members live in their own table (see {@link
 * DirectoryStore#addMembers}) so a 10,000-member group never rewrites one huge row; {@code
 * attributes} therefore carries no {@code members}.
 */
public record DirectoryGroup(String id, String externalId, String displayName,
                             JsonObject attributes, long version, Instant created,
                             Instant lastModified) {
  public DirectoryGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    attributes = attributes == null ? new JsonObject() : attributes.copy();
  }

  /** A group to hand to {@link DirectoryStore#createGroup}; the store fills version and times. */
  public static DirectoryGroup draft(String id, String externalId, String displayName,
                                     JsonObject attributes) {
    return new DirectoryGroup(id, externalId, displayName, attributes, 0, null, null);
  }
}
