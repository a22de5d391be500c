package io.sallyport.gateway.entra.oidc;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A JWS in compact form, split and decoded but not yet trusted.
 *
 * @param signingInput  the first two parts as sent: what the signature covers
 */
record CompactJwt(JsonObject header, JsonObject payload, String signingInput, byte[] signature) {

  // unpadded base64url (RFC 7515 §2); padding or other alphabets are not a JWS
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]+");

  /** Splits {@code token} into exactly three non-empty base64url parts with JSON-object header and payload. */
  static CompactJwt parse(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
      throw malformed("expected three base64url parts separated by \".\" (header.payload.signature)");
    }
    String h = token.substring(0, first);
    String p = token.substring(first + 1, second);
    String s = token.substring(second + 1);
    // an empty signature is let through to the alg check: {"alg":"none"} is refused as such
    if (!PART.matcher(h).matches() || !PART.matcher(p).matches() || !s.isEmpty() && !PART.matcher(s).matches()) {
      throw malformed("header and payload must be non-empty unpadded base64url (A-Z a-z 0-9 - _), and so must"
          + " the signature");
    }
    byte[] signature = s.isEmpty() ? new byte[0] : decode(s, "signature");
    return new CompactJwt(json(h, "header"), json(p, "payload"), token.substring(0, second), signature);
  }

  private static JsonObject json(String part, String what) {
    String text = new String(decode(part, what), StandardCharsets.UTF_8);
    try {
      Object v = io.vertx.core.json.Json.decodeValue(text);
      if (v instanceof JsonObject o) {
        return o;
      }
    } catch (DecodeException e) {
      // reported below without echoing the text
    }
    throw malformed("the " + what + " is not a JSON object");
  }

  private static byte[] decode(String part, String what) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw malformed("the " + what + " is not valid base64url");
    }
  }

  private static TokenRejected malformed(String detail) {
    return new TokenRejected(TokenRejected.MALFORMED, detail);
  }
}
