package io.sallyport.gateway.entra.graph;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Meters per Graph operation ({@code operation} tag: {@code token}, {@code groups.transitive}, ...):
 * {@code sallyport_graph_calls_total{outcome}}, {@code sallyport_graph_latency_seconds} (a whole
 * call, retries and pages included), {@code sallyport_graph_errors_total{kind}},
 * {@code sallyport_graph_requests_total{status}} (every HTTP request, so retries and pages show),
 * and {@code sallyport_graph_cache_total{result}} (hit, miss, stale). Graph calls are rare (the
 * caches absorb the traffic), so a registry lookup per call is cheap enough.
 */
public final class GraphMetrics {

  private final MeterRegistry registry;

  public GraphMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void call(String operation, long startNanos, Throwable failure) {
    Timer.builder("sallyport.graph.latency").tag("operation", operation).register(registry)
        .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    Counter.builder("sallyport.graph.calls").tag("operation", operation)
        .tag("outcome", failure == null ? "success" : "error").register(registry).increment();
    if (failure != null) {
      Counter.builder("sallyport.graph.errors").tag("operation", operation)
          .tag("kind", GraphUnavailable.of(failure).kind()).register(registry).increment();
    }
  }

  void request(String operation, int status) {
    Counter.builder("sallyport.graph.requests").tag("operation", operation)
        .tag("status", status == 0 ? "none" : String.valueOf(status)).register(registry).increment();
  }

  /** The counter itself, for a path too hot to look it up per request (a lookup costs ~0.5 µs). */
  Counter cacheCounter(String operation, String result) {
    return Counter.builder("sallyport.graph.cache").tag("operation", operation).tag("result", result)
        .register(registry);
  }

  void cache(String operation, String result) {
    cacheCounter(operation, result).increment();
  }
}
