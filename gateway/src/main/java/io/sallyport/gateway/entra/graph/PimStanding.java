package io.sallyport.gateway.entra.graph;

import java.time.Instant;
import java.util.List;

/**
 * A user's PIM instances of one kind (directory roles or PIM for Groups) as fetched at
 * {@code fetchedAt}. Judged against the clock on every use, so an assignment stops counting at its
 * {@code endDateTime} even while the cached standing is fresh.
 *
 * @param active    assignment instances (Assigned or Activated)
 * @param eligible  eligibility instances; null when Graph could not say (then nothing is offered)
 */
public record PimStanding(List<PimInstance> active, List<PimInstance> eligible, Instant fetchedAt) {

  public PimStanding {
    active = List.copyOf(active);
    eligible = eligible == null ? null : List.copyOf(eligible);
  }

  /** The in-force assignment for {@code target}/{@code qualifier} ending last (null end first); null when none. */
  public PimInstance activeFor(String target, String qualifier, Instant now) {
    PimInstance best = null;
    for (PimInstance i : active) {
      if (i.matches(target, qualifier) && i.currentAt(now)
          && (best == null || best.end() != null && (i.end() == null || i.end().isAfter(best.end())))) {
        best = i;
      }
    }
    return best;
  }

  /** True, false, or null when eligibility is unknown. */
  public Boolean eligibleFor(String target, String qualifier, Instant now) {
    if (eligible == null) {
      return null;
    }
    for (PimInstance i : eligible) {
      if (i.matches(target, qualifier) && i.currentAt(now)) {
        return true;
      }
    }
    return false;
  }
}
