package io.sallyport.gateway.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.harness.RunningGateway;
import io.sallyport.gateway.store.PostgresTestSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway nodes on one PostgreSQL, started at the same moment: they sign with the same first
 * key; a rotation on node A reaches node B's JWKS and B's signing within two seconds. Skipped
 * (never passed) when PostgreSQL is not reachable.
 */
class MultiNodeAssertionIT {
  @TempDir
  Path dir;

  static List<String> kids(JsonObject jwks) {
    return jwks.getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("kid")).toList();
  }

  @Test
  void aRotationOnOneNodeReachesTheOtherWithinTwoSeconds() throws Exception {
    PostgresTestSchema schema = PostgresTestSchema.createOrSkip();
    RunningGateway a = null;
    RunningGateway b = null;
    try (AssertionGateway env = new AssertionGateway(dir, schema.storeYaml())) {
      // both start on an empty key table at once: one generated key must win on both
      CompletableFuture<RunningGateway> fa = CompletableFuture.supplyAsync(env::start);
      CompletableFuture<RunningGateway> fb = CompletableFuture.supplyAsync(env::start);
      a = fa.get(60, TimeUnit.SECONDS);
      b = fb.get(60, TimeUnit.SECONDS);
      String token = env.token();
      String kidA = UpstreamView.kid(env.get(a.port(), "/api/a", token, Map.of()).statusCode() == 200
          ? env.upstream.last().header("x-sallyport-assertion") : null);
      String kidB = UpstreamView.kid(env.get(b.port(), "/api/b", token, Map.of()).statusCode() == 200
          ? env.upstream.last().header("x-sallyport-assertion") : null);
      assertThat(kidB).as("both nodes sign with the same first key").isEqualTo(kidA);
      assertThat(env.jwks(b.port())).isEqualTo(env.jwks(a.port()));

      long sent = System.nanoTime();
      HttpResponse<Buffer> rotated = env.call(HttpMethod.POST, a.managementPort(), "/assertion/keys/rotate");
      assertThat(rotated.statusCode()).as(rotated.bodyAsString()).isEqualTo(200);
      String next = rotated.bodyAsJsonObject().getJsonObject("rotated").getString("to");
      long seenMs = -1;
      while ((System.nanoTime() - sent) / 1_000_000 < 5000) {
        if (kids(env.jwks(b.port())).contains(next)) {
          seenMs = (System.nanoTime() - sent) / 1_000_000;
          break;
        }
        Thread.sleep(20);
      }
      assertThat(seenMs).as("node B's JWKS has the new key").isBetween(0L, 2000L);
      assertThat(kids(env.jwks(b.port()))).contains(kidA, next);
      assertThat(env.get(b.port(), "/api/b2", token, Map.of()).statusCode()).isEqualTo(200);
      String jwt = env.upstream.last().header("x-sallyport-assertion");
      assertThat(UpstreamView.kid(jwt)).as("node B signs with the new key").isEqualTo(next);
      UpstreamView.verify(jwt, env.jwks(a.port()));
    } finally {
      if (a != null) {
        a.close();
      }
      if (b != null) {
        b.close();
      }
      schema.drop();
    }
  }
}
