package io.sallyport.gateway.entra.oidc;

/**
 * A presented token is not acceptable. {@link #reason()} is a stable code for decisions, metrics
 * and audit ({@code authn.token_*}); {@link #detail()} says in plain words what was wrong and what
 * was expected, and never quotes the token. No stack trace is captured: these are expected,
 * frequent outcomes of hostile or stale input, not bugs.
 */
public final class TokenRejected extends RuntimeException {

  public static final String MALFORMED = "authn.token_malformed";
  public static final String ALG = "authn.token_alg";
  public static final String SIGNATURE = "authn.token_signature";
  public static final String EXPIRED = "authn.token_expired";
  public static final String NOT_YET_VALID = "authn.token_not_yet_valid";
  public static final String AUDIENCE = "authn.token_audience";
  public static final String ISSUER = "authn.token_issuer";
  public static final String TENANT = "authn.token_tenant";
  public static final String UNKNOWN_KEY = "authn.token_unknown_key";
  public static final String TYPE = "authn.token_type";
  public static final String TOO_LARGE = "authn.token_too_large";
  public static final String NONCE = "authn.id_token_nonce";

  private static final long serialVersionUID = 1L;

  private final String reason;

  public TokenRejected(String reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  public String detail() {
    return getMessage();
  }

  @Override
  public String toString() {
    return "TokenRejected[" + reason + ": " + getMessage() + "]";
  }
}
