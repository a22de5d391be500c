package io.sallyport.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.ExchangeListener;
import io.sallyport.gateway.pipeline.forward.WebSocketTunnel;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data plane's meters. Meters are looked up once per route and kept, so a request costs a
 * few counter increments and two histogram records, not a registry lookup with tag sorting. The
 * decision counter too: kept per route, per verdict, by reason code (a constant string whose hash
 * is cached), so a request builds no key string and lower-cases no label.
 */
public final class ProxyMetrics implements ExchangeListener, WebSocketTunnel.Counter {

  private static final Duration[] SLO = {
      Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, RouteMeters> routes = new ConcurrentHashMap<>();
  private static final Decision.Verdict[] VERDICTS = Decision.Verdict.values();
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
    String route = ex.routeName();
    RouteMeters m = routes.get(route);
    if (m == null) {
      m = routes.computeIfAbsent(route, this::meters);
    }
    int cls = Math.max(0, Math.min(5, ex.status / 100));
    m.byClass[cls].increment();
    m.duration.record(System.nanoTime() - ex.startNanos, TimeUnit.NANOSECONDS);
    if (ex.upstreamNanos >= 0) {
      m.upstream.record(ex.upstreamNanos, TimeUnit.NANOSECONDS);
    }
    m.bytesIn.record(ex.bytesIn);
    m.bytesOut.record(ex.bytesOut);
    if (ex.decision != null) {
      Decision.Verdict verdict = ex.decision.verdict();
      String reason = ex.decision.primaryCode();
      ConcurrentHashMap<String, Counter> byReason = m.decisions[verdict.ordinal()];
      Counter c = byReason.get(reason);
      if (c == null) {
        c = byReason.computeIfAbsent(reason, k -> Counter.builder("sallyport.decisions").tag("route", route)
            .tag("decision", verdict.label()).tag("reason", k).register(registry));
      }
      c.increment();
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
    @SuppressWarnings("unchecked")
    ConcurrentHashMap<String, Counter>[] decisions = new ConcurrentHashMap[VERDICTS.length];
    for (int i = 0; i < decisions.length; i++) {
      decisions[i] = new ConcurrentHashMap<>();
    }
    return new RouteMeters(byClass, duration, upstream, in, out, decisions);
  }

  /** @param decisions  the decision counters by verdict (ordinal), then by reason code */
  private record RouteMeters(Counter[] byClass, Timer duration, Timer upstream,
                             DistributionSummary bytesIn, DistributionSummary bytesOut,
                             ConcurrentHashMap<String, Counter>[] decisions) {}
}
