package io.sallyport.gateway.assertion;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/** Compact JWS with RS256 (RFC 7515 / 7518), header {alg, typ, kid}. */
final class Jws {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private Jws() {}

  static String sign(SigningKey key, JsonObject claims) {
    String header = new JsonObject().put("alg", SigningKey.ALGORITHM).put("typ", "JWT").put("kid", key.kid()).encode();
    String input = b64(header) + "." + b64(claims.encode());
    try {
      // Signature objects are not thread-safe and cheap next to the RSA operation itself
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key.privateKey());
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RS256 signing failed for key " + key.kid(), e);
    }
  }

  private static String b64(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
