package io.sallyport.devtenant.fault;

/**
 * What a fault does to matching requests: an optional method filter, a delay, then either an
 * error status (with {@code retryAfter} as the Retry-After header; null means Entra's default of
 * "1" for 429 and none otherwise, "" means none) or a dropped connection. {@code times} is how many
 * requests it affects (null: unlimited); {@code probability} how likely it is to affect one.
 */
public record FaultSpec(PathPattern path, String method, long latencyMs, Integer status, String retryAfter,
    boolean drop, Integer times, double probability) {

  public FaultSpec {
    if (latencyMs < 0 || latencyMs > 600_000) {
      throw new IllegalArgumentException("\"latency-ms\" must be between 0 and 600000, got " + latencyMs);
    }
    if (status != null && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("\"status\" must be an HTTP error status 400..599, got " + status);
    }
    if (drop && status != null) {
      throw new IllegalArgumentException("\"drop\" and \"status\" exclude each other: a dropped connection has no status");
    }
    if (latencyMs == 0 && status == null && !drop) {
      throw new IllegalArgumentException("a fault needs at least one of \"latency-ms\" (> 0), \"status\" or \"drop\"");
    }
    if (times != null && times < 1) {
      throw new IllegalArgumentException("\"times\" must be at least 1 (omit it for unlimited), got " + times);
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("\"probability\" must be between 0 and 1, got " + probability);
    }
    if (retryAfter != null && !retryAfter.isEmpty() && !retryAfter.matches("[0-9]+(\\.[0-9]+)?")) {
      throw new IllegalArgumentException("\"retry-after\" must be seconds such as \"2\" or \"2.128\", got \""
          + retryAfter + "\"");
    }
    method = method == null ? null : method.toUpperCase(java.util.Locale.ROOT);
  }

  /** The Retry-After header to send, or null for none. */
  public String retryAfterHeader() {
    if (retryAfter == null) {
      return status != null && status == 429 ? "1" : null;
    }
    return retryAfter.isEmpty() ? null : retryAfter;
  }
}
