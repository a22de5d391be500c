package io.sallyport.gateway.entra.graph;

import java.time.Instant;

/**
 * One PIM schedule instance as Graph lists it, reduced to what a check needs. For a directory role
 * {@code target} is the role definition id and {@code qualifier} the directory scope id; for PIM for
 * Groups, the group id and the access id ({@code member}, {@code owner}).
 *
 * @param start  null: since ever (Graph sends null for permanent assignments)
 * @param end    null: no end
 */
public record PimInstance(String target, String qualifier, Instant start, Instant end) {

  /**
   * Graph's clock and ours differ a little: an activation Graph just started may read as starting a
   * moment from now here. Its start is given this much grace; its end none (access ends on time).
   */
  static final java.time.Duration START_SKEW = java.time.Duration.ofMinutes(5);

  /** In force at {@code now}: started (within {@link #START_SKEW}), and not yet ended (an end is exclusive). */
  public boolean currentAt(Instant now) {
    return (start == null || !start.isAfter(now.plus(START_SKEW))) && (end == null || now.isBefore(end));
  }

  public boolean matches(String target, String qualifier) {
    // targets are lower case on both sides (config and parser); scopes and access ids compare as Graph does
    return this.target.equals(target) && this.qualifier.equalsIgnoreCase(qualifier);
  }
}
