package io.sallyport.gateway.assertion;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sallyport.gateway.config.AssertionConfig;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.Snapshot;
import io.sallyport.gateway.pipeline.forward.UpstreamIdentity;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.MultiMap;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Puts the caller's identity on an allowed request: the signed assertion in the configured header
 * and, for simple apps, plain {@code X-Sallyport-User} / {@code X-Sallyport-Upn}.
 *
 * <p>A signature costs far more CPU than the rest of a request (ES256 about 0.1 ms, RS256 about a
 * millisecond), so signatures are cached per (caller, session, route, audience, decision codes, key) and reused
 * while more than half their lifetime remains: iat and exp move in steps, and a miss signs once,
 * synchronously, on the event loop. The cache is bounded; rotation changes the kid and so the key.
 */
public final class Assertions implements UpstreamIdentity {
  public static final String USER_HEADER = "X-Sallyport-User";
  public static final String UPN_HEADER = "X-Sallyport-Upn";
  /** An entry is about 1.5 KB (the JWT is most of it): at most ~30 MB, and an evicted caller costs one signature. */
  static final int MAX_ENTRIES = 20_000;

  private final KeyRing ring;
  private final Supplier<Snapshot> live;
  private final Clock clock;
  private final Cache<CacheKey, Signed> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
      // the longest lifetime (10m) halved: nothing older is ever reused
      .expireAfterWrite(Duration.ofMinutes(5)).build();
  /**
   * Each event loop's last few signatures, in front of the shared cache: the same caller on the same
   * route is the usual case, and comparing the key's fields costs less than hashing all of them
   * (the groups list included) and a concurrent cache's read bookkeeping.
   */
  private final ThreadLocal<Object[]> recent = ThreadLocal.withInitial(() -> new Object[RECENT_SLOTS * 2]);
  static final int RECENT_SLOTS = 16;

  /** Everything a signed assertion depends on; equal keys may share one signature. */
  private record CacheKey(Principal principal, String route, String audience, List<String> codes, String kid,
                          String issuer, long lifetimeMillis) {}

  /** A signature and the plain header values, checked once per entry instead of once per request. */
  private record Signed(String token, long refreshAtMillis, String user, String upn) {}

  public Assertions(KeyRing ring, Supplier<Snapshot> live, Clock clock) {
    this.ring = ring;
    this.live = live;
    this.clock = clock;
  }

  @Override
  public boolean addTo(Route route, Decision decision, MultiMap headers) {
    Principal p = decision.principal();
    if (p == null) {
      return true;
    }
    Snapshot snap = live.get();
    AssertionConfig cfg = snap.config().assertion();
    if (!cfg.enabled()) {
      // no signature wanted: nothing to cache, and no key needed
      if (cfg.headerUser()) {
        plain(headers, HeaderValues.objectId(p.oid()) ? p.oid() : null, HeaderValues.upn(p.upn()) ? p.upn() : null);
      }
      return true;
    }
    Signed s;
    try {
      s = signed(route, decision, p, cfg);
    } catch (IllegalStateException e) { // a signing failure fails closed, like a missing key
      s = null;
    }
    if (s == null) {
      return false;
    }
    headers.set(snap.proxy().assertionHeader(), s.token());
    if (cfg.headerUser()) {
      plain(headers, s.user(), s.upn());
    }
    return true;
  }

  private static void plain(MultiMap headers, String user, String upn) {
    if (user != null) {
      headers.set(USER_HEADER, user);
    }
    if (upn != null) {
      headers.set(UPN_HEADER, upn);
    }
  }

  /** The compact JWS for this request, from the cache when it is fresh enough; null without a key. */
  private Signed signed(Route route, Decision decision, Principal p, AssertionConfig cfg) {
    KeySet keys = ring.current();
    if (keys == null) {
      return null;
    }
    SigningKey key = keys.current();
    long lifetime = cfg.lifetime().toMillis();
    CacheKey k = new CacheKey(p, route.name(), route.config().assertionAudience(), codes(decision.reasons()),
        key.kid(), cfg.issuer(), lifetime);
    long now = clock.millis();
    Object[] memo = recent.get();
    int slot = slot(p, route.name());
    Signed s = k.equals(memo[slot]) ? (Signed) memo[slot + 1] : null;
    if (s == null || now >= s.refreshAtMillis()) {
      s = cache.getIfPresent(k);
    }
    if (s == null || now >= s.refreshAtMillis()) {
      long iat = now / 1000;
      String token = Jws.sign(key, Claims.of(cfg.issuer(), route, decision, p, iat, iat + lifetime / 1000));
      // values from a token are not header-safe by construction: anything unusual is left out, not mangled
      s = new Signed(token, iat * 1000 + lifetime / 2, HeaderValues.objectId(p.oid()) ? p.oid() : null,
          HeaderValues.upn(p.upn()) ? p.upn() : null);
      cache.put(k, s);
    }
    memo[slot] = k;
    memo[slot + 1] = s;
    return s;
  }

  /** A slot from hashes Strings already hold (oid or app id, route name); a collision only evicts. */
  private static int slot(Principal p, String route) {
    String who = p.oid() != null ? p.oid() : p.appId();
    int h = (who == null ? 0 : who.hashCode()) * 31 + route.hashCode();
    return ((h ^ (h >>> 16)) & (RECENT_SLOTS - 1)) * 2;
  }

  private static List<String> codes(List<Reason> reasons) {
    return reasons.size() == 1 ? List.of(reasons.get(0).code())
        : reasons.stream().map(Reason::code).toList();
  }
}
