package io.sallyport.devtenant.control;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.sallyport.devtenant.state.TenantState;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StateControlIT {

  static final String TERMS = "3a8f6c2e-1b4d-4e9a-8c7f-5d2e1a0b9c84";
  static final String PACKAGE = "4f0e2d1c-7b6a-4958-a3b2-c1d0e9f8a7b6";

  static RunningDevTenant t;
  static Control c;
  static TenantState state;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
    c = new Control(t);
    state = t.tenant().context().state();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void acceptancesAreRecordedBackdatedAndRemoved() {
    String bob = t.user("bob").id();
    JsonObject a = c.ok(POST, "/_devtenant/acceptances", new JsonObject().put("user", "bob")
        .put("agreement", "Privileged access terms"));
    assertThat(a.getString("id")).isEqualTo(TERMS + "_" + bob);
    assertThat(a.getString("state")).isEqualTo("accepted");
    assertThat(state.acceptances.find(TERMS + "_" + bob).orElseThrow().validAt(t.now())).isTrue();

    JsonObject old = c.ok(POST, "/_devtenant/acceptances", new JsonObject().put("user", "bob").put("agreement", TERMS)
        .put("recorded", t.now().minus(java.time.Duration.ofDays(100)).toString()));
    assertThat(state.acceptances.find(old.getString("id")).orElseThrow().validAt(t.now()))
        .as("reaccept every 90 days: a 100-day-old acceptance has expired").isFalse();

    c.ok(DELETE, "/_devtenant/acceptances", new JsonObject().put("user", "bob").put("agreement", TERMS));
    assertThat(state.acceptances.find(TERMS + "_" + bob)).isEmpty();
    assertThat(c.error(DELETE, "/_devtenant/acceptances", new JsonObject().put("user", "bob").put("agreement", TERMS),
        404, "acceptance_not_found")).contains("bob@");
    assertThat(c.error(POST, "/_devtenant/acceptances", new JsonObject().put("user", "bob").put("agreement", "x"),
        404, "agreement_not_found")).contains("\"x\"");
    assertThat(c.error(POST, "/_devtenant/acceptances", new JsonObject().put("user", "bob").put("agreement", TERMS)
        .put("recorded", "yesterday"), 400, "invalid_value")).contains("\"recorded\"", "\"yesterday\"");
  }

  @Test
  void accessPackageAssignmentsAreDeliveredAndEnded() {
    String bob = t.user("bob").id();
    JsonObject a = c.ok(POST, "/_devtenant/access-packages/assignments", new JsonObject().put("user", "bob")
        .put("package", "Billing console access").put("end", t.now().plusSeconds(3600).toString()));
    assertThat(a.getString("state")).isEqualTo("delivered");
    assertThat(a.getString("targetId")).isEqualTo(bob);
    assertThat(c.error(POST, "/_devtenant/access-packages/assignments", new JsonObject().put("user", "bob")
        .put("package", PACKAGE), 409, "already_assigned")).contains("Billing console access");
    JsonObject removed = c.ok(DELETE, "/_devtenant/access-packages/assignments", new JsonObject().put("user", "bob")
        .put("package", PACKAGE)).getJsonObject("removed");
    assertThat(removed.getString("state")).isEqualTo("expired");
    assertThat(c.error(DELETE, "/_devtenant/access-packages/assignments", new JsonObject().put("user", "bob")
        .put("package", PACKAGE), 404, "assignment_not_found")).contains("bob@");
    assertThat(c.error(POST, "/_devtenant/access-packages/assignments", new JsonObject().put("user", "bob")
        .put("package", PACKAGE).put("end", t.now().minusSeconds(5).toString()), 400, "invalid_value"))
        .contains("\"end\"");
  }

  @Test
  void revokingAUserChallengesItsCaeTokenAtGraph() {
    String token = c.ok(POST, "/_devtenant/tokens", new JsonObject().put("user", "carol")
        .put("audience", "https://graph.microsoft.com").put("claims", new JsonObject()
            .put("xms_cc", new JsonArray().add("cp1")))).getString("access_token");
    assertThat(graph(token).statusCode()).as("before revocation the token passes Graph's authentication")
        .isNotEqualTo(401);
    JsonObject r = c.ok(POST, "/_devtenant/users/carol@sallyport-demo.onmicrosoft.com/revoke", null);
    assertThat(r.getString("revokedAt")).isNotNull();
    assertThat(r.getBoolean("enabled")).isTrue();
    HttpResponse<Buffer> after = graph(token);
    assertThat(after.statusCode()).isEqualTo(401);
    String challenge = after.getHeader("WWW-Authenticate");
    assertThat(challenge).contains("error=\"insufficient_claims\"", "claims=\"");
    String claims = challenge.substring(challenge.indexOf("claims=\"") + 8, challenge.lastIndexOf('"'));
    assertThat(new String(Base64.getDecoder().decode(claims), StandardCharsets.UTF_8)).contains("\"nbf\"");
  }

  @Test
  void disableAlsoRevokesAndEnableRestores() {
    JsonObject off = c.ok(POST, "/_devtenant/users/bob/disable", null);
    assertThat(off.getBoolean("enabled")).isFalse();
    assertThat(off.getString("revokedAt")).isNotNull();
    assertThat(state.userByIdOrUpn(off.getString("oid")).orElseThrow().accountEnabled()).isFalse();
    JsonObject on = c.ok(POST, "/_devtenant/users/" + off.getString("oid") + "/enable", null);
    assertThat(on.getBoolean("enabled")).isTrue();
    assertThat(c.error(POST, "/_devtenant/users/nobody/disable", null, 404, "user_not_found"))
        .contains("\"nobody\"");
    assertThat(c.error(POST, "/_devtenant/users/bob/disable", new JsonObject().put("reason", "x"), 400,
        "unknown_field")).contains("\"reason\"");
  }

  @Test
  void keyRotationKeepsTheOldKeyUntilRetired() {
    String before = state.info() == null ? null : t.tenant().context().keys().active().kid();
    JsonObject rotated = c.ok(POST, "/_devtenant/keys/rotate", new JsonObject().put("overlap-seconds", 600));
    assertThat(rotated.getString("kid")).isNotEqualTo(before);
    assertThat(rotated.getJsonArray("retiring")).contains(before);
    assertThat(c.ok(GET, "/_devtenant/keys", null).getJsonArray("retiring")).contains(before);
    JsonObject retired = c.ok(POST, "/_devtenant/keys/retire", null);
    assertThat(retired.getJsonArray("retiring")).isEmpty();
    assertThat(retired.getString("kid")).isEqualTo(rotated.getString("kid"));
    assertThat(t.tenant().context().keys().find(before)).isEmpty();
    assertThat(c.error(POST, "/_devtenant/keys/rotate", new JsonObject().put("overlap-seconds", -1), 400,
        "invalid_value")).contains("overlap-seconds");
  }

  @Test
  void onlyLoopbackPeersMayCall() {
    assertThat(LoopbackGuard.isLoopback("127.0.0.1")).isTrue();
    assertThat(LoopbackGuard.isLoopback("127.8.9.10")).isTrue();
    assertThat(LoopbackGuard.isLoopback("::1")).isTrue();
    assertThat(LoopbackGuard.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(LoopbackGuard.isLoopback("10.0.0.1")).isFalse();
    assertThat(LoopbackGuard.isLoopback("::2")).isFalse();
    assertThat(LoopbackGuard.isLoopback("localhost")).as("names are never resolved").isFalse();
    assertThat(LoopbackGuard.isLoopback(null)).isFalse();
  }

  private static HttpResponse<Buffer> graph(String token) {
    return Await.result(t.client().getAbs(t.baseUrl() + "/v1.0/roleManagement/directory/roleAssignmentScheduleInstances"
        + "/filterByCurrentUser(on='principal')").putHeader("Authorization", "Bearer " + token).send());
  }
}
