package io.sallyport.gateway.assertion;

import io.sallyport.gateway.store.StoredSigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * One signing key in memory. The kid is the RFC 7638 thumbprint of the public key, so a kid names
 * exactly one key everywhere (store, JWKS, assertion header) and cannot be chosen.
 *
 * @param algorithm   ES256 for generated keys; RS256 for an operator's RSA key or an older stored one
 * @param generation  the store's generation; 0 for an operator-supplied key
 * @param retireAt    when it leaves the JWKS; null while current
 */
record SigningKey(String kid, long generation, KeyAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey,
                  Instant createdAt, Instant retireAt) {

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final byte[] PROBE = "sallyport key pair check".getBytes(StandardCharsets.US_ASCII);

  /** A fresh ES256 key. Workers only. */
  static SigningKey generate(long generation, Instant now) {
    return of(KeyAlgorithm.generateEs256(), generation, now, null);
  }

  /** The pair as a signing key; its algorithm follows the key type. */
  static SigningKey of(KeyPair pair, long generation, Instant createdAt, Instant retireAt) {
    KeyAlgorithm alg = KeyAlgorithm.of(pair.getPublic());
    return new SigningKey(thumbprint(alg, pair.getPublic()), generation, alg, pair.getPrivate(), pair.getPublic(),
        createdAt, retireAt);
  }

  static SigningKey fromStored(StoredSigningKey s) {
    try {
      KeyAlgorithm alg = KeyAlgorithm.named(s.algorithm());
      KeyFactory f = KeyFactory.getInstance(alg.keyType());
      Base64.Decoder b64 = Base64.getDecoder();
      PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(s.privateKey())));
      PublicKey pub = f.generatePublic(new X509EncodedKeySpec(b64.decode(s.publicKey())));
      SigningKey k = of(new KeyPair(pub, priv), s.generation(), s.createdAt(), s.retireAt());
      // a row edited by hand must neither publish a key under another's kid nor pair halves of two keys
      if (k.algorithm() != alg || !k.kid().equals(s.kid())) {
        throw new IllegalStateException("stored signing key " + s.kid() + " is a " + k.algorithm() + " key with thumbprint "
            + k.kid() + "; expected " + alg + " and them equal (the row was altered)");
      }
      if (!pairs(alg, priv, pub)) {
        throw new IllegalStateException("stored signing key " + s.kid()
            + " has a private half that does not match its public half (the row was altered)");
      }
      return k;
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException("stored signing key " + s.kid() + " cannot be read: "
          + e.getClass().getSimpleName() + (e instanceof IllegalArgumentException ? " (" + e.getMessage() + ")" : ""), e);
    }
  }

  StoredSigningKey toStored() {
    Base64.Encoder b64 = Base64.getEncoder();
    return new StoredSigningKey(kid, generation, algorithm.name(), b64.encodeToString(privateKey.getEncoded()),
        b64.encodeToString(publicKey.getEncoded()), createdAt, retireAt);
  }

  /** The same key with another retire time. */
  SigningKey retiringAt(Instant at) {
    return new SigningKey(kid, generation, algorithm, privateKey, publicKey, createdAt, at);
  }

  /** The JWK's required public members (kty and the key's own), as published and as thumbprinted. */
  Map<String, String> jwkMembers() {
    return algorithm.requiredMembers(publicKey);
  }

  /** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. */
  static String thumbprint(KeyAlgorithm alg, PublicKey key) {
    StringBuilder json = new StringBuilder("{");
    alg.requiredMembers(key).forEach((name, value) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      // member values are base64url or fixed names: nothing to escape
      json.append('"').append(name).append("\":\"").append(value).append('"');
    });
    json.append('}');
    try {
      return B64URL.encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(json.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when what {@code priv} signs {@code pub} verifies: the two halves are one key. */
  static boolean pairs(KeyAlgorithm alg, PrivateKey priv, PublicKey pub) {
    try {
      Signature s = alg.signature();
      s.initSign(priv);
      s.update(PROBE);
      byte[] sig = s.sign();
      Signature v = alg.signature();
      v.initVerify(pub);
      v.update(PROBE);
      return v.verify(sig);
    } catch (GeneralSecurityException | ClassCastException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", algorithm=" + algorithm + ", generation=" + generation + ", createdAt="
        + createdAt + ", retireAt=" + retireAt + "]";
  }
}
