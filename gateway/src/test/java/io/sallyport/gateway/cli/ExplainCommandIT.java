package io.sallyport.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.Main;
import io.sallyport.gateway.harness.TenantGateway;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sallyport explain} against a running gateway: the table, --json, and the exit codes. */
class ExplainCommandIT {

  @TempDir
  static Path dir;
  static TenantGateway gw;

  record Ran(int code, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    gw = new TenantGateway(dir, "{}");
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  static Ran run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anAllowedTokenFromAFileExitsZeroWithATable() throws Exception {
    String token = gw.token(new JsonObject().put("amr", List.of("pwd", "mfa")));
    Path file = dir.resolve("token");
    Files.writeString(file, token + "\n");
    Ran r = run("explain", "--management", gw.management(), "--route", "ops", "--token-file", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("route:     ops").contains("from token")
        .containsPattern("groups\\s+pass").containsPattern("mfa\\s+pass")
        .contains("decision:  ALLOW  authz.allowed  (HTTP 200)").doesNotContain(token);
  }

  @Test
  void aDeniedTokenExitsTwoAndSaysWhatToDo() {
    String token = gw.token(new JsonObject());
    Ran r = run("explain", "--management", gw.management() + "/", "--path", "/reports", "--host", "ops.example",
        "--token", token);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).containsPattern("mfa\\s+fail\\s+ca.mfa_missing")
        .contains("decision:  DENY  ca.mfa_missing  (HTTP 403)")
        .contains("- ca.mfa_missing: sign in again with MFA; the gateway will ask for it");
  }

  @Test
  void claimsWithJsonOutput() {
    Ran r = run("explain", "--management", gw.management(), "--route", "mfa", "--claims",
        "{\"upn\":\"eve@verify.example\",\"amr\":[\"pwd\",\"mfa\"]}", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonObject a = new JsonObject(r.out());
    assertThat(a.getJsonObject("identity").getString("source")).isEqualTo("claims");
    assertThat(a.getJsonObject("decision").getString("verdict")).isEqualTo("allow");
    Ran denied = run("explain", "--management", gw.management(), "--route", "mfa", "--claims", "{\"amr\":[\"pwd\"]}");
    assertThat(denied.code()).isEqualTo(2);
    assertThat(denied.out()).contains("(NOT verified)");
  }

  @Test
  void errorsExitOneWithAPreciseMessage() {
    Ran unknownUser = run("explain", "--management", gw.management(), "--route", "mfa", "--user", "zed@verify.example");
    assertThat(unknownUser.code()).isEqualTo(1);
    assertThat(unknownUser.err()).contains("404 explain.user_not_found").contains("no active session");
    Ran unknownRoute = run("explain", "--management", gw.management(), "--route", "nope", "--user", "a@b");
    assertThat(unknownRoute.code()).isEqualTo(1);
    assertThat(unknownRoute.err()).contains("no route named \"nope\"");
    Ran both = run("explain", "--route", "mfa", "--user", "a@b", "--claims", "{}");
    assertThat(both.code()).isEqualTo(1);
    assertThat(both.err()).contains("exactly one of --user, --token, --token-file or --claims");
    Ran noRoute = run("explain", "--user", "a@b");
    assertThat(noRoute.code()).isEqualTo(1);
    assertThat(noRoute.err()).contains("--route NAME or --path");
    Ran badClaims = run("explain", "--route", "mfa", "--claims", "amr=mfa");
    assertThat(badClaims.err()).contains("--claims: expected a JSON object");
    Ran unknownOption = run("explain", "--route", "mfa", "--usr", "a@b");
    assertThat(unknownOption.code()).isEqualTo(1);
    assertThat(unknownOption.err()).contains("unknown option --usr");
    Ran down = run("explain", "--management", "http://127.0.0.1:1", "--route", "mfa", "--user", "a@b");
    assertThat(down.code()).isEqualTo(1);
    assertThat(down.err()).contains("cannot reach http://127.0.0.1:1/explain");
  }
}
