package io.sallyport.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped sample in config/*.yaml must stay valid: people copy them. */
class SampleConfigsTest {
  private static final Path CONFIG_DIR = Path.of("..", "config");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(CONFIG_DIR)) {
      List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .filter(Files::isRegularFile).sorted().toList();
      return list.stream();
    }
  }

  @Test
  void theExpectedSamplesExist() throws IOException {
    assertThat(samples().map(p -> p.getFileName().toString()))
        .contains("demo.yaml", "single-node-h2.yaml", "multi-node-postgres.yaml", "entra-tenant.yaml");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleIsValid(Path sample) throws IOException {
    Map<String, String> env = new HashMap<>();
    Matcher m = REFERENCE.matcher(Files.readString(sample));
    while (m.find()) {
      // a reference to a file gets a real one (a certificate), the rest a placeholder value
      env.put(m.group(1), m.group(1).endsWith("_FILE") ? caFile() : "sample-value-for-" + m.group(1));
    }
    assertThatCode(() -> ConfigLoader.load(sample, env)).doesNotThrowAnyException();
    assertThat(ConfigLoader.load(sample, env).routes()).isNotEmpty();
  }

  @Test
  void demoRoutesGoToTheDemoUpstreamWithH2AndOnlyTheAdminRoutesAreClosed() {
    SallyportConfig c = ConfigLoader.load(CONFIG_DIR.resolve("demo.yaml"), Map.of("SALLYPORT_DEMO_CA_FILE", caFile()));
    assertThat(c.routes()).allSatisfy(r -> {
      assertThat(r.isPublic()).as(r.name()).isEqualTo(!r.name().startsWith("demo-admin")
          && !r.name().equals("demo-privileged"));
      assertThat(r.upstream().toString()).isEqualTo("http://127.0.0.1:8082");
    });
    assertThat(c.routes()).extracting(r -> r.name()).contains("demo-admin", "demo-privileged");
    assertThat(c.routes().stream().filter(r -> r.name().equals("demo-privileged")).findFirst().orElseThrow()
        .require().authContext()).isEqualTo("c1");
    assertThat(c.store().kind()).isEqualTo(StoreConfig.Kind.H2);
    assertThat(c.store().path()).isEqualTo(CONFIG_DIR.toAbsolutePath().normalize().resolve("data"));
    assertThat(c.scim().enabled()).isTrue();
    assertThat(c.scim().basePath()).isEqualTo("/scim/v2");
    assertThat(c.scim().tokenDigests()).hasSize(1);
  }

  /** A PEM certificate file, as devtenant writes for the demo. */
  static String caFile() {
    try {
      Path f = Files.createTempFile("sample-ca", ".crt");
      f.toFile().deleteOnExit();
      Files.writeString(f, io.sallyport.devtenant.crypto.TlsIdentity.generate(java.time.Clock.systemUTC(),
          java.util.List.of("localhost")).certificatePem());
      return f.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
