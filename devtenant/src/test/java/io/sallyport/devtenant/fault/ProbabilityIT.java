package io.sallyport.devtenant.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The injector on its own router, with a seeded Random, to make probability testable exactly. */
class ProbabilityIT {

  static RunningDevTenant t;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static List<Integer> statuses(long seed, int n) {
    FaultInjector faults = new FaultInjector(t.tenant().context(), new Random(seed));
    faults.add(new FaultSpec(PathPattern.parse("/v1.0/**"), null, 0, 503, null, false, null, 0.3));
    faults.add(new FaultSpec(PathPattern.parse("/echo"), "POST", 150, null, null, false, null, 1));
    Router router = Router.router(t.vertx());
    router.route().handler(faults);
    router.route().handler(BodyHandler.create());
    router.route("/echo").handler(rc -> rc.response().end(rc.body().buffer()));
    router.route().handler(rc -> rc.response().setStatusCode(200).end());
    HttpServer server = Await.result(t.vertx().createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    WebClient client = WebClient.create(t.vertx());
    try {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(Await.result(client.get(server.actualPort(), "127.0.0.1", "/v1.0/x").send()).statusCode());
      }
      // A body sent while the latency timer runs must still reach the handlers after it.
      var echo = Await.result(client.post(server.actualPort(), "127.0.0.1", "/echo")
          .sendJsonObject(new JsonObject().put("kept", true)));
      assertThat(echo.bodyAsJsonObject().getBoolean("kept")).isTrue();
      assertThat(faults.list().get(0).hits()).isEqualTo(out.stream().filter(s -> s == 503).count());
      return out;
    } finally {
      client.close();
      server.close();
    }
  }

  @Test
  void probabilityFollowsTheInjectedRandom() {
    List<Integer> first = statuses(42, 200);
    assertThat(statuses(42, 200)).as("same seed, same outcome").isEqualTo(first);
    long faulted = first.stream().filter(s -> s == 503).count();
    assertThat(faulted).isBetween(30L, 90L);
    Random same = new Random(42);
    for (int s : first) {
      assertThat(s).isEqualTo(same.nextDouble() < 0.3 ? 503 : 200);
    }
  }
}
