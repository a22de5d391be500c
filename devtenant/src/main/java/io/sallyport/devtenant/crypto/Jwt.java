package io.sallyport.devtenant.crypto;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;

/**
 * A compact JWS: RS256 signing (all devtenant issues) and RS256/PS256 verification (what
 * msal4j's client assertions use). Parsing never throws anything but {@link JwtException}.
 */
public record Jwt(JsonObject header, JsonObject claims, String signingInput, byte[] signature) {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  public static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
    String input = B64.encodeToString(header.encode().getBytes(StandardCharsets.UTF_8)) + "."
        + B64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign a token", e);
    }
  }

  public static Jwt parse(String compact) {
    if (compact == null || compact.length() > 64 * 1024) {
      throw new JwtException("not a JWT (missing or over 64 KiB)");
    }
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new JwtException("not a JWS compact serialization: expected 3 dot-separated parts, got " + parts.length);
    }
    try {
      Base64.Decoder d = Base64.getUrlDecoder();
      JsonObject header = new JsonObject(new String(d.decode(parts[0]), StandardCharsets.UTF_8));
      JsonObject claims = new JsonObject(new String(d.decode(parts[1]), StandardCharsets.UTF_8));
      return new Jwt(header, claims, parts[0] + "." + parts[1], d.decode(parts[2]));
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      throw new JwtException("not a JWT: a part is not base64url-encoded JSON");
    }
  }

  public String alg() {
    return header.getValue("alg") instanceof String s ? s : "";
  }

  public String kid() {
    return header.getValue("kid") instanceof String s ? s : null;
  }

  /** True only for RS256 or PS256 signatures that verify with {@code key}; never for none or HMAC. */
  public boolean verifiedBy(PublicKey key) {
    try {
      Signature s;
      switch (alg()) {
        case "RS256" -> s = Signature.getInstance("SHA256withRSA");
        case "PS256" -> {
          s = Signature.getInstance("RSASSA-PSS");
          s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        default -> {
          return false;
        }
      }
      s.initVerify(key);
      s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Numeric date claim in epoch seconds, or -1 when absent or not a number. */
  public long epoch(String claim) {
    return claims.getValue(claim) instanceof Number n ? n.longValue() : -1;
  }

  public String string(String claim) {
    return claims.getValue(claim) instanceof String s ? s : null;
  }

  /** Malformed token input. */
  public static final class JwtException extends RuntimeException {
    public JwtException(String message) {
      super(message);
    }
  }
}
