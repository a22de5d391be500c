package io.sallyport.devtenant.state;

import java.time.Duration;

/** What PIM demands of a self-activation of one role or one group membership. */
public record ActivationPolicy(Duration maxActivation, boolean requireMfa, boolean requireJustification,
    boolean requireTicket, boolean requireApproval, String authContext) {

  public static final ActivationPolicy DEFAULT =
      new ActivationPolicy(Duration.ofHours(8), true, true, false, false, null);
}
