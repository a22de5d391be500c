package io.sallyport.devtenant.state;

import java.time.Duration;
import java.time.Instant;

/**
 * A terms-of-use agreement. {@code reacceptFrequency} is Graph's userReacceptRequiredFrequency (a
 * rolling window per user); {@code expirationStart}/{@code expirationFrequency} are termsExpiration
 * (everyone's consent expires together on that schedule).
 */
public record Agreement(String id, String displayName, Duration reacceptFrequency, Instant expirationStart,
    Duration expirationFrequency, boolean viewingRequired, boolean perDevice, String fileId, String text) {

  /** When an acceptance recorded at {@code recorded} stops counting, or null if never. */
  public Instant expiryFor(Instant recorded) {
    Instant rolling = reacceptFrequency == null ? null : recorded.plus(reacceptFrequency);
    Instant scheduled = null;
    if (expirationStart != null && expirationFrequency != null && !expirationFrequency.isZero()) {
      Instant next = expirationStart;
      while (!next.isAfter(recorded)) {
        next = next.plus(expirationFrequency);
      }
      scheduled = next;
    }
    if (rolling == null) {
      return scheduled;
    }
    return scheduled == null || rolling.isBefore(scheduled) ? rolling : scheduled;
  }
}
