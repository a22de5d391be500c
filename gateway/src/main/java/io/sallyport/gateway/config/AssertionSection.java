package io.sallyport.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

/** {@code assertion:}: the identity assertion sent upstream. Reloaded live. */
final class AssertionSection {
  static final Duration MIN_LIFETIME = Duration.ofSeconds(5);
  static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
  static final int MIN_KEY_BITS = 2048;
  private static final String KEY_EXPECTED = "a PEM file with one unencrypted PKCS#8 private key"
      + " (-----BEGIN PRIVATE KEY-----): RSA of at least " + MIN_KEY_BITS + " bits, or EC P-256 followed by its"
      + " -----BEGIN PUBLIC KEY----- block";
  private static final byte[] PROBE = "sallyport key-file check".getBytes(StandardCharsets.US_ASCII);
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
    KeyPair key = file == null || !Files.isReadable(file) ? null : key(s, file);
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
  private static KeyPair key(Section s, Path file) {
    String problem;
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      byte[] priv = pem(text, "PRIVATE KEY");
      if (priv == null) {
        problem = text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")
            ? "a PKCS#1 or SEC 1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem"
            : text.contains("ENCRYPTED PRIVATE KEY") ? "an encrypted key" : "no PEM PRIVATE KEY block";
      } else {
        PrivateKey k = privateKey(priv);
        if (k instanceof RSAPrivateCrtKey crt) {
          if (crt.getModulus().bitLength() < MIN_KEY_BITS) {
            problem = "an RSA key of " + crt.getModulus().bitLength() + " bits";
          } else {
            return new KeyPair(KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), crt);
          }
        } else if (k instanceof ECPrivateKey ec) {
          problem = ecProblem(ec, text);
          if (problem == null) {
            return new KeyPair(KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(pem(text, "PUBLIC KEY"))), ec);
          }
        } else {
          problem = k == null ? "a PEM block that is neither an RSA nor an EC PKCS#8 key"
              : "an RSA key without its public parameters";
        }
      }
    } catch (IOException e) {
      problem = "a file that cannot be read as ASCII PEM";
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      problem = "a PEM block that is neither an RSA nor an EC PKCS#8 key";
    }
    s.errors.add(s.path("key-file"), "expected " + KEY_EXPECTED + ", got " + problem + " in "
        + Scalars.quote(file.toString()));
    return null;
  }

  /** An RSA or EC PKCS#8 key, or null when it is neither. */
  private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
    for (String type : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (java.security.spec.InvalidKeySpecException e) {
        // the next type
      }
    }
    return null;
  }

  /**
   * Why an EC key cannot sign ES256, or null when it can. Java cannot derive an EC public key from
   * the private one, so the file carries the public half too (openssl pkey -pubout), checked to be
   * the same key by a signature it verifies.
   */
  private static String ecProblem(ECPrivateKey ec, String text) throws GeneralSecurityException {
    ECParameterSpec p256 = p256();
    if (!ec.getParams().getOrder().equals(p256.getOrder()) || !ec.getParams().getCurve().equals(p256.getCurve())) {
      return "an EC key on a curve other than P-256";
    }
    byte[] pub = pem(text, "PUBLIC KEY");
    if (pub == null) {
      return "an EC key without its PUBLIC KEY block (append it with: openssl pkey -in key.pem -pubout)";
    }
    PublicKey q;
    try {
      q = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(pub));
    } catch (java.security.spec.InvalidKeySpecException e) {
      return "a PUBLIC KEY block that is not an EC key";
    }
    Signature sig = Signature.getInstance("SHA256withECDSA");
    sig.initSign(ec);
    sig.update(PROBE);
    byte[] signed = sig.sign();
    sig.initVerify(q);
    sig.update(PROBE);
    return sig.verify(signed) ? null : "a PUBLIC KEY block of another key than the PRIVATE KEY";
  }

  private static ECParameterSpec p256() throws GeneralSecurityException {
    AlgorithmParameters a = AlgorithmParameters.getInstance("EC");
    a.init(new ECGenParameterSpec("secp256r1"));
    return a.getParameterSpec(ECParameterSpec.class);
  }

  /** The DER inside the first {@code -----BEGIN <label>-----} block, or null when there is none. */
  private static byte[] pem(String text, String label) {
    String beginMark = "-----BEGIN " + label + "-----";
    String endMark = "-----END " + label + "-----";
    int begin = text.indexOf(beginMark);
    int end = text.indexOf(endMark);
    if (begin < 0 || end < begin) {
      return null;
    }
    return Base64.getDecoder().decode(text.substring(begin + beginMark.length(), end).replaceAll("\\s", ""));
  }
}
