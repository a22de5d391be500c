package io.sallyport.devtenant.crypto;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * One token-signing key with its self-signed certificate. {@code kid} is the certificate's SHA-1
 * thumbprint, as Entra's is; {@code retiresAt} is when a rotated-out key leaves the JWKS.
 */
public record SigningKey(String kid, KeyPair keys, X509Certificate certificate, Instant retiresAt) {

  public PrivateKey privateKey() {
    return keys.getPrivate();
  }

  public PublicKey publicKey() {
    return keys.getPublic();
  }

  public SigningKey retiringAt(Instant at) {
    return new SigningKey(kid, keys, certificate, at);
  }

  /** The JWK as Entra publishes it: kty, use, kid, x5t, n, e, x5c and the non-standard issuer. */
  public JsonObject jwk(String issuer) {
    RSAPublicKey rsa = (RSAPublicKey) keys.getPublic();
    return new JsonObject().put("kty", "RSA").put("use", "sig").put("kid", kid).put("x5t", kid)
        .put("n", b64(rsa.getModulus())).put("e", b64(rsa.getPublicExponent()))
        .put("x5c", new JsonArray().add(Certificates.der64(certificate))).put("issuer", issuer);
  }

  private static String b64(BigInteger v) {
    byte[] bytes = v.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
