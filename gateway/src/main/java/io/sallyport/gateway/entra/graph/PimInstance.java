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

  /** In force at {@code now}: started, and not yet ended (an end is exclusive). */
  public boolean currentAt(Instant now) {
    return (start == null || !start.isAfter(now)) && (end == null || now.isBefore(end));
  }

  public boolean matches(String target, String qualifier) {
    return this.target.equalsIgnoreCase(target) && this.qualifier.equalsIgnoreCase(qualifier);
  }
}
