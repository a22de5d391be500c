package io.sallyport.gateway.assertion;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * What an upstream app does with the assertion, written from the published documents only (the
 * JWKS and the docs), with plain java.security: find the key by kid, check that the header's alg is
 * the key's (ES256 or RS256, nothing else), verify, return the claims.
 */
public final class UpstreamView {
  private UpstreamView() {}

  /** The verified claims; throws AssertionError when the signature or the key lookup fails. */
  public static JsonObject verify(String jwt, JsonObject jwks) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new AssertionError("not a compact JWS: " + jwt);
    }
    JsonObject header = part(parts[0]);
    String alg = header.getString("alg");
    if (!("ES256".equals(alg) || "RS256".equals(alg)) || !"JWT".equals(header.getString("typ"))) {
      throw new AssertionError("unexpected header " + header);
    }
    JsonObject jwk = jwks.getJsonArray("keys").stream().map(JsonObject.class::cast)
        .filter(k -> header.getString("kid").equals(k.getString("kid"))).findFirst()
        .orElseThrow(() -> new AssertionError("kid " + header.getString("kid") + " not in JWKS " + jwks));
    if (!alg.equals(jwk.getString("alg"))) {
      throw new AssertionError("header alg " + alg + " but the key is " + jwk.getString("alg"));
    }
    try {
      Signature sig = Signature.getInstance("ES256".equals(alg) ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
      sig.initVerify(publicKey(jwk));
      sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!sig.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        throw new AssertionError("signature does not verify with " + jwk.getString("kid"));
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    return part(parts[1]);
  }

  static PublicKey publicKey(JsonObject jwk) throws java.security.GeneralSecurityException {
    if ("EC".equals(jwk.getString("kty"))) {
      if (!"P-256".equals(jwk.getString("crv"))) {
        throw new AssertionError("unexpected curve " + jwk);
      }
      AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
      p.init(new ECGenParameterSpec("secp256r1"));
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
          new ECPoint(unsigned(jwk.getString("x")), unsigned(jwk.getString("y"))), p.getParameterSpec(ECParameterSpec.class)));
    }
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(unsigned(jwk.getString("n")),
        unsigned(jwk.getString("e"))));
  }

  private static BigInteger unsigned(String b64url) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(b64url));
  }

  public static JsonObject part(String b64) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8));
  }

  public static String kid(String jwt) {
    return part(jwt.split("\\.")[0]).getString("kid");
  }
}
