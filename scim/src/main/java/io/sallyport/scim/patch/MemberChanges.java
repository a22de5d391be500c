package io.sallyport.scim.patch;

import java.util.List;

/**
 * What a group PATCH does to membership, net of the order of its operations: ids to add and ids
 * to remove (disjoint), or, when {@code replacesAll}, the complete new member list in {@code
 * added} (a replace of members, or a remove of all of them). The HTTP layer applies it with
 * {@code ScimStorage.addMembers/removeMembers}; for a replace it diffs against {@code members()}.
 */
public record MemberChanges(List<String> added, List<String> removed, boolean replacesAll) {

  public static final MemberChanges NONE = new MemberChanges(List.of(), List.of(), false);

  public MemberChanges {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    if (replacesAll && !removed.isEmpty()) {
      throw new IllegalArgumentException("a replacement lists only the new members");
    }
  }

  public boolean isEmpty() {
    return !replacesAll && added.isEmpty() && removed.isEmpty();
  }
}
