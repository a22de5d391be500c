package io.sallyport.devtenant.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A bounded map whose entries expire by the scenario clock: an expired entry is never returned,
 * expired entries are swept on every insert, and past {@code capacity} the oldest entry goes, so a
 * client that never redeems its codes cannot grow devtenant's memory.
 */
final class Expiring<V> {

  private final Clock clock;
  private final int capacity;
  private final Function<V, Instant> expiresAt;
  private final Map<String, V> entries = new LinkedHashMap<>();

  Expiring(Clock clock, int capacity, Function<V, Instant> expiresAt) {
    this.clock = clock;
    this.capacity = capacity;
    this.expiresAt = expiresAt;
  }

  synchronized V put(String key, V value) {
    Instant now = clock.instant();
    entries.values().removeIf(v -> !now.isBefore(expiresAt.apply(v)));
    entries.remove(key);
    entries.put(key, value);
    Iterator<String> oldest = entries.keySet().iterator();
    while (entries.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
    return value;
  }

  synchronized Optional<V> get(String key) {
    if (key == null) {
      return Optional.empty();
    }
    V v = entries.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(expiresAt.apply(v))) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(v);
  }

  synchronized Optional<V> remove(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(entries.remove(key));
  }

  synchronized void removeIf(java.util.function.Predicate<V> test) {
    entries.values().removeIf(test);
  }
}
