package io.sallyport.gateway.pipeline.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.config.RequireConfig;
import io.sallyport.gateway.config.RequireTerms;
import io.sallyport.gateway.config.RouteConfig;
import io.sallyport.gateway.entra.graph.GraphMetrics;
import io.sallyport.gateway.entra.graph.GraphOptions;
import io.sallyport.gateway.entra.graph.GroupMemberships;
import io.sallyport.gateway.entra.graph.PackageAssignments;
import io.sallyport.gateway.entra.graph.ScriptedGraph;
import io.sallyport.gateway.entra.graph.TenantGraph;
import io.sallyport.gateway.entra.graph.TermsFacts;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.pipeline.route.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code require.terms-of-use} (step-up) on the warm path: a request that finds the user's cached
 * acceptances due for their refresh is allowed at once, from the cache, and starts the one
 * background refetch with its own bearer token; requests after it join that refetch instead of
 * starting more. Before, nothing refreshed acceptances ahead: at the end of their ttl every request
 * of the user waited for Graph.
 */
class TermsRefreshAheadIT {

  static final String AGREEMENT = "3a8f6c2e-1b4d-4e9a-8c7f-5d2e1a0b9c84";
  static final String OID = "1b5e0c2a-9d7f-4e3b-8a61-0c4d2e6f8a10";
  static final String USER_TOKEN = "eyJ.user-token-for-sallyport.sig";

  final Vertx vertx = Vertx.vertx();
  final MovableClock clock = new MovableClock();
  final ScriptedGraph graph = new ScriptedGraph();

  @AfterEach
  void stop() {
    ItSupport.await(vertx.close());
  }

  @Test
  void aWarmRequestInTheRefreshWindowIsAllowedAtOnceAndStartsOneRefetchWithItsToken() {
    GraphOptions o = new GraphOptions(URI.create("https://graph.invalid"), URI.create("https://login.invalid"), "t",
        "c", "s", null, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(10),
        Duration.ZERO, 0, GraphOptions.DEFAULT_PAGE_SIZE, 1000);
    GraphMetrics metrics = new GraphMetrics(new SimpleMeterRegistry());
    TenantGraph.Current current = new TenantGraph.Current(o, graph,
        new GroupMemberships(vertx, graph, o, metrics, clock), new PackageAssignments(vertx, graph, o, metrics, clock),
        new TermsFacts(vertx, graph, ScriptedGraph.obo(), o, metrics, clock), null, null);
    Principal p = new Principal("t", OID, "Bench", "bench@example.com", "app", List.of(), null);
    Future<Decision> allowed = Future.succeededFuture(new Decision(Decision.Verdict.ALLOW,
        List.of(Reason.of("authz.allowed", "ok")), null, p));
    AccessPolicy identity = (r, req) -> allowed;
    TermsRequirement terms = new TermsRequirement(identity, () -> current, () -> null, null, clock);
    Route route = RouteTable.compile(List.of(new RouteConfig("governed", null, "/gov", URI.create("http://127.0.0.1:9"),
        null, false, false, 1024, new RouteConfig.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60),
        Duration.ofSeconds(60)), null, 64, new RequireConfig(List.of(), List.of(), List.of(), false, null, null, null,
        null, new RequireTerms(AGREEMENT, RequireTerms.Via.STEP_UP, "c2", null, null))))).match(null, "/gov/x");
    HttpServerRequest request = request();

    // cold: the first request waits for Graph, which answers "accepted"
    Future<Decision> cold = terms.decide(route, request);
    assertThat(graph.calls).hasSize(1);
    graph.accept(0, AGREEMENT, clock.instant().minusSeconds(3600));
    assertThat(ItSupport.await(cold).allowed()).isTrue();

    clock.advance(Duration.ofSeconds(11)); // within the ttl (20 s), in its last 10 s
    for (int i = 0; i < 20; i++) { // Graph has not answered the refetch yet: slow
      Future<Decision> d = terms.decide(route, request);
      assertThat(d.isComplete()).as("answered from the cache, without waiting for Graph").isTrue();
      assertThat(d.result().allowed()).isTrue();
    }
    assertThat(graph.calls).as("one background refetch").hasSize(2);
    assertThat(graph.calls.get(1).token()).as("on behalf of the user, with the request's own token")
        .isEqualTo("graph-token-for:" + USER_TOKEN);

    graph.accept(1, AGREEMENT, clock.instant().minusSeconds(3600));
    clock.advance(Duration.ofMillis(9_500)); // past the first answer's ttl; the refreshed one holds, not yet due
    Future<Decision> later = terms.decide(route, request);
    assertThat(later.isComplete() && later.result().allowed()).isTrue();
    assertThat(graph.calls).hasSize(2);
  }

  /** A real server-side request carrying the user's bearer token, kept open so its headers stay readable. */
  HttpServerRequest request() {
    Promise<HttpServerRequest> captured = Promise.promise();
    HttpServer server = ItSupport.await(vertx.createHttpServer().requestHandler(captured::tryComplete)
        .listen(0, "127.0.0.1"));
    HttpClient client = vertx.createHttpClient();
    client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/gov/x")
        .compose(r -> r.putHeader("Authorization", "Bearer " + USER_TOKEN).send());
    return ItSupport.await(captured.future());
  }
}
