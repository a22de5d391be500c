package io.sallyport.gateway.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.config.RouteConfig;
import io.sallyport.gateway.config.TenantConfig;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.metrics.ProxyMetrics;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Exchange;
import io.sallyport.gateway.pipeline.authn.BearerPolicy;
import io.sallyport.gateway.pipeline.authn.TenantVerifiers;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.pipeline.route.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bearer route's access decision for a token already verified (issue 4's hot path), on a real
 * request object: BearerPolicy.decide with every identity check of bench/bearer.sh's route
 * (scopes, app roles, groups, mfa, auth context, max auth age), and the decision counter the
 * metrics listener bumps per request. The token is a real ~1.5 KB devtenant token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BearerDecisionBenchmark {

  DevTenantFixture dev;
  HttpServer server;
  HttpClient client;
  HttpServerRequest request;
  Route route;
  BearerPolicy policy;
  ProxyMetrics metrics;
  Exchange exchange;

  @Setup(Level.Trial)
  public void setup() {
    dev = new DevTenantFixture();
    String group = "0b5e6f2a-4c3d-4e1f-8a9b-7c6d5e4f3a21";
    String token = dev.userToken(new JsonObject().put("scp", "access_as_user")
        .put("roles", new JsonArray().add("Bench.Reader")).put("groups", new JsonArray().add(group))
        .put("amr", new JsonArray().add("pwd").add("mfa")).put("acrs", new JsonArray().add("c1"))
        .put("auth_time", System.currentTimeMillis() / 1000));
    TenantConfig tenant = new TenantConfig(DevTenantFixture.TENANT, URI.create(dev.tenant.baseUrl()),
        DevTenantFixture.SALLYPORT, null, null, dev.tenant.certificatePem(),
        List.of(DevTenantFixture.SALLYPORT, DevTenantFixture.APP_ID_URI));
    TenantVerifiers verifiers = new TenantVerifiers(dev.vertx, () -> tenant, Clock.systemUTC());
    policy = new BearerPolicy(verifiers, Clock.systemUTC());
    RequireConfig require = new RequireConfig(List.of("access_as_user"), List.of("Bench.Reader"), List.of(group),
        true, "c1", Duration.ofHours(12));
    RouteConfig.Timeouts t = new RouteConfig.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60),
        Duration.ofSeconds(60));
    route = RouteTable.compile(List.of(new RouteConfig("bearer", null, "/api/", URI.create("http://127.0.0.1:9"),
        "/", false, false, 1024, t, null, 64, require))).match("127.0.0.1", "/api/100b");

    // a real server-side request, kept open (never answered) so that its headers stay readable
    Promise<HttpServerRequest> captured = Promise.promise();
    server = ItSupport.await(dev.vertx.createHttpServer().requestHandler(captured::tryComplete).listen(0, "127.0.0.1"));
    client = dev.vertx.createHttpClient();
    client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/api/100b")
        .compose(r -> r.putHeader("Authorization", "Bearer " + token).send());
    request = ItSupport.await(captured.future());

    // the first use verifies the signature (keys fetched from devtenant); later ones hit the cache
    Decision first = ItSupport.await(policy.decide(route, request));
    if (!first.allowed() || !policy.decide(route, request).isComplete()) {
      throw new IllegalStateException("the benchmark token is not allowed from the cache: " + first);
    }
    metrics = new ProxyMetrics(new SimpleMeterRegistry());
    exchange = new Exchange("r1", System.nanoTime(), System.currentTimeMillis(), "GET", "/api/100b");
    exchange.route = route;
    exchange.decision = first;
    exchange.status = 200;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    dev.close();
  }

  /** The whole decision for a cached token: header, cache, checks, principal, decision. */
  @Benchmark
  public Decision decideCachedToken() {
    Future<Decision> f = policy.decide(route, request);
    return f.result();
  }

  /** What the metrics listener does per completed request (route meters and the decision counter). */
  @Benchmark
  public Exchange metricsCompleted() {
    metrics.completed(exchange);
    return exchange;
  }
}
