package io.sallyport.gateway.assertion;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/** Compact JWS (RFC 7515) with the key's algorithm, ES256 or RS256 (RFC 7518), header {alg, typ, kid}. */
final class Jws {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private Jws() {}

  static String sign(SigningKey key, JsonObject claims) {
    String header = new JsonObject().put("alg", key.algorithm().name()).put("typ", "JWT").put("kid", key.kid()).encode();
    String input = b64(header) + "." + b64(claims.encode());
    try {
      // Signature objects are not thread-safe and cheap next to the signing operation itself
      Signature signer = key.algorithm().signature();
      signer.initSign(key.privateKey());
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64URL.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(key.algorithm() + " signing failed for key " + key.kid(), e);
    }
  }

  private static String b64(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
