package io.sallyport.gateway.assertion;

import io.sallyport.gateway.store.StoredSigningKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * One RS256 signing key in memory. The kid is the RFC 7638 thumbprint of the public key, so a kid
 * names exactly one key everywhere (store, JWKS, assertion header) and cannot be chosen.
 *
 * @param generation  the store's generation; 0 for an operator-supplied key
 * @param retireAt    when it leaves the JWKS; null while current
 */
record SigningKey(String kid, long generation, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey,
                  Instant createdAt, Instant retireAt) {

  static final String ALGORITHM = "RS256";
  static final int BITS = 2048;
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  /** A fresh 2048-bit key. Slow (tens to hundreds of ms): workers only. */
  static SigningKey generate(long generation, Instant now) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(BITS);
      var pair = g.generateKeyPair();
      return of((RSAPrivateCrtKey) pair.getPrivate(), generation, now, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is unavailable in this JVM", e);
    }
  }

  /** The key with its public half derived from the CRT parameters. */
  static SigningKey of(RSAPrivateCrtKey key, long generation, Instant createdAt, Instant retireAt) {
    try {
      RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
      return new SigningKey(thumbprint(pub), generation, key, pub, createdAt, retireAt);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is unavailable in this JVM", e);
    }
  }

  static SigningKey fromStored(StoredSigningKey s) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      var priv = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
          .decode(s.privateKey())));
      SigningKey k = of(priv, s.generation(), s.createdAt(), s.retireAt());
      if (!k.kid().equals(s.kid())) {
        throw new IllegalStateException("stored signing key " + s.kid() + " has thumbprint " + k.kid()
            + "; expected them equal (the row was altered)");
      }
      // also check the stored public half: a row edited by hand must not publish a different key
      rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(s.publicKey())));
      return k;
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException("stored signing key " + s.kid() + " cannot be read: "
          + e.getClass().getSimpleName(), e);
    }
  }

  StoredSigningKey toStored() {
    Base64.Encoder b64 = Base64.getEncoder();
    return new StoredSigningKey(kid, generation, ALGORITHM, b64.encodeToString(privateKey.getEncoded()),
        b64.encodeToString(publicKey.getEncoded()), createdAt, retireAt);
  }

  /** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. */
  static String thumbprint(RSAPublicKey key) {
    String json = "{\"e\":\"" + b64(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
        + b64(key.getModulus()) + "\"}";
    try {
      return B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Base64url of the unsigned big-endian bytes, without the sign byte (RFC 7518 §6.3.1). */
  static String b64(BigInteger v) {
    byte[] bytes = v.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return B64URL.encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", generation=" + generation + ", createdAt=" + createdAt
        + ", retireAt=" + retireAt + "]";
  }
}
