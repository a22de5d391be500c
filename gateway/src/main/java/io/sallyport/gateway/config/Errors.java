package io.sallyport.gateway.config;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so a single load reports all of them instead of stopping at the first. */
final class Errors {
  private final List<ConfigError> list = new ArrayList<>();

  void add(String path, String message) {
    list.add(new ConfigError(path, message));
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  void throwIfAny() {
    if (!list.isEmpty()) {
      throw new ConfigException(list);
    }
  }
}
