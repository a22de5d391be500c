package io.sallyport.devtenant.state;

import java.time.Instant;

/**
 * An access package assignment. {@code state} is v1.0's lower-case enum (delivered, expired, ...);
 * an assignment whose end has passed reads as expired.
 */
public record PackageAssignment(String id, String packageId, String policyId, String targetId, String state,
    Instant start, Instant end) {

  public String stateAt(Instant now) {
    if ("delivered".equals(state) && end != null && !now.isBefore(end)) {
      return "expired";
    }
    return state;
  }

  public PackageAssignment withState(String next, Instant endAt) {
    return new PackageAssignment(id, packageId, policyId, targetId, next, start, endAt);
  }
}
