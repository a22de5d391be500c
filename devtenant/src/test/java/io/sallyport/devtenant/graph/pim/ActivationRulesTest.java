package io.sallyport.devtenant.graph.pim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.graph.GraphCaller;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.ActivationPolicy;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivationRulesTest {

  static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

  static GraphCaller caller(List<String> amr, List<String> acrs) {
    return new GraphCaller((Jwt) null, "app", "user", Set.of(), Set.of(), amr, acrs);
  }

  static JsonObject request(String duration, String justification, String ticket) {
    JsonObject b = new JsonObject().put("scheduleInfo", new JsonObject().put("expiration",
        new JsonObject().put("type", "afterDuration").put("duration", duration)));
    if (justification != null) {
      b.put("justification", justification);
    }
    if (ticket != null) {
      b.put("ticketInfo", new JsonObject().put("ticketNumber", ticket));
    }
    return b;
  }

  static void enforce(ActivationPolicy p, GraphCaller c, JsonObject body) {
    ActivationRules.enforce(p, c, body, ScheduleInfo.parse(body, NOW), NOW);
  }

  @Test
  void everyFailedRuleIsNamedInOrder() {
    var policy = new ActivationPolicy(Duration.ofHours(4), true, true, true, false, null);
    assertThatThrownBy(() -> enforce(policy, caller(List.of("pwd"), List.of()), request("PT5H", " ", null)))
        .isInstanceOf(GraphError.class).hasMessage(
            "The following policy rules failed: [\"MfaRule\",\"JustificationRule\",\"TicketingRule\",\"ExpirationRule\"]")
        .satisfies(e -> assertThat(((GraphError) e).code()).isEqualTo("RoleAssignmentRequestPolicyValidationFailed"));
    assertThatCode(() -> enforce(policy, caller(List.of("pwd", "mfa"), List.of()), request("PT4H", "why", "T-1")))
        .doesNotThrowAnyException();
  }

  @Test
  void anAuthContextReplacesTheMfaRuleAndCarriesTheClaimsRequest() {
    var policy = new ActivationPolicy(Duration.ofHours(8), true, false, false, false, "c7");
    assertThatThrownBy(() -> enforce(policy, caller(List.of("pwd", "mfa"), List.of("c1")), request("PT1H", null, null)))
        .isInstanceOf(GraphError.class).satisfies(e -> {
          assertThat(((GraphError) e).code()).isEqualTo("RoleAssignmentRequestAcrsValidationFailed");
          assertThat(e.getMessage()).endsWith("&claims=%7B%22access_token%22%3A%7B%22acrs%22%3A%7B%22essential"
              + "%22%3Atrue%2C%20%22value%22%3A%22c7%22%7D%7D%7D");
        });
    assertThatCode(() -> enforce(policy, caller(List.of("pwd"), List.of("c7")), request("PT1H", null, null)))
        .doesNotThrowAnyException();
  }

  @Test
  void noExpirationNeverPassesTheExpirationRule() {
    var policy = new ActivationPolicy(Duration.ofHours(8), false, false, false, false, null);
    JsonObject body = new JsonObject().put("scheduleInfo", new JsonObject().put("expiration",
        new JsonObject().put("type", "noExpiration")));
    assertThatThrownBy(() -> enforce(policy, caller(List.of("pwd"), List.of()), body))
        .hasMessage("The following policy rules failed: [\"ExpirationRule\"]");
  }
}
