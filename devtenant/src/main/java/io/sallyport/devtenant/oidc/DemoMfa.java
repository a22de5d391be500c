package io.sallyport.devtenant.oidc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stand-in authenticator: an RFC 6238-style six-digit code per user, 30-second steps on the
 * scenario clock, keyed by a secret this devtenant instance draws at start. The MFA page shows the
 * current code (devtenant has no phone to send it to); the previous step is still accepted, as
 * authenticator apps' clock drift allowance does.
 */
final class DemoMfa {

  private static final long STEP_SECONDS = 30;

  private final Clock clock;
  private final byte[] secret = new byte[32];

  DemoMfa(Clock clock) {
    this.clock = clock;
    new SecureRandom().nextBytes(secret);
  }

  String currentCode(String userId) {
    return code(userId, clock.instant().getEpochSecond() / STEP_SECONDS);
  }

  boolean verify(String userId, String entered) {
    if (entered == null) {
      return false;
    }
    long step = clock.instant().getEpochSecond() / STEP_SECONDS;
    byte[] given = entered.trim().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(given, code(userId, step).getBytes(StandardCharsets.US_ASCII))
        | MessageDigest.isEqual(given, code(userId, step - 1).getBytes(StandardCharsets.US_ASCII));
  }

  private String code(String userId, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = h[h.length - 1] & 0x0f;
      int bin = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
          | (h[offset + 3] & 0xff);
      return String.format("%06d", bin % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }
}
