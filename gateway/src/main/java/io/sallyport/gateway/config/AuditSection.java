package io.sallyport.gateway.config;

import java.time.Duration;
import java.util.Locale;

/** {@code audit: { decisions: {...} }}: the decision audit's sampling and batching. */
final class AuditSection {
  private static final String ALLOWED_EXPECTED = "first-per-window, all or off";

  private AuditSection() {}

  static AuditConfig read(Section root) {
    AuditConfig d = AuditConfig.defaults();
    Section audit = root.section("audit", "decisions");
    Section s = audit.section("decisions", "allowed", "window", "denied-window", "queue", "flush-interval");
    if (!s.present()) {
      return d;
    }
    AuditConfig.Allowed allowed = allowed(s, d.allowed());
    Duration window = bounded(s, "window", d.window(), Duration.ofSeconds(1), Duration.ofDays(1), "1s..1d");
    Duration denied = bounded(s, "denied-window", d.deniedWindow(), Duration.ofSeconds(1), Duration.ofHours(1),
        "1s..1h");
    int queue = s.integer("queue", d.queue(), 100, 10_000_000, "an integer 100..10000000");
    Duration flush = bounded(s, "flush-interval", d.flushInterval(), Duration.ofMillis(10), Duration.ofMinutes(1),
        "10ms..1m");
    return new AuditConfig(allowed, window, denied, queue, flush);
  }

  private static AuditConfig.Allowed allowed(Section s, AuditConfig.Allowed def) {
    String v = s.text("allowed", ALLOWED_EXPECTED);
    if (v == null) {
      return def;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "first-per-window" -> AuditConfig.Allowed.FIRST_PER_WINDOW;
      case "all" -> AuditConfig.Allowed.ALL;
      case "off", "false" -> AuditConfig.Allowed.OFF;
      default -> {
        s.badValue("allowed", ALLOWED_EXPECTED, v);
        yield def;
      }
    };
  }

  private static Duration bounded(Section s, String key, Duration def, Duration min, Duration max, String range) {
    Duration v = s.duration(key, def, false);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      s.badValue(key, "a duration " + range, s.text(key, "a duration"));
      return def;
    }
    return v;
  }
}
