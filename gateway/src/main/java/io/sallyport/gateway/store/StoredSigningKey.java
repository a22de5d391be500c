package io.sallyport.gateway.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One of the gateway's own signing keys as stored. The key with the highest generation is the one
 * every node signs with; older ones stay published until {@code retireAt}.
 *
 * @param kid         the key id (RFC 7638 thumbprint); unique
 * @param generation  1 for the first key, +1 per rotation; unique
 * @param algorithm   the JWS algorithm, e.g. RS256
 * @param privateKey  base64 PKCS#8; never logged (see {@link #toString()})
 * @param publicKey   base64 X.509 SubjectPublicKeyInfo
 * @param retireAt    when the key leaves the published set; null while it is current
 */
public record StoredSigningKey(String kid, long generation, String algorithm, String privateKey, String publicKey,
                               Instant createdAt, Instant retireAt) {

  public StoredSigningKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(createdAt, "createdAt");
    if (generation < 1) {
      throw new IllegalArgumentException("signing key generation " + generation + "; expected 1 or more");
    }
  }

  @Override
  public String toString() {
    return "StoredSigningKey[kid=" + kid + ", generation=" + generation + ", algorithm=" + algorithm
        + ", createdAt=" + createdAt + ", retireAt=" + retireAt + ", privateKey=***]";
  }
}
