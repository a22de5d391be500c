package io.sallyport.gateway.entra.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-thread memo in front of the verified-token cache: a hit needs the whole token, the generation and time. */
class RecentTokensTest {
  static final long EXP = Instant.parse("2026-01-01T13:00:00Z").toEpochMilli();
  static final long BEFORE = EXP - 1;

  static VerifiedToken verified(String oid) {
    return new VerifiedToken("tid", oid, "sub", null, null, "app", List.of("s"), List.of(), List.of(), false,
        List.of(), List.of(), null, List.of(), Instant.ofEpochMilli(EXP), "2.0", new JsonObject());
  }

  static String token(char middle) {
    return "eyJhbGciOiJSUzI1NiJ9." + "x".repeat(700) + middle + "y".repeat(700) + ".SIGNATUREtail1234";
  }

  @Test
  void anEqualTokenHitsEvenAsAnotherStringInstance() {
    RecentTokens r = new RecentTokens();
    VerifiedToken v = verified("alice");
    r.put(token('a'), v, 0);
    assertThat(r.get(new String(token('a').toCharArray()), 0, BEFORE)).isSameAs(v);
  }

  @Test
  void aTokenInTheSameSlotThatDiffersAnywhereMisses() {
    RecentTokens r = new RecentTokens();
    r.put(token('a'), verified("alice"), 0);
    // same length, same last characters (so the same slot), one character different in the middle
    assertThat(RecentTokens.slot(token('b'))).isEqualTo(RecentTokens.slot(token('a')));
    assertThat(r.get(token('b'), 0, BEFORE)).isNull();
    String longer = token('a') + "x";
    assertThat(r.get(longer, 0, BEFORE)).isNull();
  }

  @Test
  void nothingIsServedAtOrAfterExp() {
    RecentTokens r = new RecentTokens();
    r.put(token('a'), verified("alice"), 0);
    assertThat(r.get(token('a'), 0, BEFORE)).isNotNull();
    assertThat(r.get(token('a'), 0, EXP)).isNull();
    assertThat(r.get(token('a'), 0, EXP + 60_000)).isNull();
  }

  @Test
  void anotherGenerationVoidsTheEntry() {
    RecentTokens r = new RecentTokens();
    r.put(token('a'), verified("alice"), 3);
    assertThat(r.get(token('a'), 4, BEFORE)).isNull();
  }

  @Test
  void aCollidingTokenReplacesTheSlotAndTheOldOneMisses() {
    RecentTokens r = new RecentTokens();
    VerifiedToken bob = verified("bob");
    r.put(token('a'), verified("alice"), 0);
    r.put(token('b'), bob, 0);
    assertThat(r.get(token('a'), 0, BEFORE)).isNull();
    assertThat(r.get(token('b'), 0, BEFORE)).isSameAs(bob);
  }

  @Test
  void slotsSpreadDistinctSignatures() {
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (int i = 0; i < 64; i++) {
      used.add(RecentTokens.slot("header.payload.sig" + Integer.toString(i * 7919, 36) + "Qz"));
    }
    assertThat(used).hasSizeGreaterThan(RecentTokens.SLOTS / 2);
  }
}
