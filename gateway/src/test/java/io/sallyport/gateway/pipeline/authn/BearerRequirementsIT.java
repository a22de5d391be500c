package io.sallyport.gateway.pipeline.authn;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes' {@code require} blocks through the gateway with real devtenant tokens: scopes, app
 * roles, groups (and overage), MFA, the auth-context step-up challenge, max auth age.
 */
class BearerRequirementsIT {

  /** base64 of {"access_token":{"acrs":{"essential":true,"value":"c1"}}}, as Microsoft documents it. */
  static final String C1_CLAIMS = "eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiYzEifX19";

  @TempDir
  static Path dir;
  static BearerGateway gw;

  @BeforeAll
  static void start() throws Exception {
    gw = new BearerGateway(dir);
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  String token(JsonObject claims) {
    return gw.dev.userToken(claims);
  }

  /** Refused with this status and code, and the upstream never saw it. */
  BearerGateway.Answer refused(String path, String token, int status, String code) {
    int before = gw.upstreamHits();
    BearerGateway.Answer a = gw.get(path, token);
    assertThat(a.status()).as(path + " " + code).isEqualTo(status);
    assertThat(a.code()).isEqualTo(code);
    assertThat(gw.upstreamHits()).isEqualTo(before);
    return a;
  }

  void passes(String path, String token) {
    int before = gw.upstreamHits();
    assertThat(gw.get(path, token).status()).as(path).isEqualTo(200);
    assertThat(gw.upstreamHits()).isEqualTo(before + 1);
  }

  @Test
  void scopes() {
    passes("/scoped", token(new JsonObject()));
    BearerGateway.Answer a = refused("/scoped", token(new JsonObject().put("scp", "other")), 403, "authz.scope_missing");
    assertThat(a.wwwAuthenticate()).isNull();
  }

  @Test
  void appRoles() {
    refused("/admin", token(new JsonObject()), 403, "authz.role_missing");
    passes("/admin", token(new JsonObject().put("roles", List.of("Reader", "Billing.Admin"))));
  }

  @Test
  void groupsAndOverage() {
    passes("/ops", token(new JsonObject()));
    refused("/ops", token(new JsonObject().put("groups", List.of("11111111-2222-4333-8444-555555555555"))), 403,
        "authz.group_missing");
    // overage: no groups claim says nothing about membership
    refused("/ops", token(new JsonObject().putNull("groups")
        .put("_claim_names", new JsonObject().put("groups", "src1"))), 403, "groups.unavailable");
  }

  @Test
  void mfaWithoutAnAuthContextIsA403EvenForACp1Client() {
    refused("/mfa", token(new JsonObject().put("amr", List.of("pwd")).put("xms_cc", List.of("cp1"))), 403,
        "ca.mfa_missing");
    passes("/mfa", token(new JsonObject().put("amr", List.of("pwd", "mfa"))));
  }

  @Test
  void authContextStepUpIsTheDocumentedChallengeForCp1AndA403Otherwise() {
    String expected = "Bearer realm=\"\", authorization_uri=\"" + gw.authorizeUri()
        + "\", error=\"insufficient_claims\", claims=\"" + C1_CLAIMS + "\"";
    BearerGateway.Answer cp1 = refused("/step", token(new JsonObject().put("amr", List.of("pwd", "mfa"))
        .put("xms_cc", List.of("CP1"))), 401, "ca.auth_context_missing:c1");
    assertThat(cp1.wwwAuthenticate()).isEqualTo(expected);
    // on a route with an auth context, a missing MFA is stepped up through that context too
    BearerGateway.Answer noMfa = refused("/step", token(new JsonObject().put("amr", List.of("pwd"))
        .put("acrs", List.of("c1")).put("xms_cc", List.of("cp1"))), 401, "ca.mfa_missing");
    assertThat(noMfa.wwwAuthenticate()).isEqualTo(expected);
    BearerGateway.Answer plain = refused("/step", token(new JsonObject().put("amr", List.of("pwd", "mfa"))),
        403, "ca.auth_context_missing:c1");
    assertThat(plain.wwwAuthenticate()).isNull();
    passes("/step", token(new JsonObject().put("amr", List.of("pwd", "mfa")).put("acrs", List.of("c2", "c1"))
        .put("xms_cc", List.of("cp1"))));
  }

  @Test
  void maxAuthAge() {
    long now = Instant.now().getEpochSecond();
    refused("/fresh", token(new JsonObject().put("auth_time", now - 3600)), 403, "ca.auth_too_old");
    refused("/fresh", token(new JsonObject().putNull("auth_time")), 403, "ca.auth_too_old");
    passes("/fresh", token(new JsonObject().put("auth_time", now - 60)));
  }

  @Test
  void theDecisionsMetricAndTheAccessLogCarryTheReasonAndTheUser() throws Exception {
    BearerGateway.Answer a = refused("/admin", token(new JsonObject()), 403, "authz.role_missing");
    JsonObject line = gw.logged(a.requestId());
    assertThat(line.getString("decision")).isEqualTo("deny");
    assertThat(line.getString("reason")).isEqualTo("authz.role_missing");
    assertThat(line.getString("user")).isEqualTo("alice@verify.example");
    double denied = gw.gateway.registry().find("sallyport.decisions").tag("route", "admin")
        .tag("reason", "authz.role_missing").counter().count();
    assertThat(denied).isGreaterThanOrEqualTo(1.0);
  }
}
