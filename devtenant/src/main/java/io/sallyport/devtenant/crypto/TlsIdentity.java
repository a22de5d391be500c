package io.sallyport.devtenant.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

/**
 * devtenant's HTTPS certificate for {@code localhost} (and 127.0.0.1, ::1): loaded from files, or
 * generated and written beside the data so the gateway and tests can be told to trust exactly
 * this certificate. Nothing trusts it by default.
 */
public record TlsIdentity(String certificatePem, String privateKeyPem) {

  public static final String CERT_FILE = "devtenant-tls.crt";
  public static final String KEY_FILE = "devtenant-tls.key";

  public static TlsIdentity generate(Clock clock, List<String> hostNames) {
    KeyPair keys = Certificates.rsaKeyPair();
    X509Certificate cert = Certificates.selfSigned(keys, "devtenant " + hostNames.get(0), hostNames,
        List.of("127.0.0.1", "::1"), clock.instant().minus(Duration.ofDays(1)), Duration.ofDays(825));
    return new TlsIdentity(Certificates.pem(cert), Certificates.pem(keys.getPrivate()));
  }

  public static TlsIdentity load(Path certFile, Path keyFile) throws IOException {
    TlsIdentity id = new TlsIdentity(Files.readString(certFile, StandardCharsets.US_ASCII),
        Files.readString(keyFile, StandardCharsets.US_ASCII));
    id.certificate();
    Certificates.parsePrivateKey(id.privateKeyPem());
    return id;
  }

  /**
   * The identity kept in {@code dir}: reused while its certificate is valid, so a trust store
   * written once keeps working across restarts; otherwise a new one, written out.
   */
  public static TlsIdentity inDirectory(Path dir, Clock clock, List<String> hostNames) throws IOException {
    Path cert = dir.resolve(CERT_FILE);
    Path key = dir.resolve(KEY_FILE);
    if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
      try {
        TlsIdentity existing = load(cert, key);
        existing.certificate().checkValidity(Date.from(clock.instant().plus(Duration.ofDays(1))));
        return existing;
      } catch (IllegalArgumentException | CertificateExpiredException | CertificateNotYetValidException e) {
        // fall through: replace an unusable or expiring pair
      }
    }
    TlsIdentity fresh = generate(clock, hostNames);
    Files.createDirectories(dir);
    fresh.writeTo(cert, key);
    return fresh;
  }

  public void writeTo(Path certFile, Path keyFile) throws IOException {
    Files.writeString(certFile, certificatePem, StandardCharsets.US_ASCII);
    Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
    Files.writeString(tmp, privateKeyPem, StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the key is still only a dev certificate's
    }
    Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  public X509Certificate certificate() {
    return Certificates.parseCertificate(certificatePem);
  }
}
