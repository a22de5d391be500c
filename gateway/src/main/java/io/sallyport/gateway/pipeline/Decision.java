package io.sallyport.gateway.pipeline;

import java.util.List;

/**
 * The outcome of checking one request against its route. The same value drives the deny page,
 * the problem+json body, the access log and the decisions counter, so they cannot disagree.
 */
public record Decision(Verdict verdict, List<Reason> reasons) {

  public enum Verdict {
    ALLOW, DENY, CHALLENGE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Decision {
    reasons = List.copyOf(reasons);
  }

  public static Decision allow(Reason reason) {
    return new Decision(Verdict.ALLOW, List.of(reason));
  }

  public static Decision deny(Reason reason) {
    return new Decision(Verdict.DENY, List.of(reason));
  }

  public boolean allowed() {
    return verdict == Verdict.ALLOW;
  }

  /** The first reason's code: what the access log and the counter show. */
  public String primaryCode() {
    return reasons.isEmpty() ? "none" : reasons.get(0).code();
  }
}
