package io.sallyport.gateway.session;

import static io.sallyport.gateway.session.BrowserSignInIT.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The browser security cases of issue 4: a tampered session cookie, session fixation, CSRF on
 * sign-out, open redirects through sign-in and the callback, forged callbacks. Each is refused and
 * the upstream is never reached.
 */
class BrowserSecurityIT {

  @TempDir
  static Path dir;
  static SignInGateway g;

  @BeforeAll
  static void start() throws Exception {
    g = new SignInGateway(dir, null);
  }

  @AfterAll
  static void stop() {
    g.close();
  }

  static TestBrowser signedIn(String path) {
    TestBrowser b = g.browser();
    HttpResponse<Buffer> r = BrowserSignInIT.signIn(b, path, "alice@signin.example", "Alice-pw-1");
    assertThat(r.statusCode()).isEqualTo(302);
    return b;
  }

  @Test
  void aTamperedSessionCookieGetsNobodyIn() {
    BrowserSignInIT.g = g;
    TestBrowser b = signedIn("/app/");
    String good = b.jar.get("sallyport");
    int hits = g.upstreamHits();
    for (String bad : new String[] {flip(good), good.substring(1), good + "A", "x", "%" + good.substring(1), ""}) {
      b.jar.put("sallyport", bad);
      HttpResponse<Buffer> r = b.get(b.gateway("/app/"));
      assertThat(r.statusCode()).as(bad + " -> " + r.statusCode() + " " + r.bodyAsString()).isEqualTo(302);
      assertThat(r.getHeader("location")).startsWith("/.sallyport/login");
    }
    // two session cookies at once (one planted by a sibling host): ambiguous, refused
    b.jar.clear();
    HttpResponse<Buffer> twice = b.send(HttpMethod.GET, b.gateway("/app/"), null,
        Map.of("cookie", "sallyport=" + good + "; sallyport=" + flip(good)));
    assertThat(twice.statusCode()).isEqualTo(302);
    assertThat(g.upstreamHits()).isEqualTo(hits);
    b.jar.put("sallyport", good);
    assertThat(b.get(b.gateway("/app/")).statusCode()).isEqualTo(200);
  }

  @Test
  void aSessionIdPlantedBeforeSignInIsNeverPromoted() {
    BrowserSignInIT.g = g;
    TestBrowser victim = g.browser();
    String planted = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    victim.jar.put("sallyport", planted);
    BrowserSignInIT.signIn(victim, "/app/", "alice@signin.example", "Alice-pw-1");
    assertThat(victim.jar.get("sallyport")).isNotEqualTo(planted).hasSize(43);
    TestBrowser attacker = g.browser();
    attacker.jar.put("sallyport", planted);
    HttpResponse<Buffer> r = attacker.get(attacker.gateway("/app/"));
    assertThat(r.statusCode()).isEqualTo(302);

    // an attacker's own session id given to a victim: the victim's sign-in replaces it, and the
    // attacker's session (the id they know) ends
    TestBrowser mallory = signedIn("/app/");
    String malloryId = mallory.jar.get("sallyport");
    TestBrowser bob = g.browser();
    bob.jar.put("sallyport", malloryId);
    HttpResponse<Buffer> start = bob.get(bob.gateway("/.sallyport/login?rd=/app/"));
    HttpResponse<Buffer> back = bob.signInAtIdp(bob.get(start.getHeader("location")), g.dev.baseUrl(),
        "bob@signin.example", "Bob-pw-1");
    assertThat(bob.get(back.getHeader("location")).getHeader("location")).isEqualTo("/app/");
    assertThat(bob.jar.get("sallyport")).isNotEqualTo(malloryId);
    assertThat(mallory.get(mallory.gateway("/app/")).statusCode()).isEqualTo(302);
  }

  @Test
  void signOutNeedsThePostWithTheSessionsCsrfTokenFromThisOrigin() {
    BrowserSignInIT.g = g;
    TestBrowser b = signedIn("/app/");
    String csrfFormPage = b.get(b.gateway("/.sallyport/logout")).bodyAsString();
    assertThat(csrfFormPage).contains("<form method=\"post\" action=\"/.sallyport/logout\">");

    // a GET never signs out (an <img src> on another site cannot do it)
    assertThat(b.get(b.gateway("/app/")).statusCode()).isEqualTo(200);
    // a cross-site form without the token, or with a wrong one, or from another origin
    HttpResponse<Buffer> noToken = b.post(b.gateway("/.sallyport/logout"), MultiMap.caseInsensitiveMultiMap(), Map.of());
    assertThat(noToken.statusCode()).isEqualTo(403);
    HttpResponse<Buffer> wrong = b.post(b.gateway("/.sallyport/logout"), MultiMap.caseInsensitiveMultiMap()
        .add("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), Map.of());
    assertThat(wrong.statusCode()).isEqualTo(403);
    String token = csrfFormPage.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
    HttpResponse<Buffer> foreign = b.post(b.gateway("/.sallyport/logout"), MultiMap.caseInsensitiveMultiMap()
        .add("csrf", token), Map.of("origin", "https://evil.example"));
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(b.get(b.gateway("/app/")).statusCode()).as("still signed in").isEqualTo(200);

    // the real form: the session ends, the cookie goes, Entra's session ends too
    HttpResponse<Buffer> out = b.post(b.gateway("/.sallyport/logout"), MultiMap.caseInsensitiveMultiMap()
        .add("csrf", token), Map.of("origin", "http://127.0.0.1:" + g.running.port()));
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(out.getHeader("location")).startsWith(g.dev.baseUrl() + "/" + SignInGateway.TENANT
        + "/oauth2/v2.0/logout?");
    assertThat(query(out.getHeader("location"))).containsEntry("post_logout_redirect_uri",
        b.gateway("/.sallyport/signed-out"));
    assertThat(b.jar).doesNotContainKey("sallyport");
    HttpResponse<Buffer> signedOut = b.follow(out);
    assertThat(signedOut.statusCode()).isEqualTo(200);
    assertThat(signedOut.bodyAsString()).contains("You are signed out");
    // signing in again asks for the password: the Entra session is gone as well
    HttpResponse<Buffer> again = b.get(b.gateway("/app/"));
    HttpResponse<Buffer> idp = b.get(b.get(b.location(again)).getHeader("location"));
    assertThat(idp.bodyAsString()).contains("id=\"passwd\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"//evil.example/x", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
      "/%2F%2Fevil.example", "/%5Cevil.example", "javascript:alert(1)", "/ok\r\nLocation: https://evil.example"})
  void signInNeverReturnsToAnotherOrigin(String rd) {
    BrowserSignInIT.g = g;
    TestBrowser b = g.browser();
    HttpResponse<Buffer> start = b.get(b.gateway("/.sallyport/login?rd=" + java.net.URLEncoder.encode(rd,
        java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(start.statusCode()).isEqualTo(302);
    HttpResponse<Buffer> back = b.signInAtIdp(b.get(start.getHeader("location")), g.dev.baseUrl(),
        "alice@signin.example", "Alice-pw-1");
    // a return address added to the callback's query is ignored: only the stored one counts
    HttpResponse<Buffer> done = b.get(back.getHeader("location") + "&rd=" + java.net.URLEncoder.encode(
        "https://evil.example/", java.nio.charset.StandardCharsets.UTF_8));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.getHeader("location")).isEqualTo("/");
  }

  @Test
  void aForgedOrReplayedCallbackIsRefused() {
    BrowserSignInIT.g = g;
    int hits = g.upstreamHits();
    TestBrowser b = g.browser();
    // no sign-in started in this browser
    HttpResponse<Buffer> cold = b.get(b.gateway("/.sallyport/callback?code=abc&state=def"));
    assertThat(cold.statusCode()).isEqualTo(400);
    assertThat(cold.bodyAsString()).contains("Sign-in expired");
    // started, but the state does not match (an attacker's code swapped in)
    HttpResponse<Buffer> start = b.get(b.gateway("/.sallyport/login?rd=/app/"));
    String state = query(start.getHeader("location")).get("state");
    HttpResponse<Buffer> back = b.signInAtIdp(b.get(start.getHeader("location")), g.dev.baseUrl(),
        "alice@signin.example", "Alice-pw-1");
    String swapped = back.getHeader("location").replace("state=" + state, "state=" + flip(state));
    HttpResponse<Buffer> forged = b.get(swapped);
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.bodyAsString()).contains("does not belong to the sign-in this browser started");
    assertThat(b.jar).doesNotContainKey("sallyport");
    // the pending sign-in was used up by that attempt: the genuine callback cannot be replayed later
    HttpResponse<Buffer> replay = b.get(back.getHeader("location"));
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(b.jar).doesNotContainKey("sallyport");
    // Entra's error answer is shown, escaped, and nothing is signed in
    HttpResponse<Buffer> start2 = b.get(b.gateway("/.sallyport/login"));
    String state2 = query(start2.getHeader("location")).get("state");
    HttpResponse<Buffer> err = b.get(b.gateway("/.sallyport/callback?state=" + state2
        + "&error=access_denied&error_description=%3Cscript%3Ealert(1)%3C/script%3E"));
    assertThat(err.statusCode()).isEqualTo(403);
    assertThat(err.bodyAsString()).contains("access_denied").contains("&lt;script&gt;").doesNotContain("<script>");
    assertThat(g.upstreamHits()).isEqualTo(hits);
  }

  @Test
  void pagesRefuseUnexpectedMethodsAndUnknownPaths() {
    TestBrowser b = g.browser();
    assertThat(b.send(HttpMethod.POST, b.gateway("/.sallyport/login"), MultiMap.caseInsensitiveMultiMap()).statusCode())
        .isEqualTo(405);
    assertThat(b.get(b.gateway("/.sallyport/nothing")).statusCode()).isEqualTo(404);
    assertThat(b.send(HttpMethod.DELETE, b.gateway("/.sallyport/logout"), null).statusCode()).isEqualTo(405);
  }

  static String flip(String s) {
    char c = s.charAt(s.length() / 2);
    return s.substring(0, s.length() / 2) + (c == 'A' ? 'B' : 'A') + s.substring(s.length() / 2 + 1);
  }
}
