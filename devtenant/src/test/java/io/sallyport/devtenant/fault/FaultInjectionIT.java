package io.sallyport.devtenant.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultInjectionIT {

  /** graph-docs concepts/throttling.md, the documented 429 body. */
  static final JsonObject GRAPH_429 = new JsonObject("""
      {"error":{"code":"TooManyRequests","innerError":{"code":"429","date":"2020-08-18T12:51:51",
      "message":"Please retry after","request-id":"94fb3b52-452a-4535-a601-69e0a90e3aa2","status":"429"},
      "message":"Please retry again later."}}""");

  static RunningDevTenant t;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @AfterEach
  void clear() {
    assertThat(send(HttpMethod.DELETE, "/_devtenant/faults", null).statusCode()).isEqualTo(200);
  }

  static HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) {
    var req = t.client().requestAbs(method, t.baseUrl() + path);
    return Await.result(body == null ? req.send() : req.sendJsonObject(body));
  }

  static String add(JsonObject fault) {
    HttpResponse<Buffer> r = send(HttpMethod.POST, "/_devtenant/faults", fault);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getString("id");
  }

  @Test
  void latencyDelaysTheRequestThenLetsItThrough() {
    add(new JsonObject().put("path", "/v1.0/**").put("latency-ms", 400));
    long start = System.nanoTime();
    HttpResponse<Buffer> r = send(HttpMethod.GET, "/v1.0/me", null);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.statusCode()).as("Graph's own authentication answers after the delay").isEqualTo(401);
    assertThat(ms).isBetween(400L, 3_000L);
  }

  @Test
  void graph429HasTheDocumentedBodyAndRetryAfter() {
    add(new JsonObject().put("path", "/v1.0/roleManagement/**").put("status", 429).put("retry-after", "2"));
    HttpResponse<Buffer> r = send(HttpMethod.GET, "/v1.0/roleManagement/directory/roleAssignmentScheduleInstances",
        null);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.getHeader("Retry-After")).isEqualTo("2");
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
    JsonObject body = r.bodyAsJsonObject();
    assertSameShape(body, GRAPH_429);
    assertThat(body.getJsonObject("error").getJsonObject("innerError").getString("request-id"))
        .isEqualTo(r.getHeader("request-id"));
  }

  @Test
  void identityPathsGetEntrasBodies() {
    add(new JsonObject().put("path", "/*/oauth2/v2.0/token").put("status", 429));
    HttpResponse<Buffer> r = send(HttpMethod.POST, "/" + t.tenantId() + "/oauth2/v2.0/token", null);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.getHeader("Retry-After")).as("429 defaults to Retry-After: 1").isEqualTo("1");
    JsonObject e = r.bodyAsJsonObject();
    assertThat(e.getString("error")).isEqualTo("temporarily_unavailable");
    assertThat(e.fieldNames()).containsExactly("error", "error_description", "error_codes", "timestamp", "trace_id",
        "correlation_id", "error_uri");
    assertThat(e.getString("error_description")).startsWith("AADSTS90055: ").contains("\r\nTrace ID: ");

    add(new JsonObject().put("path", "re:/discovery/").put("status", 503).put("retry-after", ""));
    HttpResponse<Buffer> d = send(HttpMethod.GET, "/" + t.tenantId() + "/discovery/v2.0/keys", null);
    assertThat(d.statusCode()).isEqualTo(503);
    assertThat(d.getHeader("Retry-After")).isNull();
    assertThat(d.bodyAsJsonObject().getString("error")).isEqualTo("temporarily_unavailable");
  }

  @Test
  void graph500HasGraphsErrorShape() {
    add(new JsonObject().put("path", "/v1.0/users").put("method", "get").put("status", 500));
    HttpResponse<Buffer> r = send(HttpMethod.GET, "/v1.0/users", null);
    assertThat(r.statusCode()).isEqualTo(500);
    JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.fieldNames()).containsExactly("code", "message", "innerError");
    assertThat(error.getString("code")).isEqualTo("generalException");
    assertThat(error.getJsonObject("innerError").fieldNames()).containsExactly("date", "request-id",
        "client-request-id");
    assertThat(send(HttpMethod.POST, "/v1.0/users", new JsonObject()).statusCode())
        .as("the method filter leaves POST alone").isEqualTo(401);
  }

  @Test
  void dropClosesTheConnectionWithoutAnswer() {
    add(new JsonObject().put("path", "/v1.0/**").put("drop", true).put("times", 1));
    assertThatThrownBy(() -> send(HttpMethod.GET, "/v1.0/me", null)).hasMessageContaining("closed");
    assertThat(send(HttpMethod.GET, "/v1.0/me", null).statusCode()).isEqualTo(401);
  }

  @Test
  void timesCountsDownAndHitsAreVisible() {
    String id = add(new JsonObject().put("path", "/v1.0/me").put("status", 503).put("times", 2));
    assertThat(send(HttpMethod.GET, "/v1.0/me", null).statusCode()).isEqualTo(503);
    assertThat(send(HttpMethod.GET, "/v1.0/me", null).statusCode()).isEqualTo(503);
    assertThat(send(HttpMethod.GET, "/v1.0/me", null).statusCode()).isEqualTo(401);
    JsonObject listed = send(HttpMethod.GET, "/_devtenant/faults", null).bodyAsJsonObject().getJsonArray("faults")
        .getJsonObject(0);
    assertThat(listed.getString("id")).isEqualTo(id);
    assertThat(listed.getLong("hits")).isEqualTo(2);
    assertThat(listed.getInteger("remaining")).isZero();
  }

  @Test
  void removedFaultsStopApplying() {
    String id = add(new JsonObject().put("path", "/v1.0/me").put("status", 500));
    assertThat(send(HttpMethod.GET, "/v1.0/me", null).statusCode()).isEqualTo(500);
    assertThat(send(HttpMethod.DELETE, "/_devtenant/faults/" + id, null).statusCode()).isEqualTo(200);
    assertThat(send(HttpMethod.GET, "/v1.0/me", null).statusCode()).isEqualTo(401);
    HttpResponse<Buffer> again = send(HttpMethod.DELETE, "/_devtenant/faults/" + id, null);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("fault_not_found");
  }

  @Test
  void controlApiIsNeverFaulted() {
    add(new JsonObject().put("path", "re:.*").put("status", 503));
    add(new JsonObject().put("path", "/**").put("drop", true));
    assertThat(send(HttpMethod.GET, "/_devtenant/tenant", null).statusCode()).isEqualTo(200);
    assertThat(send(HttpMethod.GET, "/_devtenant/faults", null).bodyAsJsonObject().getJsonArray("faults"))
        .allSatisfy(f -> assertThat(((JsonObject) f).getLong("hits")).isZero());
    assertThat(send(HttpMethod.GET, "/v1.0/me", null).statusCode()).isEqualTo(503);
  }

  @Test
  void badFaultsAreRefusedByName() {
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {new JsonObject().put("path", "/v1.0/**"), "a fault needs at least one of"});
    cases.add(new Object[] {new JsonObject().put("path", "/x").put("status", 200), "\"status\" must be an HTTP error"});
    cases.add(new Object[] {new JsonObject().put("path", "/x").put("status", 500).put("drop", true), "exclude"});
    cases.add(new Object[] {new JsonObject().put("path", "/x").put("status", 500).put("probability", 2),
        "\"probability\" must be between 0 and 1, got 2"});
    cases.add(new Object[] {new JsonObject().put("path", "/x").put("status", 500).put("times", 0), "\"times\""});
    cases.add(new Object[] {new JsonObject().put("path", "re:(").put("status", 500), "not a valid regex"});
    cases.add(new Object[] {new JsonObject().put("path", "/x").put("status", 429).put("retry-after", "soon"),
        "\"retry-after\""});
    cases.add(new Object[] {new JsonObject().put("path", "/x").put("latency", 5), "unknown field \"latency\""});
    for (Object[] c : cases) {
      HttpResponse<Buffer> r = send(HttpMethod.POST, "/_devtenant/faults", (JsonObject) c[0]);
      assertThat(r.statusCode()).as(c[0].toString()).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("message")).as(c[0].toString()).contains((String) c[1]);
    }
  }

  /** Same keys, same order, recursively; values may differ (dates, ids). */
  static void assertSameShape(JsonObject actual, JsonObject documented) {
    assertThat(List.copyOf(actual.fieldNames())).isEqualTo(List.copyOf(documented.fieldNames()));
    for (String k : documented.fieldNames()) {
      if (documented.getValue(k) instanceof JsonObject o) {
        assertSameShape(actual.getJsonObject(k), o);
      } else {
        assertThat(actual.getValue(k)).as(k).isInstanceOf(documented.getValue(k).getClass());
      }
    }
  }
}
