package io.sallyport.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sallyport.devtenant.harness.Chromium;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in, MFA step-up, the deny page and sign-out in a real headless Chromium: the cookies'
 * attributes, the redirects and the pages as a browser really handles them. Skipped (never passed)
 * where Chromium is not installed.
 */
class SignInChromiumIT {

  @TempDir
  static Path dir;
  static SignInGateway g;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Chromium.available(), "Chromium and chromedriver are not installed (.ci/run installs them)");
    g = new SignInGateway(dir, null);
    g.upstream.behave(req -> req.response().putHeader("content-type", "text/html")
        .end("<!doctype html><title>app</title><h1 id=\"app\">upstream page " + req.path() + "</h1>"));
  }

  @AfterAll
  static void stop() {
    if (g != null) {
      g.close();
    }
  }

  static void awaitUrl(Chromium c, String url) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!c.url().startsWith(url)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the browser did not reach " + url + "; it is at " + c.url());
      }
      Thread.sleep(50);
    }
  }

  String gateway(String path) {
    return "http://127.0.0.1:" + g.running.port() + path;
  }

  @Test
  void aPersonSignsInStepsUpWithMfaSeesADenyPageAndSignsOut() throws Exception {
    try (Chromium c = new Chromium()) {
      c.open(gateway("/app/home"));
      c.type("#login", "alice@signin.example");
      c.type("#passwd", "Alice-pw-1");
      c.click("#idSIButton9");
      assertThat(c.text("#app")).isEqualTo("upstream page /app/home");
      assertThat(c.url()).isEqualTo(gateway("/app/home"));

      // a route that needs MFA, after a password-only sign-in: the deny page, in words, with the code
      c.open(gateway("/mfa-only/"));
      assertThat(c.text("h1")).isEqualTo("Access denied");
      assertThat(c.source()).contains("ca.mfa_missing").contains("multi-factor");

      // a route that needs auth context c1: sent back to Entra with the claims request; MFA this time
      c.open(gateway("/step/console"));
      String code = c.text("#demo-code code");
      c.type("#otc", code);
      c.click("#idSubmit_SAOTCC_Continue");
      assertThat(c.text("#app")).isEqualTo("upstream page /step/console");
      // the stepped-up session carries MFA now, so the MFA-only route lets her through
      c.open(gateway("/mfa-only/"));
      assertThat(c.text("#app")).isEqualTo("upstream page /mfa-only/");

      c.open(gateway("/.sallyport/logout"));
      c.click("#sign-out");
      // the click starts a navigation (POST, then Entra's sign-out, then back): wait for its end
      // before reading the page, or the old page's heading is read as it goes away
      awaitUrl(c, gateway("/.sallyport/signed-out"));
      assertThat(c.text("h1")).isEqualTo("You are signed out");
      c.open(gateway("/app/home"));
      assertThat(c.find("#passwd")).as("signed out of Entra too: the password is asked again").isNotEmpty();
    }
  }
}
