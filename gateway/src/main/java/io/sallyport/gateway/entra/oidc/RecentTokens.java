package io.sallyport.gateway.entra.oidc;

/**
 * The last few tokens one thread (an event loop) found verified, compared by value: a client
 * sends the same token on every request, and comparing 1.5 KB of characters (one vectorised
 * equals) costs a fraction of the SHA-256 and the cache lookup it replaces. Not thread-safe: each
 * thread owns one ({@link VerifiedTokenCache} keeps them in a ThreadLocal).
 *
 * <p>It holds what the request itself holds (the token string), for at most {@link #SLOTS} tokens
 * per event loop and never past a token's {@code exp}; the shared cache still keys by hash. An
 * entry counts only for the cache generation it was stored under, so invalidating the cache
 * (revocation, a tenant rebuild) voids every thread's entries at once without touching them.
 */
final class RecentTokens {

  /** Direct-mapped: a power of two, small so that a flood of distinct tokens costs no memory. */
  static final int SLOTS = 16;

  private record Entry(String token, VerifiedToken verified, long expiresAtMillis, long generation) {}

  private final Entry[] slots = new Entry[SLOTS];

  /** The verified token when {@code token} is here, of {@code generation}, and not expired at {@code nowMillis}. */
  VerifiedToken get(String token, long generation, long nowMillis) {
    Entry e = slots[slot(token)];
    if (e == null || e.generation != generation || nowMillis >= e.expiresAtMillis
        || e.token.length() != token.length() || !e.token.equals(token)) {
      return null;
    }
    return e.verified;
  }

  void put(String token, VerifiedToken verified, long generation) {
    slots[slot(token)] = new Entry(token, verified, verified.expiresAt().toEpochMilli(), generation);
  }

  /**
   * Slot from the token's last characters: those are the signature's, which differ between any two
   * tokens an issuer signs. Reading a handful of characters, not hashing all of them, is the point.
   * A crafted collision only evicts a slot: a hit always needs the whole token to be equal.
   */
  static int slot(String token) {
    int n = token.length();
    int h = n;
    for (int i = Math.max(0, n - 8); i < n; i++) {
      h = 31 * h + token.charAt(i);
    }
    return (h ^ (h >>> 7)) & (SLOTS - 1);
  }
}
