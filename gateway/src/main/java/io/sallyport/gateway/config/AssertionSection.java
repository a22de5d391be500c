package io.sallyport.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

/** {@code assertion:}: the identity assertion sent upstream. Reloaded live. */
final class AssertionSection {
  static final Duration MIN_LIFETIME = Duration.ofSeconds(5);
  static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
  static final int MIN_KEY_BITS = 2048;
  private static final String KEY_EXPECTED = "a PEM file with one unencrypted PKCS#8 RSA private key"
      + " (-----BEGIN PRIVATE KEY-----) of at least " + MIN_KEY_BITS + " bits";
  private static final String ISSUER_EXPECTED = "a non-empty string of printable characters (at most 256)";

  private AssertionSection() {}

  static AssertionConfig read(Section root) {
    Section s = root.section("assertion", "enabled", "issuer", "lifetime", "key-file", "header-user");
    AssertionConfig d = AssertionConfig.defaults();
    if (!s.present()) {
      return d;
    }
    String issuer = s.string("issuer", d.issuer(), ISSUER_EXPECTED);
    if (!printable(issuer, 256)) {
      s.badValue("issuer", ISSUER_EXPECTED, issuer);
      issuer = d.issuer();
    }
    Duration lifetime = s.duration("lifetime", d.lifetime(), false);
    if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      s.errors.add(s.path("lifetime"), "expected a duration from 5s to 10m, got " + Scalars.quote(
          s.text("lifetime", "")));
      lifetime = d.lifetime();
    }
    Path file = s.existingFile("key-file", KEY_EXPECTED);
    RSAPrivateCrtKey key = file == null || !Files.isReadable(file) ? null : key(s, file);
    return new AssertionConfig(s.bool("enabled", true), issuer, lifetime, file, key, s.bool("header-user", true));
  }

  /** Printable ASCII and no leading/trailing space: it goes into a JWT and operators compare it by eye. */
  static boolean printable(String v, int max) {
    if (v == null || v.isEmpty() || v.length() > max || v.isBlank() || !v.strip().equals(v)) {
      return false;
    }
    return v.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  /** Reads and checks the key; the problem never quotes the file's content. */
  private static RSAPrivateCrtKey key(Section s, Path file) {
    String problem;
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
      int end = text.indexOf("-----END PRIVATE KEY-----");
      if (begin < 0 || end < begin) {
        problem = text.contains("-----BEGIN RSA PRIVATE KEY-----")
            ? "a PKCS#1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem"
            : text.contains("ENCRYPTED PRIVATE KEY") ? "an encrypted key" : "no PEM PRIVATE KEY block";
      } else {
        String body = text.substring(begin + 27, end).replaceAll("\\s", "");
        var k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        if (!(k instanceof RSAPrivateCrtKey crt)) {
          problem = "an RSA key without its public parameters";
        } else if (crt.getModulus().bitLength() < MIN_KEY_BITS) {
          problem = "an RSA key of " + crt.getModulus().bitLength() + " bits";
        } else {
          return crt;
        }
      }
    } catch (IOException e) {
      problem = "a file that cannot be read as ASCII PEM";
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      problem = "a PEM block that is not an RSA PKCS#8 key";
    }
    s.errors.add(s.path("key-file"), "expected " + KEY_EXPECTED + ", got " + problem + " in "
        + Scalars.quote(file.toString()));
    return null;
  }
}
