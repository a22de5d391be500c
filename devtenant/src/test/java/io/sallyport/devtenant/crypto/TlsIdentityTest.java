package io.sallyport.devtenant.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsIdentityTest {

  @Test
  void theCertificateIsWrittenOnceAndReusedSoATrustStoreKeepsWorking(@TempDir Path dir) throws Exception {
    TlsIdentity first = TlsIdentity.inDirectory(dir, Clock.systemUTC(), List.of("localhost"));
    TlsIdentity second = TlsIdentity.inDirectory(dir, Clock.systemUTC(), List.of("localhost"));
    assertThat(second.certificatePem()).isEqualTo(first.certificatePem());
    assertThat(Files.readString(dir.resolve(TlsIdentity.CERT_FILE))).isEqualTo(first.certificatePem());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(TlsIdentity.KEY_FILE))))
        .isEqualTo("rw-------");
  }

  @Test
  void anUnreadableKeyIsReplacedNotServed(@TempDir Path dir) throws Exception {
    TlsIdentity first = TlsIdentity.inDirectory(dir, Clock.systemUTC(), List.of("localhost"));
    Files.writeString(dir.resolve(TlsIdentity.KEY_FILE), "garbage");
    TlsIdentity second = TlsIdentity.inDirectory(dir, Clock.systemUTC(), List.of("localhost"));
    assertThat(second.certificatePem()).isNotEqualTo(first.certificatePem());
  }

  @Test
  void theCertificateNamesLocalhostAndTheLoopbackAddresses() throws Exception {
    var cert = TlsIdentity.generate(Clock.systemUTC(), List.of("localhost")).certificate();
    assertThat(cert.getSubjectAlternativeNames()).extracting(l -> l.get(1).toString())
        .containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
    cert.checkValidity();
  }
}
