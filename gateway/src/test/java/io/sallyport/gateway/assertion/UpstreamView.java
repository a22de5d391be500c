package io.sallyport.gateway.assertion;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * What an upstream app does with the assertion, written from the published documents only (the
 * JWKS and the docs), with plain java.security: find the key by kid, check RS256, return the claims.
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
    if (!"RS256".equals(header.getString("alg")) || !"JWT".equals(header.getString("typ"))) {
      throw new AssertionError("unexpected header " + header);
    }
    JsonObject jwk = jwks.getJsonArray("keys").stream().map(JsonObject.class::cast)
        .filter(k -> header.getString("kid").equals(k.getString("kid"))).findFirst()
        .orElseThrow(() -> new AssertionError("kid " + header.getString("kid") + " not in JWKS " + jwks));
    try {
      PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
          new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
          new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        throw new AssertionError("signature does not verify with " + jwk.getString("kid"));
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    return part(parts[1]);
  }

  public static JsonObject part(String b64) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8));
  }

  public static String kid(String jwt) {
    return part(jwt.split("\\.")[0]).getString("kid");
  }
}
