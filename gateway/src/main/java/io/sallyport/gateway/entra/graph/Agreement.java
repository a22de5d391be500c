package io.sallyport.gateway.entra.graph;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A terms of use agreement's re-acceptance rules (graph-docs {@code agreement}): a per-user rolling
 * window ({@code userReacceptRequiredFrequency}) and a tenant-wide schedule on which every consent
 * expires together ({@code termsExpiration}: from {@code startDateTime} every {@code frequency}).
 * An acceptance recorded at {@code t} is valid until the earlier of the two; Entra fills the
 * acceptance's own {@code expirationDateTime} too, and the gateway honours all three.
 *
 * @param reacceptEvery       ISO-8601 period or duration ({@code P90D}); null for none
 * @param expireFrom          the schedule's start; null for no schedule
 * @param expireEvery         the schedule's period; null for no schedule
 */
public record Agreement(String id, String displayName, String reacceptEvery, Instant expireFrom,
                        String expireEvery) {

  /** The longest schedule walk: a yearly schedule started centuries ago is still a few hundred steps. */
  private static final int MAX_STEPS = 100_000;

  /** Until when an acceptance recorded at {@code recorded} counts; {@link Instant#MAX} when forever. */
  public Instant validUntil(Instant recorded) {
    Instant until = reacceptEvery == null ? Instant.MAX : plus(recorded, reacceptEvery);
    if (expireFrom != null && expireEvery != null) {
      Instant b = expireFrom;
      for (int i = 0; !b.isAfter(recorded) && i < MAX_STEPS; i++) {
        b = plus(b, expireEvery);
      }
      if (b.isBefore(until)) {
        until = b;
      }
    }
    return until;
  }

  /** From Graph's agreement JSON; fails with {@link GraphUnavailable} on a shape it cannot read. */
  static Agreement of(JsonObject o) {
    try {
      String reaccept = o.getString("userReacceptRequiredFrequency");
      JsonObject exp = o.getValue("termsExpiration") instanceof JsonObject e ? e : null;
      Instant from = exp == null || exp.getString("startDateTime") == null ? null
          : Instant.parse(exp.getString("startDateTime"));
      String every = exp == null ? null : exp.getString("frequency");
      Agreement a = new Agreement(o.getString("id"), o.getString("displayName"), reaccept, from, every);
      if (reaccept != null) {
        plus(Instant.EPOCH, reaccept); // validated now, not at the first acceptance
      }
      if (every != null && plus(Instant.EPOCH, every).equals(Instant.EPOCH)) {
        throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "a zero termsExpiration.frequency");
      }
      return a;
    } catch (DateTimeParseException | ClassCastException e) {
      throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "an agreement Graph's way cannot be read: "
          + e.getMessage());
    }
  }

  /** {@code t} plus an ISO-8601 period ({@code P1M}, {@code P90D}) or duration ({@code PT12H}). */
  static Instant plus(Instant t, String iso) {
    if (iso.contains("T")) {
      Duration d = Duration.parse(iso);
      return d.isNegative() ? t : t.plus(d);
    }
    Period p = Period.parse(iso);
    return p.isNegative() ? t : t.atOffset(ZoneOffset.UTC).plus(p).toInstant();
  }
}
