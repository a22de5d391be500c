package io.sallyport.gateway.config;

import java.util.Collection;

/** "Did you mean" for unknown keys: a typo in a security config should cost seconds, not hours. */
final class Suggestions {
  private static final int MAX_DISTANCE = 2;
  private static final int MIN_PREFIX = 3;

  private Suggestions() {}

  /** The closest known key, or null when none is close enough to be a plausible typo. */
  static String closest(String unknown, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(unknown, k);
      if (d <= MAX_DISTANCE && d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    if (best != null) {
      return best;
    }
    for (String k : known) {
      boolean prefix = unknown.length() >= MIN_PREFIX && k.startsWith(unknown)
          || k.length() >= MIN_PREFIX && unknown.startsWith(k);
      if (prefix) {
        return k;
      }
    }
    return null;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
