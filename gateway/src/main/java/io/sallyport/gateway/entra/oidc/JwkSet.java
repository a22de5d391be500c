package io.sallyport.gateway.entra.oidc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Reads a JWKS response into RSA signing keys by {@code kid}. */
final class JwkSet {

  // below this an RSA signature is forgeable with public effort; Entra's keys are 2048 bits
  private static final int MIN_MODULUS_BITS = 2048;

  private JwkSet() {}

  static Future<Map<String, SigningKey>> parse(HttpResponse<?> r, URI uri) {
    if (r.statusCode() != 200) {
      return fail(uri, "answered HTTP " + r.statusCode() + "; expected 200");
    }
    JsonObject doc;
    try {
      doc = r.bodyAsJsonObject();
    } catch (RuntimeException e) {
      doc = null;
    }
    if (doc == null || !(doc.getValue("keys") instanceof JsonArray list)) {
      return fail(uri, "is not a JSON object with a \"keys\" array");
    }
    Map<String, SigningKey> keys = new HashMap<>();
    for (Object o : list) {
      if (o instanceof JsonObject jwk) {
        SigningKey k = rsa(jwk);
        if (k != null) {
          keys.put(k.kid(), k);
        }
      }
    }
    if (keys.isEmpty()) {
      // an empty set would make every token "unknown key"; keeping the last good set is safer
      return fail(uri, "holds no usable RSA signing key (kty RSA, use sig, kid, n, e, >= 2048 bits)");
    }
    return Future.succeededFuture(Map.copyOf(keys));
  }

  /** The key, or null for a JWK that is not an RSA signing key we can use (skipped, as JOSE says). */
  static SigningKey rsa(JsonObject jwk) {
    if (!"RSA".equals(jwk.getValue("kty")) || jwk.containsKey("use") && !"sig".equals(jwk.getValue("use"))
        || !(jwk.getValue("kid") instanceof String kid) || kid.isEmpty()
        || !(jwk.getValue("n") instanceof String n) || !(jwk.getValue("e") instanceof String e)) {
      return null;
    }
    try {
      Base64.Decoder d = Base64.getUrlDecoder();
      RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, d.decode(n)), new BigInteger(1, d.decode(e)));
      RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
      if (key.getModulus().bitLength() < MIN_MODULUS_BITS) {
        return null;
      }
      String issuer = jwk.getValue("issuer") instanceof String s ? s : null;
      return new SigningKey(kid, key, issuer);
    } catch (GeneralSecurityException | IllegalArgumentException ex) {
      return null;
    }
  }

  private static Future<Map<String, SigningKey>> fail(URI uri, String what) {
    return Future.failedFuture(new VerifierUnavailable("JWKS " + uri + " " + what, null));
  }
}
