package io.sallyport.gateway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.Await;
import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.store.PostgresTestSchema;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes on one PostgreSQL: a user switched off through node A's SCIM endpoint is
 * announced on node B within a second, and B finds the user's sessions already revoked. Skipped
 * (never passed) when PostgreSQL is not reachable.
 */
class MultiNodeScimIT {
  static final String TOKEN = "multi-node-token-0123456789abcdefghijklmn";

  @Test
  void deprovisioningOnOneNodeReachesTheOtherWithinASecond() throws Exception {
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
        scim: { enabled: true, tokens: [ "%s" ] }
        """.formatted(schema.storeYaml(), TOKEN);
    Vertx vertx = Vertx.vertx();
    WebClient client = WebClient.create(vertx);
    try (RunningGateway a = RunningGateway.fromYaml(yaml, null);
         RunningGateway b = RunningGateway.fromYaml(yaml, null)) {
      for (int i = 0; i < 3; i++) {
        String upn = "node-" + i + "-" + UUID.randomUUID() + "@example.com";
        HttpResponse<Buffer> created = Await.of(client.post(a.port(), "127.0.0.1", "/scim/v2/Users")
            .bearerTokenAuthentication(TOKEN).putHeader("content-type", "application/scim+json")
            .sendJsonObject(new JsonObject().put("schemas", new io.vertx.core.json.JsonArray()
                .add("urn:ietf:params:scim:schemas:core:2.0:User")).put("userName", upn).put("active", true)));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        String id = created.bodyAsJsonObject().getString("id");
        java.time.Instant now = Await.of(a.gateway.store().databaseTime());
        var session = Await.of(a.gateway.store().sessions().create(io.sallyport.gateway.store.StoredSession.fresh(
            UUID.randomUUID().toString(), upn, "t", new JsonObject(), now, now.plusSeconds(600), now.plusSeconds(3600))));
        Promise<Long> arrived = Promise.promise();
        var sub = Await.of(b.gateway.store().events().subscribe(Deprovisioning.TOPIC, p -> {
          if (new JsonObject(p).getString("id").equals(id)) {
            arrived.tryComplete(System.nanoTime());
          }
        }));
        long sent = System.nanoTime();
        HttpResponse<Buffer> off = Await.of(client.patch(a.port(), "127.0.0.1", "/scim/v2/Users/" + id)
            .bearerTokenAuthentication(TOKEN).putHeader("content-type", "application/scim+json")
            .sendJsonObject(new JsonObject("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")));
        assertThat(off.statusCode()).as(off.bodyAsString()).isIn(200, 204);
        long latencyMs = (Await.of(arrived.future(), 5) - sent) / 1_000_000;
        assertThat(latencyMs).as("deprovisioning %d reached node B after", i).isLessThan(1000);
        assertThat(Await.of(b.gateway.store().sessions().find(session.id()))).isEmpty();
        Await.of(sub.close());
      }
    } finally {
      Await.of(vertx.close());
      schema.drop();
    }
  }
}
