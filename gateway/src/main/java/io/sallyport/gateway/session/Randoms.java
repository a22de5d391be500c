package io.sallyport.gateway.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The unguessable values of sign-in: session and sign-in ids, {@code state}, {@code nonce}, the
 * PKCE verifier and the sign-out form's CSRF token. 256 bits each, base64url without padding.
 */
public final class Randoms {

  /** What a value made here looks like: cookies that do not are refused before any lookup. */
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random;

  public Randoms(SecureRandom random) {
    this.random = random;
  }

  public static Randoms strong() {
    return new Randoms(new SecureRandom());
  }

  public String next() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return B64.encodeToString(b);
  }

  public static boolean wellFormed(String value) {
    return value != null && SHAPE.matcher(value).matches();
  }

  /** PKCE S256: base64url(SHA-256(verifier)). */
  static String s256(String verifier) {
    try {
      return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** Constant time, so a guess learns nothing from how long a comparison took. */
  static boolean same(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
