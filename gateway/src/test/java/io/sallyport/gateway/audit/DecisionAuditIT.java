package io.sallyport.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.harness.TenantGateway;
import io.sallyport.gateway.store.AuditEvent;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions through a running gateway with devtenant tokens become the right audit rows in the store. */
class DecisionAuditIT {

  @TempDir
  static Path dir;
  static TenantGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = new TenantGateway(dir, "{ decisions: { allowed: first-per-window, window: 5m, denied-window: 1s,"
        + " flush-interval: 100ms } }");
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  static List<AuditEvent> on(List<AuditEvent> events, String route) {
    return events.stream().filter(e -> route.equals(e.route())).toList();
  }

  @Test
  void anAllowedCallerIsRecordedOncePerWindowWithWhoAndWhat() throws Exception {
    String token = gw.token(new JsonObject().put("amr", List.of("pwd", "mfa")));
    for (int i = 0; i < 20; i++) {
      assertThat(gw.get("/mfa/orders?access=granted&secret=x" + i, token)).isEqualTo(200);
    }
    List<AuditEvent> allowed = gw.auditUntil(AccessEvents.ALLOWED, e -> !on(e, "mfa").isEmpty());
    assertThat(on(allowed, "mfa")).hasSize(1);
    AuditEvent e = on(allowed, "mfa").get(0);
    JsonObject d = e.details();
    assertThat(d.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("authz.allowed");
    assertThat(d.getString("path")).isEqualTo("/mfa/orders");
    assertThat(d.encode()).doesNotContain("secret").doesNotContain(token);
    assertThat(d.getString("method")).isEqualTo("GET");
    assertThat(d.getInteger("status")).isEqualTo(200);
    assertThat(d.getString("clientIp")).isEqualTo("127.0.0.1");
    assertThat(d.getJsonObject("principal").getString("upn")).startsWith("alice@");
    assertThat(d.getJsonObject("principal").getString("tid")).isNotBlank();
    assertThat(e.actor()).isEqualTo(d.getJsonObject("principal").getString("oid"));
    assertThat(e.requestId()).isNotBlank();
  }

  @Test
  void aDeniedCallerIsRecordedWithTheReasonCode() throws Exception {
    String noMfa = gw.token(new JsonObject());
    assertThat(gw.get("/mfa/x", noMfa)).isEqualTo(403);
    assertThat(gw.get("/mfa/y", noMfa)).isEqualTo(403);
    List<AuditEvent> denied = gw.auditUntil(AccessEvents.DENIED, e -> !on(e, "mfa").isEmpty());
    assertThat(on(denied, "mfa")).hasSize(1);
    JsonObject d = on(denied, "mfa").get(0).details();
    assertThat(d.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("ca.mfa_missing");
    assertThat(d.getInteger("status")).isEqualTo(403);
    assertThat(d.getLong("count")).isEqualTo(2);
    assertThat(d.getString("path")).isEqualTo("/mfa/x");
    assertThat(d.getJsonObject("principal").getString("upn")).startsWith("alice@");
  }

  @Test
  void aThousandGarbageTokensBecomeAHandfulOfCoalescedRows() throws Exception {
    List<Future<Integer>> sent = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      sent.add(gw.http.request(HttpMethod.GET, gw.gateway.publicPort(), "127.0.0.1", "/api/flood")
          .putHeader("Authorization", "Bearer garbage." + i).putHeader("user-agent", "flood/1.0")
          .send().map(r -> r.statusCode()));
      if (sent.size() % 50 == 0) {
        ItSupport.await(Future.all(sent.subList(sent.size() - 50, sent.size())));
      }
    }
    ItSupport.await(Future.all(sent));
    assertThat(sent).allMatch(f -> f.result() == 401);
    List<AuditEvent> rows = gw.auditUntil(AccessEvents.DENIED,
        e -> on(e, "api").stream().mapToLong(x -> x.details().getLong("count")).sum() >= 1000);
    List<AuditEvent> flood = on(rows, "api");
    assertThat(flood.stream().mapToLong(x -> x.details().getLong("count")).sum()).isEqualTo(1000);
    assertThat(flood.size()).as("rows for 1000 refusals").isBetween(1, 20);
    assertThat(flood).allMatch(x -> x.details().getJsonArray("reasons").getJsonObject(0).getString("code")
        .equals("authn.token_malformed") && "flood/1.0".equals(x.details().getString("userAgent"))
        && x.actor() == null);
    assertThat(gw.gateway.decisions().dropped()).isZero();
    String metrics = ItSupport.await(gw.http.request(HttpMethod.GET, gw.gateway.managementPort(), "127.0.0.1",
        "/metrics").send()).bodyAsString();
    assertThat(metrics).contains("sallyport_audit_dropped_total{cause=\"queue_full\"} 0.0");
  }

  @Test
  void publicRoutesAreNotSampledAndChallengesAreTheirOwnEvent() throws Exception {
    assertThat(gw.get("/open/x", null)).isEqualTo(200);
    // a cp1 client without the auth context gets the step-up challenge
    String cp1 = gw.token(new JsonObject().put("xms_cc", List.of("cp1")).put("auth_time",
        System.currentTimeMillis() / 1000));
    assertThat(gw.get("/step/x", cp1)).isEqualTo(401);
    List<AuditEvent> challenged = gw.auditUntil(AccessEvents.CHALLENGED, e -> !on(e, "step").isEmpty());
    assertThat(on(challenged, "step")).hasSize(1);
    assertThat(on(challenged, "step").get(0).details().getJsonArray("reasons").getJsonObject(0).getString("code"))
        .isEqualTo("ca.auth_context_missing:c1");
    assertThat(on(gw.audit(AccessEvents.ALLOWED), "open")).isEmpty();
  }
}
