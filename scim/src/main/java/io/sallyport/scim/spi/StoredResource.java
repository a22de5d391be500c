package io.sallyport.scim.spi;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A resource as storage holds it: the SCIM attributes (no {@code id}, no {@code meta}, and for
 * groups no {@code members}: those live in the storage's member index), a version that changes on
 * every write (the ETag) and the storage's timestamps.
 */
public record StoredResource(String id, JsonObject attributes, long version, Instant created, Instant lastModified) {

  public StoredResource {
    attributes = attributes == null ? new JsonObject() : attributes.copy();
  }
}
