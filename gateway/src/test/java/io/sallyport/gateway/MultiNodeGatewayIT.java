package io.sallyport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.Await;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.store.PostgresTestSchema;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes on one PostgreSQL: a revocation event published by one node reaches the
 * other within a second. Skipped (never passed) when PostgreSQL is not reachable.
 */
class MultiNodeGatewayIT {

  @Test
  void anEventPublishedOnOneNodeArrivesAtTheOtherWithinASecond() throws Exception {
    PostgresTestSchema schema = PostgresTestSchema.createOrSkip();
    String yaml = """
        listeners:
          public: { host: 127.0.0.1, port: 0 }
          management: { port: 0 }
        access-log: off
        %s
        routes:
          - name: app
            match: { path-prefix: / }
            upstream: http://127.0.0.1:9
            public: true
        """.formatted(schema.storeYaml());
    try (RunningGateway a = RunningGateway.fromYaml(yaml, null);
         RunningGateway b = RunningGateway.fromYaml(yaml, null)) {
      for (int i = 0; i < 5; i++) {
        Promise<Long> arrived = Promise.promise();
        String payload = "session-" + i;
        var sub = Await.of(b.gateway.store().events().subscribe("session.revoked", p -> {
          if (p.equals(payload)) {
            arrived.tryComplete(System.nanoTime());
          }
        }));
        long sent = System.nanoTime();
        Await.of(a.gateway.store().events().publish("session.revoked", payload));
        long latencyMs = (Await.of(arrived.future(), 5) - sent) / 1_000_000;
        assertThat(latencyMs).as("event %d latency", i).isLessThan(1000);
        Await.of(sub.close());
      }
    } finally {
      schema.drop();
    }
  }
}
