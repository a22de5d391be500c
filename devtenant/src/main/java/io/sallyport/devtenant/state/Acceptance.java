package io.sallyport.devtenant.state;

import java.time.Instant;

/** A user's acceptance (or decline) of an agreement; id is {agreementId}_{userId} as in Graph. */
public record Acceptance(String id, String agreementId, String userId, String fileId, Instant recorded,
    Instant expiration, String state) {

  public static String idFor(String agreementId, String userId) {
    return agreementId + "_" + userId;
  }

  public boolean validAt(Instant now) {
    return "accepted".equals(state) && (expiration == null || now.isBefore(expiration));
  }
}
