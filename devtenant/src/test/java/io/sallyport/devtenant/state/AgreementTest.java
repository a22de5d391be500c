package io.sallyport.devtenant.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The two expiry rules of Entra terms of use, with the examples from Microsoft's docs. */
class AgreementTest {

  static Instant day(String d) {
    return Instant.parse(d + "T00:00:00Z");
  }

  @Test
  void rollingReacceptanceCountsFromEachUsersAcceptance() {
    Agreement a = new Agreement("a", "A", Duration.ofDays(30), null, null, false, false, "f", "t");
    assertThat(a.expiryFor(day("2026-01-01"))).isEqualTo(day("2026-01-31"));
    assertThat(a.expiryFor(day("2026-01-15"))).isEqualTo(day("2026-02-14"));
  }

  @Test
  void scheduledExpiryEndsEveryonesConsentTogether() {
    Agreement a = new Agreement("a", "A", null, day("2026-01-01"), Duration.ofDays(31), false, false, "f", "t");
    assertThat(a.expiryFor(day("2026-01-01"))).isEqualTo(day("2026-02-01"));
    assertThat(a.expiryFor(day("2026-01-15"))).isEqualTo(day("2026-02-01"));
  }

  @Test
  void bothRulesTogetherTakeTheEarlierAndNoRuleMeansNoExpiry() {
    Agreement both = new Agreement("a", "A", Duration.ofDays(10), day("2026-01-01"), Duration.ofDays(31), false, false,
        "f", "t");
    assertThat(both.expiryFor(day("2026-01-25"))).isEqualTo(day("2026-02-01"));
    assertThat(both.expiryFor(day("2026-01-02"))).isEqualTo(day("2026-01-12"));
    assertThat(new Agreement("a", "A", null, null, null, false, false, "f", "t").expiryFor(day("2026-01-01"))).isNull();
  }

  @Test
  void anAcceptanceCountsOnlyWhileAcceptedAndUnexpired() {
    Acceptance ok = new Acceptance("a_u", "a", "u", "f", day("2026-01-01"), day("2026-02-01"), "accepted");
    assertThat(ok.validAt(day("2026-01-31"))).isTrue();
    assertThat(ok.validAt(day("2026-02-01"))).isFalse();
    assertThat(new Acceptance("a_u", "a", "u", "f", day("2026-01-01"), null, "declined").validAt(day("2026-01-02")))
        .isFalse();
  }
}
