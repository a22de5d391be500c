package io.sallyport.gateway.bench;

import io.sallyport.gateway.config.Cidr;
import io.sallyport.gateway.pipeline.forward.ForwardedHeaders;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
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

/** FORWARD header work per request: a browser-sized header set through hygiene and forwarding. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeaderHygieneBenchmark {

  MultiMap browser;
  ForwardedHeaders untrusted;
  ForwardedHeaders trusted;

  @Setup
  public void setup() {
    browser = HttpHeaders.headers()
        .add("Host", "app.example.com")
        .add("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126 Safari/537.36")
        .add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .add("Accept-Language", "en-GB,en;q=0.9")
        .add("Accept-Encoding", "gzip, deflate, br")
        .add("Connection", "keep-alive")
        .add("Cookie", "__Host-sallyport=0123456789abcdef0123456789abcdef; theme=dark")
        .add("Upgrade-Insecure-Requests", "1")
        .add("Sec-Fetch-Dest", "document")
        .add("Sec-Fetch-Mode", "navigate")
        .add("X-Forwarded-For", "203.0.113.9")
        .add("X-Sallyport-User", "forged");
    untrusted = new ForwardedHeaders(List.of(), "X-Sallyport-Assertion");
    trusted = new ForwardedHeaders(List.of(Cidr.parse("10.0.0.0/8")), "X-Sallyport-Assertion");
  }

  @Benchmark
  public MultiMap untrustedPeer() {
    return untrusted.build(browser, "198.51.100.4", true, "app.example.com", false, "0123456789abcdef").headers();
  }

  @Benchmark
  public MultiMap trustedPeer() {
    return trusted.build(browser, "10.1.2.3", true, "app.example.com", false, "0123456789abcdef").headers();
  }
}
