package io.sallyport.scim.resource;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A POST/PUT body made fit to store: {@code attributes} in canonical form with {@code schemas} and
 * without id, meta, password or members; {@code memberIds} the group members the body listed, in
 * order and without duplicates, for the HTTP layer to add through {@code ScimStorage.addMembers}
 * (always empty for users). {@code membersGiven} tells a PUT that replaces the member list
 * ({@code "members": []} included) from one that leaves it alone (no {@code members} key, or null).
 */
public record ValidatedResource(JsonObject attributes, List<String> memberIds, boolean membersGiven) {

  public ValidatedResource {
    attributes = attributes.copy();
    memberIds = List.copyOf(memberIds);
  }
}
