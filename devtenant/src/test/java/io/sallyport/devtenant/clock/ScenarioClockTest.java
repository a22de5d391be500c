package io.sallyport.devtenant.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScenarioClockTest {

  @Test
  void advancesAndNeverGoesBack() {
    Instant t0 = Instant.parse("2026-11-26T12:00:00Z");
    ScenarioClock clock = new ScenarioClock(Clock.fixed(t0, ZoneOffset.UTC));
    assertThat(clock.advance(Duration.ofHours(2))).isEqualTo(t0.plus(Duration.ofHours(2)));
    assertThat(clock.instant()).isEqualTo(t0.plus(Duration.ofHours(2)));
    assertThat(clock.offset()).isEqualTo(Duration.ofHours(2));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only moves forward");
  }
}
