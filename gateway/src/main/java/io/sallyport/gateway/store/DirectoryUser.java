package io.sallyport.gateway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A SCIM-provisioned user. The indexed columns ({@code userName}, {@code externalId}, {@code
 * active}, {@code displayName}) are lifted out of {@code attributes} by the SCIM layer so the store
 * can find and filter without parsing JSON.
 *
 * @param attributes the full SCIM resource body; copied on construction
 * @param version    compare-and-swap counter; set by the store (1 on create, +1 per replace)
 * @param created    set by the store from its clock on create
 */
public record DirectoryUser(String id, String externalId, String userName, boolean active,
                            String displayName, JsonObject attributes, long version,
                            Instant created, Instant lastModified) {
  public DirectoryUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userName, "userName");
    attributes = attributes == null ? new JsonObject() : attributes.copy();
  }

  /** A user to hand to {@link DirectoryStore#createUser}; the store fills version and times. */
  public static DirectoryUser draft(String id, String externalId, String userName, boolean active,
                                    String displayName, JsonObject attributes) {
    return new DirectoryUser(id, externalId, userName, active, displayName, attributes, 0, null,
        null);
  }
}
