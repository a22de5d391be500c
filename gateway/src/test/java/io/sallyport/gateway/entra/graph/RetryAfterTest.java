package io.sallyport.gateway.entra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retry-After as Graph sends it: seconds (fractional in Microsoft's own example) or an HTTP-date. */
class RetryAfterTest {

  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @ParameterizedTest(name = "\"{0}\" → {1} ms")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      2                             | 2000
      2.128                         | 2128
      0.0005                        | 1
      0                             | 0
      ' 3 '                         | 3000
      5, 10                         | 5000
      Sun, 01 Mar 2026 10:00:07 GMT | 7000
      Sun, 01 Mar 2026 09:59:00 GMT | 0
      null                          | null
      ''                            | null
      -1                            | null
      soon                          | null
      1e9                           | null
      99999999999                   | null
      """)
  void parses(String header, Long millis) {
    Duration d = RetryAfter.parse(header, NOW);
    assertThat(d == null ? null : d.toMillis()).isEqualTo(millis);
  }
}
