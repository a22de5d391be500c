package io.sallyport.devtenant.token;

import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.crypto.KeyRing;
import io.sallyport.devtenant.crypto.SigningKey;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks tokens devtenant itself issued (Graph bearer tokens, on-behalf-of assertions): RS256 with
 * a published key, one of this tenant's issuers, inside its lifetime by the scenario clock with
 * Entra's five-minute skew allowance.
 */
public final class TokenVerifier {

  private static final long SKEW_SECONDS = 300;

  private final KeyRing keys;
  private final Clock clock;
  private final TokenIssuer issuer;

  public TokenVerifier(KeyRing keys, Clock clock, TokenIssuer issuer) {
    this.keys = keys;
    this.clock = clock;
    this.issuer = issuer;
  }

  /** The verified token, or the reason it is refused (as Graph words it). */
  public Jwt verify(String compact) {
    Jwt jwt;
    try {
      jwt = Jwt.parse(compact);
    } catch (Jwt.JwtException e) {
      throw new InvalidTokenException("CompactToken parsing failed with error code: 80049217");
    }
    if (!"RS256".equals(jwt.alg())) {
      throw new InvalidTokenException("Access token validation failure. Invalid signing algorithm.");
    }
    Optional<SigningKey> key = keys.find(jwt.kid());
    if (key.isEmpty() || !jwt.verifiedBy(key.get().publicKey())) {
      throw new InvalidTokenException("Access token validation failure. Invalid signature.");
    }
    String iss = jwt.string("iss");
    if (!issuer.issuerV1().equals(iss) && !issuer.issuerV2().equals(iss)) {
      throw new InvalidTokenException("Access token validation failure. Invalid issuer.");
    }
    long now = clock.instant().getEpochSecond();
    long exp = jwt.epoch("exp");
    long nbf = jwt.epoch("nbf");
    if (exp < 0 || now > exp + SKEW_SECONDS || (nbf >= 0 && now + SKEW_SECONDS < nbf)) {
      throw new InvalidTokenException("Access token has expired or is not yet valid.");
    }
    return jwt;
  }

  /** A token devtenant will not accept; the message is the one Graph sends. */
  public static final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
      super(message);
    }
  }
}
