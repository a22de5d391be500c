package io.sallyport.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.pipeline.forward.WebSocketTunnel;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data plane's meters. Meters are looked up once per route and kept, so a request costs a
 * few counter increments and two histogram records, not a registry lookup with tag sorting.
 */
public final class ProxyMetrics implements ExchangeListener, WebSocketTunnel.Counter {

  private static final Duration[] SLO = {
      Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, RouteMeters> routes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counter> decisions = new ConcurrentHashMap<>();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong webSockets = new AtomicLong();

  public ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge("sallyport.connections.open", connections);
    registry.gauge("sallyport.websockets.open", webSockets);
  }

  public void connectionOpened() {
    connections.incrementAndGet();
  }

  public void connectionClosed() {
    connections.decrementAndGet();
  }

  @Override
  public void opened() {
    webSockets.incrementAndGet();
  }

  @Override
  public void closed() {
    webSockets.decrementAndGet();
  }

  @Override
  public void completed(Exchange ex) {
    RouteMeters m = routes.computeIfAbsent(ex.routeName(), this::meters);
    int cls = Math.max(0, Math.min(5, ex.status / 100));
    m.byClass[cls].increment();
    m.duration.record(System.nanoTime() - ex.startNanos, TimeUnit.NANOSECONDS);
    if (ex.upstreamNanos >= 0) {
      m.upstream.record(ex.upstreamNanos, TimeUnit.NANOSECONDS);
    }
    m.bytesIn.record(ex.bytesIn);
    m.bytesOut.record(ex.bytesOut);
    if (ex.decision != null) {
      String verdict = ex.decision.verdict().label();
      String reason = ex.decision.primaryCode();
      decisions.computeIfAbsent(ex.routeName() + '\0' + verdict + '\0' + reason,
          k -> Counter.builder("sallyport.decisions").tag("route", ex.routeName())
              .tag("decision", verdict).tag("reason", reason).register(registry)).increment();
    }
  }

  private RouteMeters meters(String route) {
    Counter[] byClass = new Counter[6];
    String[] names = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};
    for (int i = 0; i < 6; i++) {
      byClass[i] = Counter.builder("sallyport.requests").tag("route", route).tag("status", names[i])
          .description("Requests answered, by route and status class").register(registry);
    }
    Timer duration = Timer.builder("sallyport.request.duration").tag("route", route)
        .description("From the first byte of the request to the end of the response")
        .serviceLevelObjectives(SLO).register(registry);
    Timer upstream = Timer.builder("sallyport.upstream.duration").tag("route", route)
        .description("From the end of the request to the upstream's response headers")
        .serviceLevelObjectives(SLO).register(registry);
    DistributionSummary in = DistributionSummary.builder("sallyport.request.bytes").tag("route", route)
        .baseUnit("bytes").register(registry);
    DistributionSummary out = DistributionSummary.builder("sallyport.response.bytes").tag("route", route)
        .baseUnit("bytes").register(registry);
    return new RouteMeters(byClass, duration, upstream, in, out);
  }

  private record RouteMeters(Counter[] byClass, Timer duration, Timer upstream,
                             DistributionSummary bytesIn, DistributionSummary bytesOut) {}
}
