package io.sallyport.gateway.entra.oidc;

/**
 * The verifier cannot decide because the tenant's metadata or signing keys cannot be fetched (and
 * no usable key is cached). Not a verdict on the token: callers fail closed with
 * {@value #REASON} (a 503 or a deny that says "try again"), never with "bad token".
 */
public final class VerifierUnavailable extends RuntimeException {

  public static final String REASON = "authn.unavailable";

  private static final long serialVersionUID = 1L;

  public VerifierUnavailable(String detail, Throwable cause) {
    super(detail, cause, false, false);
  }

  public String reason() {
    return REASON;
  }
}
