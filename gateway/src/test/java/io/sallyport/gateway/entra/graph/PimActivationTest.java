package io.sallyport.gateway.entra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Graph's selfActivate answers, as documented (entra-protocol.md §4.3), read into outcomes; and the request body. */
class PimActivationTest {

  static GraphClient.Reply error(String code, String message) {
    return new GraphClient.Reply(400, new JsonObject().put("error", new JsonObject().put("code", code)
        .put("message", message)));
  }

  @Test
  void answersBecomeOutcomes() {
    assertThat(PimActivation.outcome(new GraphClient.Reply(201, new JsonObject().put("id", "r1")
        .put("status", "Granted")))).isEqualTo(new PimActivation.Accepted("r1", "Granted"));
    assertThat(PimActivation.outcome(new GraphClient.Reply(201, new JsonObject().put("id", "r2")
        .put("status", "PendingApproval")))).isEqualTo(new PimActivation.Pending("r2"));
    assertThat(PimActivation.outcome(new GraphClient.Reply(201, new JsonObject().put("id", "r3")
        .put("status", "Denied")))).isInstanceOf(PimActivation.Refused.class);
    assertThat(PimActivation.outcome(error("RoleAssignmentRequestAcrsValidationFailed", "The role requires an auth"
        + " context. &claims=%7B%22access_token%22%3A%7B%22acrs%22%3A%7B%22essential%22%3Atrue%2C%20%22value%22"
        + "%3A%22c1%22%7D%7D%7D"))).isEqualTo(new PimActivation.NeedsAuthContext("c1"));
    PimActivation.Outcome rules = PimActivation.outcome(error("RoleAssignmentRequestPolicyValidationFailed",
        "The following policy rules failed: [\"MfaRule\",\"TicketingRule\"]"));
    assertThat(((PimActivation.RulesFailed) rules).rules()).containsExactly("MfaRule", "TicketingRule");
    assertThat(PimActivation.outcome(error("RoleAssignmentExists", "Role assignment already exists.")))
        .isEqualTo(new PimActivation.Refused(400, "RoleAssignmentExists", "Role assignment already exists."));
    assertThat(PimActivation.outcome(error("RoleAssignmentRequestAcrsValidationFailed", "no claims here")))
        .isInstanceOf(PimActivation.Refused.class);
  }

  /** The SDK's serialisation of the model, as it goes on the wire. */
  static JsonObject wire(com.microsoft.kiota.serialization.Parsable model) throws Exception {
    var w = new com.microsoft.kiota.serialization.JsonSerializationWriter();
    w.writeObjectValue(null, model);
    try (var in = w.getSerializedContent()) {
      return new JsonObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void theSdkWritesTheDocumentedBody() throws Exception {
    JsonObject role = wire(SdkWrites.roleRequest(new PimActivation.Request(false, "p", "r", "/", "why",
        Duration.ofHours(5), "CONTOSO:Normal-67890", "MS Project")));
    assertThat(role.getString("action")).isEqualTo("selfActivate");
    assertThat(role.getString("principalId")).isEqualTo("p");
    assertThat(role.getString("roleDefinitionId")).isEqualTo("r");
    assertThat(role.getString("directoryScopeId")).isEqualTo("/");
    assertThat(role.getString("justification")).isEqualTo("why");
    JsonObject expiration = role.getJsonObject("scheduleInfo").getJsonObject("expiration");
    assertThat(expiration.getString("type")).isEqualTo("afterDuration");
    assertThat(expiration.getString("duration")).isEqualTo("PT5H");
    assertThat(role.getJsonObject("ticketInfo").getString("ticketNumber")).isEqualTo("CONTOSO:Normal-67890");
    assertThat(role.getJsonObject("ticketInfo").getString("ticketSystem")).isEqualTo("MS Project");
    JsonObject group = wire(SdkWrites.groupRequest(new PimActivation.Request(true, "p", "g", "owner", null,
        Duration.ofHours(2), null, null)));
    assertThat(group.getString("action")).isEqualTo("selfActivate");
    assertThat(group.getString("groupId")).isEqualTo("g");
    assertThat(group.getString("accessId")).isEqualTo("owner");
    assertThat(group.containsKey("ticketInfo")).isFalse();
  }
}
