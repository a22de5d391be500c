package io.sallyport.gateway.bench;

import io.sallyport.gateway.config.RouteConfig;
import io.sallyport.gateway.pipeline.route.PathNormalizer;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.pipeline.route.RouteTable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** ROUTE stage cost per request: normalizing the path and matching it among 100 routes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteMatchBenchmark {

  RouteTable table;

  @Setup
  public void setup() {
    List<RouteConfig> routes = new ArrayList<>();
    RouteConfig.Timeouts t = new RouteConfig.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60),
        Duration.ofSeconds(60));
    for (int i = 0; i < 50; i++) {
      routes.add(new RouteConfig("h" + i, "app" + i + ".example.com", "/", URI.create("http://10.0.0." + i + ":80"),
          null, false, false, 1024, t, null, 64));
      routes.add(new RouteConfig("p" + i, null, "/svc" + i + "/api", URI.create("http://10.0.1." + i + ":80"),
          null, false, false, 1024, t, null, 64));
    }
    table = RouteTable.compile(routes);
  }

  @Benchmark
  public Route hostRoute() {
    return table.match("app42.example.com", PathNormalizer.normalize("/orders/123/items"));
  }

  @Benchmark
  public Route prefixRoute() {
    return table.match("gateway.example.com", PathNormalizer.normalize("/svc37/api/orders/123"));
  }

  @Benchmark
  public String normalizeEncodedPath() {
    return PathNormalizer.normalize("/svc%33/api//orders/%7euser/x");
  }
}
