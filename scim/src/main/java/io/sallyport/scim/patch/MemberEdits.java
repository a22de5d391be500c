package io.sallyport.scim.patch;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Folds a PATCH's member operations, in order, into one {@link MemberChanges}: a later remove
 * cancels an earlier add of the same id and the other way round, and a replace starts over from
 * the complete list it gives. Storage then applies the net result in one go.
 */
final class MemberEdits {

  private final Set<String> added = new LinkedHashSet<>();
  private final Set<String> removed = new LinkedHashSet<>();
  private boolean replacesAll;

  void add(Collection<String> ids) {
    removed.removeAll(ids);
    added.addAll(ids);
  }

  void remove(Collection<String> ids) {
    added.removeAll(ids);
    if (!replacesAll) {
      removed.addAll(ids);
    }
  }

  void replaceAll(Collection<String> ids) {
    replacesAll = true;
    removed.clear();
    added.clear();
    added.addAll(ids);
  }

  MemberChanges result() {
    return new MemberChanges(added.stream().toList(), removed.stream().toList(), replacesAll);
  }
}
