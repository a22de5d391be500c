package io.sallyport.gateway.audit;

import io.sallyport.gateway.pipeline.Decision;

/** The stable names of decision audit events (dashboards and SIEM rules key on them). */
public final class AccessEvents {

  /** A request passed its route's checks (first per caller and route per window, or every one). */
  public static final String ALLOWED = "access.allowed";
  /** Requests refused; coalesced per client IP, route and reason code per window, with a count. */
  public static final String DENIED = "access.denied";
  /** Requests answered with a step-up challenge; coalesced like denials. */
  public static final String CHALLENGED = "access.challenged";

  private AccessEvents() {}

  static String of(Decision.Verdict verdict) {
    return switch (verdict) {
      case ALLOW -> ALLOWED;
      case DENY -> DENIED;
      case CHALLENGE -> CHALLENGED;
    };
  }
}
