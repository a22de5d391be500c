package io.sallyport.devtenant.graph.odata;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The {@code $skiptoken} format: base64url of {@code o:<offset>}. Opaque to clients like Graph's own
 * (which they must replay verbatim), so it can change without breaking anyone.
 */
final class SkipToken {
  private static final Pattern PAYLOAD = Pattern.compile("o:(0|[1-9]\\d{0,8})");

  private SkipToken() {}

  static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int decode(String token) {
    String payload;
    try {
      payload = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!PAYLOAD.matcher(payload).matches()) {
      throw invalid();
    }
    return Integer.parseInt(payload.substring(2));
  }

  private static ODataQueryException invalid() {
    return new ODataQueryException(ODataQueryException.REQUEST_BAD_REQUEST, "Invalid skip token.");
  }
}
