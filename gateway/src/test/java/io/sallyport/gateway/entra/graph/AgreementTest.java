package io.sallyport.gateway.entra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Re-acceptance rules as Entra documents them (entra-protocol.md §5): a per-user rolling window,
 * a tenant-wide expiry schedule (everyone's consent ends together), both together; and the
 * acceptances' parse (the newest per agreement decides, odd shapes refused).
 */
class AgreementTest {

  static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");

  static Agreement agreement(String reaccept, String from, String every) {
    JsonObject o = new JsonObject().put("id", "a").put("displayName", "Terms")
        .put("userReacceptRequiredFrequency", reaccept);
    if (from != null) {
      o.put("termsExpiration", new JsonObject().put("startDateTime", from).put("frequency", every));
    }
    return Agreement.of(o);
  }

  @Test
  void aRollingWindowCountsFromEachUsersAcceptance() {
    Agreement a = agreement("P30D", null, null);
    assertThat(a.validUntil(JAN_1)).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    assertThat(a.validUntil(Instant.parse("2026-01-15T00:00:00Z"))).isEqualTo(Instant.parse("2026-02-14T00:00:00Z"));
    assertThat(agreement(null, null, null).validUntil(JAN_1)).isEqualTo(Instant.MAX);
  }

  @Test
  void anExpiryScheduleEndsEveryonesConsentTogetherAndTheEarlierRuleWins() {
    Agreement monthly = agreement(null, "2026-01-01T00:00:00Z", "P1M");
    // Alice accepts Jan 1 → Feb 1; Bob Jan 15 → also Feb 1 (the documented example)
    assertThat(monthly.validUntil(JAN_1)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(monthly.validUntil(Instant.parse("2026-01-15T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(monthly.validUntil(Instant.parse("2025-12-20T00:00:00Z"))).as("before the schedule starts")
        .isEqualTo(JAN_1);
    Agreement both = agreement("P10D", "2026-01-01T00:00:00Z", "P1M");
    assertThat(both.validUntil(Instant.parse("2026-01-15T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-25T00:00:00Z"));
    assertThat(both.validUntil(Instant.parse("2026-01-28T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
  }

  @Test
  void unreadableRulesAndAcceptancesAreRefused() {
    assertThatThrownBy(() -> agreement("ninety days", null, null)).isInstanceOf(GraphUnavailable.class);
    assertThatThrownBy(() -> agreement(null, "2026-01-01T00:00:00Z", "P0D")).isInstanceOf(GraphUnavailable.class);
    assertThatThrownBy(() -> TermsFacts.parse(List.of(new JsonObject().put("agreementId", "a"))))
        .isInstanceOf(GraphUnavailable.class);
  }

  @Test
  void theNewestAcceptancePerAgreementDecides() {
    var parsed = TermsFacts.parse(List.of(
        new JsonObject().put("agreementId", "A").put("state", "accepted").put("recordedDateTime",
            "2026-01-01T00:00:00Z").putNull("expirationDateTime"),
        new JsonObject().put("agreementId", "a").put("state", "Declined").put("recordedDateTime",
            "2026-01-02T00:00:00Z").put("expirationDateTime", "2026-02-01T00:00:00Z")));
    assertThat(parsed).containsOnlyKeys("a");
    assertThat(parsed.get("a").state()).isEqualTo("declined");
    assertThat(parsed.get("a").expires()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
  }
}
