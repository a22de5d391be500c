package io.sallyport.gateway.pipeline;

import java.util.List;

/**
 * The outcome of checking one request against its route. The same value drives the deny page,
 * the problem+json body, the access log and the decisions counter, so they cannot disagree.
 *
 * @param answer  how a refusal is answered when the reason alone does not say it (a 503, a
 *                {@code WWW-Authenticate} challenge); null for the default (401 for
 *                {@code authn.*}, else 403) and for an allow
 * @param principal  who the request is from; null when nobody (valid) signed in
 */
public record Decision(Verdict verdict, List<Reason> reasons, Answer answer, Principal principal) {

  public enum Verdict {
    ALLOW, DENY, CHALLENGE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The HTTP shape of a refusal.
   *
   * @param status           401, 403, 503, 302...
   * @param wwwAuthenticate  the {@code WWW-Authenticate} value, or null for none
   * @param location         for a browser sent elsewhere (sign-in, step-up): a same-origin path; else null
   */
  public record Answer(int status, String wwwAuthenticate, String location) {
    public Answer(int status, String wwwAuthenticate) {
      this(status, wwwAuthenticate, null);
    }

    /** A browser sent to {@code location} (a path on this gateway) with 302. */
    public static Answer redirect(String location) {
      return new Answer(302, null, location);
    }
  }

  public Decision {
    reasons = List.copyOf(reasons);
  }

  public Decision(Verdict verdict, List<Reason> reasons) {
    this(verdict, reasons, null, null);
  }

  public static Decision allow(Reason reason) {
    return new Decision(Verdict.ALLOW, List.of(reason));
  }

  public static Decision deny(Reason reason) {
    return new Decision(Verdict.DENY, List.of(reason));
  }

  /** Who the request is from, for the access log; null when nobody signed in. */
  public String user() {
    return principal == null ? null : principal.label();
  }

  public boolean allowed() {
    return verdict == Verdict.ALLOW;
  }

  /** The first reason's code: what the access log and the counter show. */
  public String primaryCode() {
    return reasons.isEmpty() ? "none" : reasons.get(0).code();
  }

  /** The status a refusal is answered with. */
  public int status() {
    if (answer != null) {
      return answer.status();
    }
    return primaryCode().startsWith("authn.") ? 401 : 403;
  }
}
