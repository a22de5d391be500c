package io.sallyport.gateway.entra.oidc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;

/**
 * JWS RSA signature checks with the JDK's own providers. Only RSASSA-PKCS1-v1_5 names are known
 * here: {@code none} and the HMAC family cannot be spelled, so no configuration can enable them.
 */
final class Signatures {

  private static final Map<String, String> JCA = Map.of(
      "RS256", "SHA256withRSA",
      "RS384", "SHA384withRSA",
      "RS512", "SHA512withRSA");

  private Signatures() {}

  static boolean supported(String alg) {
    return JCA.containsKey(alg);
  }

  /** True when {@code signature} is {@code alg} over the ASCII signing input with {@code key}. */
  static boolean verify(String alg, PublicKey key, String signingInput, byte[] signature) {
    String name = JCA.get(alg);
    if (name == null) {
      return false;
    }
    try {
      // a Signature is stateful and not thread-safe: one per check (cheap next to the RSA math)
      Signature s = Signature.getInstance(name);
      s.initVerify(key);
      s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // a malformed signature (wrong length, bad padding) is just a bad signature
      return false;
    }
  }
}
