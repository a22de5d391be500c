package io.sallyport.gateway.pipeline;

/**
 * Why a decision went the way it did. The code is stable (dashboards, alerts and the audit trail
 * key on it); the detail is for humans and may change.
 *
 * @param code    dotted stable code, e.g. {@code route.public}, {@code authn.unavailable}
 * @param detail  one plain sentence, or empty
 */
public record Reason(String code, String detail) {
  public static Reason of(String code, String detail) {
    return new Reason(code, detail);
  }
}
