package io.sallyport.scim.patch;

import io.vertx.core.json.JsonObject;

/**
 * The outcome of a PATCH: the complete new attributes to store (with {@code schemas}, without id,
 * meta or members), whether they differ from the ones given, and the membership changes (always
 * {@link MemberChanges#NONE} for users). A PATCH that changes nothing must not bump the version.
 */
public record PatchResult(JsonObject attributes, boolean attributesChanged, MemberChanges members) {

  public PatchResult {
    attributes = attributes.copy();
  }

  public boolean changed() {
    return attributesChanged || !members.isEmpty();
  }
}
