package io.sallyport.gateway.entra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Terms of use acceptances can only be fetched with the user's own token, so their refresh ahead
 * of the ttl is started by a request: while it runs, every caller keeps the cached answer, and
 * however many callers find the answer due or past its ttl, Graph sees one call per user.
 */
class TermsFactsTest {

  static final String AGREEMENT = "3a8f6c2e-1b4d-4e9a-8c7f-5d2e1a0b9c84";
  static final String OID = "1b5e0c2a-9d7f-4e3b-8a61-0c4d2e6f8a10";
  static Vertx vertx;

  final MovableClock clock = new MovableClock();
  final ScriptedGraph graph = new ScriptedGraph();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    ItSupport.await(vertx.close());
  }

  /** ttl 20 s, refreshed in its last 10 s. */
  TermsFacts facts(Duration staleIfError) {
    GraphOptions o = new GraphOptions(URI.create("https://graph.invalid"), URI.create("https://login.invalid"), "t",
        "c", "s", null, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(10),
        staleIfError, 0, GraphOptions.DEFAULT_PAGE_SIZE, 1000);
    return new TermsFacts(vertx, graph, ScriptedGraph.obo(), o, new GraphMetrics(new SimpleMeterRegistry()), clock);
  }

  TermsFacts.Acceptances first(TermsFacts f) {
    Future<TermsFacts.Acceptances> a = f.acceptances(OID, () -> "user-token", false, null);
    graph.accept(0, AGREEMENT, clock.instant().minusSeconds(3600));
    return ItSupport.await(a);
  }

  @Test
  void aDueAnswerKeepsServingWhileOneRefetchRunsAndTheNewAnswerOutlivesTheOldTtl() {
    TermsFacts f = facts(Duration.ZERO);
    TermsFacts.Acceptances a = first(f);
    clock.advance(Duration.ofSeconds(5));
    assertThat(f.due(a)).as("not yet in the refresh window").isFalse();
    clock.advance(Duration.ofSeconds(6));
    assertThat(f.due(a)).isTrue();
    for (int i = 0; i < 50; i++) { // every request of a busy user finds it due while Graph is slow
      f.refreshAhead(OID, () -> Future.succeededFuture("user-token"));
      assertThat(f.peek(OID)).as("answered from the cache at once").isSameAs(a);
    }
    assertThat(ItSupport.await(f.acceptances(OID, () -> "user-token", false, null))).isSameAs(a);
    assertThat(graph.calls).as("one refetch, however many requests found the answer due").hasSize(2);
    assertThat(graph.calls.get(1).token()).as("made on behalf of the user, with their token")
        .isEqualTo("graph-token-for:user-token");

    clock.advance(Duration.ofSeconds(5));
    graph.accept(1, AGREEMENT, clock.instant().minusSeconds(3600));
    TermsFacts.Acceptances b = f.peek(OID);
    assertThat(b).isNotSameAs(a);
    assertThat(b.fetchedAt()).isEqualTo(clock.instant());
    clock.advance(Duration.ofSeconds(10)); // 26 s after the first answer: past its ttl, stale-if-error 0
    assertThat(f.peek(OID)).as("the refreshed answer serves on").isSameAs(b);
    assertThat(graph.calls).hasSize(2);
  }

  @Test
  void aFailedRefetchLeavesTheCachedAnswerAndTheNextDueRequestTriesAgain() {
    TermsFacts f = facts(Duration.ZERO);
    TermsFacts.Acceptances a = first(f);
    clock.advance(Duration.ofSeconds(12));
    f.refreshAhead(OID, () -> Future.succeededFuture("user-token"));
    graph.calls.get(1).answer().fail(new GraphUnavailable(GraphUnavailable.STATUS, "503"));
    assertThat(f.peek(OID)).isSameAs(a);
    f.refreshAhead(OID, () -> Future.succeededFuture("user-token"));
    assertThat(graph.calls).hasSize(3);
  }

  @Test
  void callersPastTheTtlShareOneRefetch() {
    TermsFacts f = facts(Duration.ofMinutes(1));
    TermsFacts.Acceptances a = first(f);
    clock.advance(Duration.ofSeconds(25)); // past the ttl, within stale-if-error: each caller asks Graph first
    List<Future<TermsFacts.Acceptances>> waiting = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      waiting.add(f.acceptances(OID, () -> "user-token", false, null));
    }
    assertThat(graph.calls).as("one Graph call per user at a time").hasSize(2);
    graph.accept(1, AGREEMENT, clock.instant().minusSeconds(3600));
    for (Future<TermsFacts.Acceptances> w : waiting) {
      assertThat(ItSupport.await(w)).isNotSameAs(a).isSameAs(f.peek(OID));
    }
  }
}
