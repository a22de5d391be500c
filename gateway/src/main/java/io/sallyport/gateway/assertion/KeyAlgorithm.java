package io.sallyport.gateway.assertion;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JWS algorithms the gateway signs with (RFC 7518): ES256 for keys it generates, RS256 for an
 * operator's RSA key and for keys stored before ES256 (they keep working until rotated out).
 *
 * <p>ES256 is the default because the assertion travels on every upstream request: its signature
 * is 86 characters where RS256's is 342, and every character is copied, checked, encoded and parsed
 * again on each request (the benchmark's bearer route lost about a fifth of its throughput to that).
 */
enum KeyAlgorithm {
  RS256("RSA", "SHA256withRSA"),
  // P1363 is JWS's R || S form (RFC 7518 §3.4), not the DER sequence the plain name produces
  ES256("EC", "SHA256withECDSAinP1363Format");

  static final String CURVE = "secp256r1";
  /** P-256 coordinates are 32 bytes, and JWK requires them at full length (RFC 7518 §6.2.1.2). */
  private static final int COORDINATE_BYTES = 32;
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final String keyType;
  private final String signature;

  KeyAlgorithm(String keyType, String signature) {
    this.keyType = keyType;
    this.signature = signature;
  }

  /** The JCA key type: {@code RSA} or {@code EC}. */
  String keyType() {
    return keyType;
  }

  Signature signature() throws GeneralSecurityException {
    return Signature.getInstance(signature);
  }

  /** The algorithm a public key signs with; only RSA and P-256 keys exist here. */
  static KeyAlgorithm of(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      return RS256;
    }
    if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
      return ES256;
    }
    throw new IllegalArgumentException("a " + key.getAlgorithm() + " key; expected RSA or EC P-256");
  }

  /** The stored algorithm name; an unknown one means the row did not come from this gateway. */
  static KeyAlgorithm named(String name) {
    for (KeyAlgorithm a : values()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown signing algorithm \"" + name + "\"; expected RS256 or ES256");
  }

  /** A fresh ES256 key pair: a few milliseconds, still workers only. */
  static KeyPair generateEs256() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(CURVE));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 key generation is unavailable in this JVM", e);
    }
  }

  /**
   * The JWK's required public members in lexicographic order, which is both what the JWKS
   * publishes and exactly what RFC 7638 hashes for the thumbprint.
   */
  Map<String, String> requiredMembers(PublicKey key) {
    Map<String, String> m = new LinkedHashMap<>();
    if (this == RS256) {
      RSAPublicKey rsa = (RSAPublicKey) key;
      m.put("e", unsigned(rsa.getPublicExponent(), 0));
      m.put("kty", "RSA");
      m.put("n", unsigned(rsa.getModulus(), 0));
    } else {
      ECPublicKey ec = (ECPublicKey) key;
      m.put("crv", "P-256");
      m.put("kty", "EC");
      m.put("x", unsigned(ec.getW().getAffineX(), COORDINATE_BYTES));
      m.put("y", unsigned(ec.getW().getAffineY(), COORDINATE_BYTES));
    }
    return m;
  }

  /** Base64url of the big-endian bytes without the sign byte, left-padded to {@code length} if given. */
  static String unsigned(BigInteger v, int length) {
    byte[] bytes = v.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (bytes.length < length) {
      byte[] padded = new byte[length];
      System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
      bytes = padded;
    }
    return B64URL.encodeToString(bytes);
  }
}
