package io.sallyport.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code audit.decisions}: defaults, every key, and every error with its path. */
class AuditConfigTest {
  private static final String ROUTES = "routes:\n  - name: app\n    match: { path-prefix: / }\n"
      + "    upstream: http://127.0.0.1:9\n";

  static SallyportConfig parse(String audit) {
    return ConfigLoader.parse(ROUTES + audit, null, Map.of());
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
  void absentMeansFirstPerWindowEveryFiveMinutes() {
    assertThat(parse("").audit()).isEqualTo(AuditConfig.defaults());
    assertThat(parse("audit: {}\n").audit()).isEqualTo(AuditConfig.defaults());
    AuditConfig d = AuditConfig.defaults();
    assertThat(d.allowed()).isEqualTo(AuditConfig.Allowed.FIRST_PER_WINDOW);
    assertThat(d.window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(d.deniedWindow()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.queue()).isEqualTo(10_000);
  }

  @Test
  void everyKey() {
    AuditConfig c = parse("audit:\n  decisions: { allowed: all, window: 1m, denied-window: 2s, queue: 500,"
        + " flush-interval: 200ms }\n").audit();
    assertThat(c).isEqualTo(new AuditConfig(AuditConfig.Allowed.ALL, Duration.ofMinutes(1), Duration.ofSeconds(2),
        500, Duration.ofMillis(200)));
    assertThat(parse("audit: { decisions: { allowed: off } }\n").audit().allowed()).isEqualTo(AuditConfig.Allowed.OFF);
    assertThat(parse("audit: { decisions: { allowed: first-per-window } }\n").audit().allowed())
        .isEqualTo(AuditConfig.Allowed.FIRST_PER_WINDOW);
  }

  @Test
  void everyErrorAtOnceWithItsPath() {
    assertThat(errorsOf("audit:\n  decisions: { allowed: some, window: 0s, denied-window: 2h, queue: 5,"
        + " flush-interval: soon, extra: 1 }\n  other: 1\n")).containsExactlyInAnyOrder(
        "audit.decisions.allowed: expected first-per-window, all or off, got \"some\"",
        "audit.decisions.window: expected a duration with a unit, like 500ms, 5s, 15m, 4h or 1d (more than zero),"
            + " got \"0s\"",
        "audit.decisions.denied-window: expected a duration 1s..1h, got \"2h\"",
        "audit.decisions.queue: expected an integer 100..10000000, got \"5\"",
        "audit.decisions.flush-interval: expected a duration with a unit, like 500ms, 5s, 15m, 4h or 1d (more than"
            + " zero), got \"soon\"",
        "audit.decisions.extra: unknown key; expected one of: allowed, window, denied-window, queue, flush-interval",
        "audit.other: unknown key; expected one of: decisions");
  }
}
