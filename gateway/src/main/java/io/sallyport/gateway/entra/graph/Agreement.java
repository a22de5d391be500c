package io.sallyport.gateway.entra.graph;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;

/**
 * A terms of use agreement's re-acceptance rules (graph-docs {@code agreement}): a per-user rolling
 * window ({@code userReacceptRequiredFrequency}) and a tenant-wide schedule on which every consent
 * expires together ({@code termsExpiration}: from {@code startDateTime} every {@code frequency}).
 * An acceptance recorded at {@code t} is valid until the earlier of the two; Entra fills the
 * acceptance's own {@code expirationDateTime} too, and the gateway honours all three.
 *
 * @param reacceptEvery       from ISO-8601 ({@code P90D}): a {@link Period} or {@link Duration}; null for none
 * @param expireFrom          the schedule's start; null for no schedule
 * @param expireEvery         the schedule's period; null for no schedule
 */
public record Agreement(String id, String displayName, TemporalAmount reacceptEvery, Instant expireFrom,
                        TemporalAmount expireEvery) {

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
      TemporalAmount everyAmount = every == null ? null : amount(every);
      if (everyAmount != null && !plus(Instant.EPOCH, everyAmount).isAfter(Instant.EPOCH)) {
        throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "a termsExpiration.frequency that is not"
            + " positive: " + every);
      }
      // parsed once here, not per request
      return new Agreement(o.getString("id"), o.getString("displayName"), reaccept == null ? null : amount(reaccept),
          from, everyAmount);
    } catch (DateTimeParseException | ClassCastException e) {
      throw new GraphUnavailable(GraphUnavailable.INVALID_RESPONSE, "an agreement Graph's way cannot be read: "
          + e.getMessage());
    }
  }

  /** An ISO-8601 period ({@code P1M}, {@code P90D}) or duration ({@code PT12H}); negative ones count as zero. */
  static TemporalAmount amount(String iso) {
    if (iso.contains("T")) {
      Duration d = Duration.parse(iso);
      return d.isNegative() ? Duration.ZERO : d;
    }
    Period p = Period.parse(iso);
    if (p.isNegative()) {
      return Duration.ZERO;
    }
    return p.getYears() == 0 && p.getMonths() == 0 ? Duration.ofDays(p.getDays()) : p;
  }

  /** {@code t} plus the amount: months and years on the UTC calendar, the rest exactly. */
  static Instant plus(Instant t, TemporalAmount a) {
    return a instanceof Duration d ? t.plus(d) : t.atOffset(ZoneOffset.UTC).plus(a).toInstant();
  }
}
