package io.sallyport.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser sign-in through devtenant's real pages, sessions, step-up and sign-out. */
class BrowserSignInIT {

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

  /** Signs in from {@code path} as {@code upn}; returns the response after the callback's redirect. */
  static HttpResponse<Buffer> signIn(TestBrowser b, String path, String upn, String password) {
    HttpResponse<Buffer> r = b.get(b.gateway(path));
    assertThat(r.statusCode()).as("a page load without a session is sent to sign in").isEqualTo(302);
    assertThat(r.getHeader("location")).startsWith("/.sallyport/login?rd=");
    r = b.get(b.location(r)); // the sign-in start: pending sign-in stored, off to Entra
    assertThat(r.statusCode()).isEqualTo(302);
    HttpResponse<Buffer> login = b.get(r.getHeader("location"));
    HttpResponse<Buffer> back = login.statusCode() == 200 && login.bodyAsString().contains("id=\"passwd\"")
        ? b.signInAtIdp(login, g.dev.baseUrl(), upn, password) : b.mfaIfAsked(login, g.dev.baseUrl());
    assertThat(back.statusCode()).as("devtenant returns to the callback: " + back.bodyAsString()).isEqualTo(302);
    assertThat(back.getHeader("location")).startsWith(b.gateway("/.sallyport/callback?"));
    return b.get(back.getHeader("location"));
  }

  static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = URI.create(url).getRawQuery();
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void aBrowserSignsInWithPkceStateAndNonceAndReturnsToThePathItAskedFor() {
    TestBrowser b = g.browser();
    HttpResponse<Buffer> first = b.get(b.gateway("/app/reports?year=2026"));
    assertThat(first.statusCode()).isEqualTo(302);
    HttpResponse<Buffer> start = b.get(b.location(first));
    String authorize = start.getHeader("location");
    assertThat(authorize).startsWith(g.dev.baseUrl() + "/" + SignInGateway.TENANT + "/oauth2/v2.0/authorize?");
    Map<String, String> p = query(authorize);
    assertThat(p).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
        .containsEntry("client_id", SignInGateway.CLIENT).containsKeys("state", "nonce", "code_challenge")
        .containsEntry("redirect_uri", b.gateway("/.sallyport/callback"));
    assertThat(p.get("scope")).contains("openid").contains(SignInGateway.CLIENT + "/.default");
    assertThat(p.get("state")).hasSize(43);
    String signInCookie = start.getHeader("set-cookie");
    assertThat(signInCookie).startsWith("sallyport-signin=").contains("; Secure").contains("; HttpOnly")
        .contains("; SameSite=Lax").contains("Path=/");

    HttpResponse<Buffer> back = b.signInAtIdp(b.get(authorize), g.dev.baseUrl(), "alice@signin.example", "Alice-pw-1");
    HttpResponse<Buffer> done = b.get(back.getHeader("location"));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.getHeader("location")).isEqualTo("/app/reports?year=2026");
    String session = done.headers().getAll("set-cookie").stream().filter(c -> c.startsWith("sallyport=")).findFirst()
        .orElseThrow();
    assertThat(session).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax").contains("Path=/");
    assertThat(b.jar).containsKey("sallyport").doesNotContainKey("sallyport-signin");

    int before = g.upstreamHits();
    HttpResponse<Buffer> page = b.get(b.location(done));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(g.upstreamHits()).isEqualTo(before + 1);
    // the upstream never sees Sallyport's own cookie (it could replay the session)
    assertThat(String.valueOf(g.upstream.last().header("cookie"))).doesNotContain("sallyport");
  }

  @Test
  void aProgramWithoutTokenOrCookieGetsA401NotARedirect() {
    TestBrowser b = g.browser();
    HttpResponse<Buffer> r = b.send(io.vertx.core.http.HttpMethod.POST, b.gateway("/app/api"), MultiMap
        .caseInsensitiveMultiMap().add("x", "1"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.getHeader("www-authenticate")).startsWith("Bearer");
  }

  @Test
  void anAuthContextRouteStepsUpThroughMfaWithTheClaimsRequestAndANewSession() {
    TestBrowser b = g.browser();
    assertThat(signIn(b, "/app/", "alice@signin.example", "Alice-pw-1").statusCode()).isEqualTo(302);
    String firstSession = b.jar.get("sallyport");
    int before = g.upstreamHits();

    HttpResponse<Buffer> r = b.get(b.gateway("/step/console"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("location")).isEqualTo("/.sallyport/login?rd=%2Fstep%2Fconsole&acr=c1");
    HttpResponse<Buffer> start = b.get(b.location(r));
    Map<String, String> p = query(start.getHeader("location"));
    assertThat(p.get("claims")).isEqualTo("{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}");
    // devtenant's SSO session skips the password; the auth context's policy asks for MFA
    HttpResponse<Buffer> mfa = b.get(start.getHeader("location"));
    assertThat(TestBrowser.mfaPage(mfa)).as("MFA asked for c1: " + mfa.bodyAsString()).isTrue();
    HttpResponse<Buffer> back = b.mfaIfAsked(mfa, g.dev.baseUrl());
    HttpResponse<Buffer> done = b.get(back.getHeader("location"));
    assertThat(done.getHeader("location")).isEqualTo("/step/console");
    assertThat(b.jar.get("sallyport")).isNotEqualTo(firstSession);
    assertThat(b.get(b.gateway("/step/console")).statusCode()).isEqualTo(200);
    assertThat(g.upstreamHits()).isEqualTo(before + 1);

    // the session the step-up replaced is over: its cookie gets nobody in
    b.jar.put("sallyport", firstSession);
    assertThat(b.get(b.gateway("/app/")).statusCode()).isEqualTo(302);
  }

  @Test
  void aRouteThatOnlyNeedsMfaExplainsInsteadOfLoopingThroughSignIn() {
    TestBrowser b = g.browser();
    signIn(b, "/app/", "bob@signin.example", "Bob-pw-1");
    int before = g.upstreamHits();
    HttpResponse<Buffer> r = b.get(b.gateway("/mfa-only/x"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.getHeader("content-type")).startsWith("text/html");
    assertThat(r.bodyAsString()).contains("ca.mfa_missing").contains("multi-factor").contains(r.getHeader("x-request-id"));
    assertThat(r.getHeader("content-security-policy")).contains("default-src 'none'");
    assertThat(g.upstreamHits()).isEqualTo(before);
  }

  @Test
  void aUserOutsideTheRoutesGroupSeesADenyPageAndTheUpstreamIsNeverReached() {
    TestBrowser b = g.browser();
    signIn(b, "/app/", "bob@signin.example", "Bob-pw-1");
    int before = g.upstreamHits();
    HttpResponse<Buffer> r = b.get(b.gateway("/ops/"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.bodyAsString()).contains("Access denied").contains("authz.group_missing").contains("Sign out");
    assertThat(g.upstreamHits()).isEqualTo(before);

    TestBrowser a = g.browser();
    signIn(a, "/ops/", "alice@signin.example", "Alice-pw-1");
    assertThat(a.get(a.gateway("/ops/")).statusCode()).isEqualTo(200);
  }
}
