package io.sallyport.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code assertion:} and {@code routes[].assertion-audience}: defaults, and one precise error per mistake. */
class AssertionConfigTest {
  private static final String ROUTE = "routes:\n  - name: r\n    upstream: http://127.0.0.1:9090\n";
  private static final String KEY_EXPECTED = "expected a PEM file with one unencrypted PKCS#8 private key"
      + " (-----BEGIN PRIVATE KEY-----): RSA of at least 2048 bits, or EC P-256 followed by its"
      + " -----BEGIN PUBLIC KEY----- block, got ";

  @TempDir
  static Path dir;
  static Path source;
  static String goodPem;

  @BeforeAll
  static void keys() throws Exception {
    source = dir.resolve("sallyport.yaml");
    goodPem = pem(2048);
    Files.writeString(dir.resolve("good.pem"), goodPem);
    Files.writeString(dir.resolve("small.pem"), pem(1024));
    Files.writeString(dir.resolve("pkcs1.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
    Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
    Files.writeString(dir.resolve("ec.pem"), ecPem("secp256r1", true, null));
    Files.writeString(dir.resolve("ec-nopub.pem"), ecPem("secp256r1", false, null));
    Files.writeString(dir.resolve("ec-p384.pem"), ecPem("secp384r1", true, null));
    Files.writeString(dir.resolve("ec-otherpub.pem"), ecPem("secp256r1", true,
        ecPair("secp256r1").getPublic()));
    Files.writeString(dir.resolve("sec1.pem"), "-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----\n");
    Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
  }

  static String pem(int bits) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(bits);
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
        .encodeToString(g.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
  }

  static java.security.KeyPair ecPair(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new java.security.spec.ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }

  /** What openssl genpkey + pkey -pubout write: a PKCS#8 PRIVATE KEY block, then (optionally) a PUBLIC KEY block. */
  static String ecPem(String curve, boolean withPublic, java.security.PublicKey otherPublic) throws Exception {
    java.security.KeyPair p = ecPair(curve);
    java.util.Base64.Encoder mime = Base64.getMimeEncoder(64, new byte[] {'\n'});
    String out = "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(p.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    if (withPublic) {
      out += "-----BEGIN PUBLIC KEY-----\n" + mime.encodeToString((otherPublic != null ? otherPublic : p.getPublic())
          .getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
    return out;
  }

  static SallyportConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, source, Map.of());
  }

  static List<String> errorsOf(String yaml) {
    try {
      parse(yaml);
    } catch (ConfigException e) {
      return e.errors().stream().map(ConfigError::toString).toList();
    }
    throw new AssertionError("expected errors for:\n" + yaml);
  }

  @Test
  void defaultsWithoutASection() {
    SallyportConfig c = parse(ROUTE);
    assertThat(c.assertion()).isEqualTo(AssertionConfig.defaults());
    assertThat(c.assertion().enabled()).isTrue();
    assertThat(c.assertion().issuer()).isEqualTo("sallyport");
    assertThat(c.assertion().lifetime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.assertion().headerUser()).isTrue();
    assertThat(c.routes().get(0).assertionAudience()).isEqualTo("http://127.0.0.1:9090");
  }

  @Test
  void everyKeyRead() {
    SallyportConfig c = parse(ROUTE + "    assertion-audience: api://billing\n"
        + "  - { name: s, match: { path-prefix: /s }, upstream: \"https://App.Example/x\" }\n"
        + "assertion: { enabled: false, issuer: https://gw.example, lifetime: 2m, key-file: good.pem,"
        + " header-user: false }\n");
    AssertionConfig a = c.assertion();
    assertThat(a.enabled()).isFalse();
    assertThat(a.issuer()).isEqualTo("https://gw.example");
    assertThat(a.lifetime()).isEqualTo(Duration.ofMinutes(2));
    assertThat(a.keyFile()).isEqualTo(dir.resolve("good.pem"));
    assertThat(a.key()).isNotNull();
    var rsa = (java.security.interfaces.RSAPrivateCrtKey) a.key().getPrivate();
    assertThat(rsa.getModulus().bitLength()).isEqualTo(2048);
    assertThat(((java.security.interfaces.RSAPublicKey) a.key().getPublic()).getModulus()).isEqualTo(rsa.getModulus());
    assertThat(a.headerUser()).isFalse();
    assertThat(a.toString()).doesNotContain(rsa.getPrivateExponent().toString(16)).contains("key=***");
    assertThat(c.routes().get(0).assertionAudience()).isEqualTo("api://billing");
    assertThat(c.routes().get(1).assertionAudience()).isEqualTo("https://app.example:443");
  }

  @Test
  void anEcP256KeyFileWithItsPublicKeyIsRead() {
    AssertionConfig a = parse(ROUTE + "assertion: { key-file: ec.pem }\n").assertion();
    assertThat(a.key().getPrivate()).isInstanceOf(java.security.interfaces.ECPrivateKey.class);
    assertThat(a.key().getPublic()).isInstanceOf(java.security.interfaces.ECPublicKey.class);
    assertThat(a.toString()).contains("key=***");
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        arguments("assertion: { lifetime: 4s }", "assertion.lifetime: expected a duration from 5s to 10m, got \"4s\""),
        arguments("assertion: { lifetime: 11m }", "assertion.lifetime: expected a duration from 5s to 10m, got \"11m\""),
        arguments("assertion: { lifetime: 60 }", "assertion.lifetime: expected a duration with a unit, like 500ms, 5s,"
            + " 15m, 4h or 1d (more than zero), got \"60\""),
        arguments("assertion: { enabled: maybe }", "assertion.enabled: expected true or false, got \"maybe\""),
        arguments("assertion: { header-user: 1x }", "assertion.header-user: expected true or false, got \"1x\""),
        arguments("assertion: { issuer: \" \" }", "assertion.issuer: expected a non-empty string of printable"
            + " characters (at most 256), got \" \""),
        arguments("assertion: { isuer: x }", "assertion.isuer: unknown key; did you mean \"issuer\"?"),
        arguments("assertion: [ x ]", "assertion: expected a mapping with keys enabled, issuer, lifetime, key-file,"
            + " header-user, got a list"),
        arguments("assertion: { key-file: none.pem }", "assertion.key-file: file does not exist: \""
            + dir.resolve("none.pem") + "\"; " + KEY_EXPECTED.replace(", got ", "")),
        arguments("assertion: { key-file: small.pem }", "assertion.key-file: " + KEY_EXPECTED
            + "an RSA key of 1024 bits in \"" + dir.resolve("small.pem") + "\""),
        arguments("assertion: { key-file: pkcs1.pem }", "assertion.key-file: " + KEY_EXPECTED
            + "a PKCS#1 or SEC 1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem in \""
            + dir.resolve("pkcs1.pem") + "\""),
        arguments("assertion: { key-file: sec1.pem }", "assertion.key-file: " + KEY_EXPECTED
            + "a PKCS#1 or SEC 1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem in \""
            + dir.resolve("sec1.pem") + "\""),
        arguments("assertion: { key-file: ec-nopub.pem }", "assertion.key-file: " + KEY_EXPECTED
            + "an EC key without its PUBLIC KEY block (append it with: openssl pkey -in key.pem -pubout) in \""
            + dir.resolve("ec-nopub.pem") + "\""),
        arguments("assertion: { key-file: ec-p384.pem }", "assertion.key-file: " + KEY_EXPECTED
            + "an EC key on a curve other than P-256 in \"" + dir.resolve("ec-p384.pem") + "\""),
        arguments("assertion: { key-file: ec-otherpub.pem }", "assertion.key-file: " + KEY_EXPECTED
            + "a PUBLIC KEY block of another key than the PRIVATE KEY in \"" + dir.resolve("ec-otherpub.pem") + "\""),
        arguments("assertion: { key-file: garbage.pem }", "assertion.key-file: " + KEY_EXPECTED
            + "a PEM block that is neither an RSA nor an EC PKCS#8 key in \"" + dir.resolve("garbage.pem") + "\""),
        arguments("assertion: { key-file: cert.pem }", "assertion.key-file: " + KEY_EXPECTED
            + "no PEM PRIVATE KEY block in \"" + dir.resolve("cert.pem") + "\""),
        arguments("routes:\n  - { name: r, upstream: \"http://x\", assertion-audience: \"\" }\n",
            "routes[0].assertion-audience: expected a non-empty string of printable characters (at most 512),"
                + " e.g. https://billing.internal.example, got \"\""),
        arguments("routes:\n  - { name: r, upstream: \"http://x\", assertion-audience: [a] }\n",
            "routes[0].assertion-audience: expected a non-empty string of printable characters (at most 512),"
                + " e.g. https://billing.internal.example, got a list"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void eachMistakeGivesOnePreciseError(String yaml, String expected) {
    String full = yaml.startsWith("routes:") ? yaml : ROUTE + yaml + "\n";
    assertThat(errorsOf(full)).containsExactly(expected);
  }

  @Test
  void theKeyFileContentNeverAppearsInAnError() throws IOException {
    Path broken = dir.resolve("broken.pem");
    Files.writeString(broken, goodPem.replace("-----END PRIVATE KEY-----", ""));
    List<String> errors = errorsOf(ROUTE + "assertion: { key-file: broken.pem }\n");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).doesNotContain(goodPem.split("\n")[1]);
  }
}
