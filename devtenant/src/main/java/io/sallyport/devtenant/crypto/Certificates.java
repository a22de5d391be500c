package io.sallyport.devtenant.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed RSA certificates (BouncyCastle: the JDK cannot create them) and PEM in and out. */
public final class Certificates {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Certificates() {}

  public static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available in this JVM", e);
    }
  }

  /**
   * A self-signed certificate. {@code dnsNames} and {@code ips} become subjectAltNames (hostname
   * verification reads those, not the CN); a CA flag lets it stand as its own trust anchor.
   */
  public static X509Certificate selfSigned(KeyPair keys, String commonName, List<String> dnsNames, List<String> ips,
      Instant notBefore, Duration validity) {
    try {
      X500Name name = new X500Name("CN=" + commonName);
      var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
          Date.from(notBefore), Date.from(notBefore.plus(validity)), name, keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      if (!dnsNames.isEmpty() || !ips.isEmpty()) {
        GeneralName[] alt = new GeneralName[dnsNames.size() + ips.size()];
        int i = 0;
        for (String d : dnsNames) {
          alt[i++] = new GeneralName(GeneralName.dNSName, d);
        }
        for (String ip : ips) {
          alt[i++] = new GeneralName(GeneralName.iPAddress, ip);
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alt));
      }
      var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not create a certificate for " + commonName, e);
    }
  }

  public static String pem(Object certOrKey) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(certOrKey);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  public static X509Certificate parseCertificate(String pem) {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a PEM X.509 certificate: " + e.getMessage(), e);
    }
  }

  public static PrivateKey parsePrivateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object o = parser.readObject();
      var conv = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair kp) {
        return conv.getKeyPair(kp).getPrivate();
      }
      if (o instanceof PrivateKeyInfo info) {
        return conv.getPrivateKey(info);
      }
      throw new IllegalArgumentException("not a PEM private key");
    } catch (IOException e) {
      throw new IllegalArgumentException("not a PEM private key: " + e.getMessage(), e);
    }
  }

  /** Base64url SHA-1 thumbprint: Entra's {@code x5t}, which is also its {@code kid}. */
  public static String x5t(X509Certificate cert) {
    return thumbprint(cert, "SHA-1");
  }

  /** Base64url SHA-256 thumbprint: {@code x5t#S256}, which msal4j puts in client assertions. */
  public static String x5tS256(X509Certificate cert) {
    return thumbprint(cert, "SHA-256");
  }

  private static String thumbprint(X509Certificate cert, String algorithm) {
    try {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(MessageDigest.getInstance(algorithm).digest(cert.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String der64(X509Certificate cert) {
    try {
      return Base64.getEncoder().encodeToString(cert.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
