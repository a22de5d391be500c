package io.sallyport.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  record Ran(int code, String out, String err) {}

  static Ran run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsEveryCommandAndEachHasItsOwnHelp() {
    Ran help = run("--help");
    assertThat(help.code()).isZero();
    for (String c : new String[] {"run", "check-config", "explain", "demo", "devtenant", "demo-upstream"}) {
      assertThat(help.out()).contains(c);
      Ran own = run(c, "--help");
      assertThat(own.code()).as(c).isZero();
      assertThat(own.out()).as(c).startsWith("Usage: sallyport " + c);
    }
  }

  @Test
  void noArgumentsOrAnUnknownCommandIsAUsageError() {
    assertThat(run().code()).isEqualTo(2);
    Ran unknown = run("serve");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown command \"serve\"");
  }

  @Test
  void checkConfigReportsEveryErrorAndExitsNonZero(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, """
        routes:
          - name: a
            match: { path-prefix: / }
            upstream: htp:/x
          - name: b
            match: { path-prefx: /b }
            upstream: http://127.0.0.1:1
        """);
    Ran r = run("check-config", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("routes[0].upstream").contains("\"htp:/x\"")
        .contains("routes[1].match.path-prefx").contains("did you mean \"path-prefix\"");
  }

  @Test
  void checkConfigFlagsPublicRoutes(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("ok.yaml");
    Files.writeString(ok, """
        routes:
          - name: open
            match: { path-prefix: /status }
            upstream: http://127.0.0.1:1
            public: true
          - name: closed
            match: { path-prefix: / }
            upstream: http://127.0.0.1:2
        """);
    Ran r = run("check-config", ok.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("open").contains("PUBLIC").contains("1 public route(s)");
    assertThat(r.out().lines().filter(l -> l.contains("closed")).findFirst().orElseThrow()).doesNotContain("PUBLIC");
  }

  @Test
  void checkConfigListsTheScimEndpointAsAuthenticatedAndNotARoute(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("scim.yaml");
    String token = "check-config-token-0123456789abcdefghijk";
    Files.writeString(ok, """
        routes: [ { name: app, upstream: "http://127.0.0.1:1" } ]
        scim: { enabled: true, base-path: /directory/scim, tokens: [ "%s" ] }
        """.formatted(token));
    Ran r = run("check-config", ok.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("scim: /directory/scim/* on every host of the public listener, not a route:"
        + " AUTHENTICATED by bearer token (1 accepted), never proxied").doesNotContain(token);
    Files.writeString(ok, "routes: [ { name: app, upstream: \"http://127.0.0.1:1\" } ]\n");
    assertThat(run("check-config", ok.toString()).out()).contains("scim: off");
  }

  @Test
  void runRefusesAnInvalidFileWithoutStarting(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "listeners: { public: { port: abc } }\nroutes: []\n");
    Ran r = run("run", "--config", bad.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("listeners.public.port");
    assertThat(run("run").code()).isEqualTo(2);
    assertThat(run("run", "--cofig", "x").err()).contains("unknown option --cofig");
  }

  @Test
  void theDemoConfigIsBundledInTheJar() {
    assertThat(DemoCommand.class.getResource(DemoCommand.BUNDLED)).isNotNull();
  }

  @Test
  void devtenantSaysWhichScenarioFileIsMissingOrWhatIsWrongInIt(@TempDir Path dir) throws Exception {
    Ran missing = run("devtenant", "--scenario", dir.resolve("nope.yaml").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no scenario file at").contains("nope.yaml");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "tenant: { id: x }\nusers: [{ upn: a }]\n");
    Ran invalid = run("devtenant", "--scenario", bad.toString());
    assertThat(invalid.code()).isEqualTo(1);
    assertThat(invalid.err()).contains("the scenario is invalid").contains("tenant.id: not a GUID: \"x\"")
        .contains("users[0].password: required");
    Ran demo = run("demo", "--scenario", bad.toString());
    assertThat(demo.code()).isEqualTo(1);
    assertThat(demo.err()).contains("the devtenant scenario is invalid");
    Ran half = run("devtenant", "--tls-cert", "x.pem");
    assertThat(half.code()).isEqualTo(2);
    assertThat(half.err()).contains("--tls-cert and --tls-key go together");
  }
}
