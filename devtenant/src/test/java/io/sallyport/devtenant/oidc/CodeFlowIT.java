package io.sallyport.devtenant.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.devtenant.harness.RunningDevTenant;
import io.sallyport.devtenant.state.Acceptance;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authorization code flow with PKCE, driven over HTTP through devtenant's sign-in pages. */
class CodeFlowIT {

  static final String CALLBACK = "http://localhost:8080/.sallyport/callback";
  static final String VERIFIER = "ThisIsntRandomButItNeedsToBe43CharactersLong-0123";
  static RunningDevTenant t;
  static String clientId;
  static String secret;

  @BeforeAll
  static void start() {
    t = RunningDevTenant.demo();
    clientId = t.app("Sallyport").appId();
    secret = t.app("Sallyport").secrets().get(0);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Map<String, String> authorize(String claims) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("client_id", clientId);
    p.put("response_type", "code");
    p.put("redirect_uri", CALLBACK);
    p.put("scope", "openid profile offline_access api://sallyport/access_as_user");
    p.put("state", "st-123");
    p.put("nonce", "n-456");
    p.put("code_challenge", Browser.s256(VERIFIER));
    p.put("code_challenge_method", "S256");
    if (claims != null) {
      p.put("claims", claims);
    }
    return p;
  }

  static String acrs(String c) {
    return "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"" + c + "\"}}}";
  }

  JsonObject redeem(Browser b, String code) {
    HttpResponse<Buffer> r = b.token(Map.of("grant_type", "authorization_code", "client_id", clientId,
        "client_secret", secret, "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  @Test
  void plainSignInIssuesACodeWhoseTokensCarryPasswordOnlyAndTheNonce() {
    Browser b = new Browser(t);
    HttpResponse<Buffer> r = b.signIn(b.authorizeUrl(authorize(null)), t.user("bob").upn(), "Bob-demo-1");
    Map<String, String> back = Browser.redirectParams(r);
    assertThat(r.getHeader("Location")).startsWith(CALLBACK + "?code=");
    assertThat(back.get("state")).isEqualTo("st-123");
    JsonObject tokens = redeem(b, back.get("code"));
    assertThat(tokens.fieldNames()).containsExactlyInAnyOrder("token_type", "scope", "expires_in", "ext_expires_in",
        "access_token", "refresh_token", "id_token");
    assertThat(tokens.getValue("expires_in")).isInstanceOf(Number.class);
    assertThat(tokens.getString("scope")).isEqualTo("api://sallyport/access_as_user");
    JsonObject at = Browser.payload(tokens.getString("access_token"));
    assertThat(at.getString("aud")).isEqualTo(clientId);
    assertThat(at.getJsonArray("amr").getList()).containsExactly("pwd");
    assertThat(at.containsKey("acrs")).isFalse();
    JsonObject id = Browser.payload(tokens.getString("id_token"));
    assertThat(id.getString("nonce")).isEqualTo("n-456");
    assertThat(id.getString("preferred_username")).isEqualTo(t.user("bob").upn());
  }

  @Test
  void authContextC1AddsTheMfaStepAndTheTokenCarriesAcrsAndMfa() {
    Browser b = new Browser(t);
    HttpResponse<Buffer> mfa = b.signIn(b.authorizeUrl(authorize(acrs("c1"))), t.user("alice").upn(), "Alice-demo-1");
    assertThat(mfa.bodyAsString()).contains("Enter code");
    HttpResponse<Buffer> wrong = b.submit(mfa, Map.of("otc", "000000".equals(Browser.demoCode(mfa)) ? "111111"
        : "000000"));
    assertThat(wrong.bodyAsString()).contains("AADSTS50074");
    HttpResponse<Buffer> done = b.submit(wrong, Map.of("otc", Browser.demoCode(wrong)));
    JsonObject at = Browser.payload(redeem(b, Browser.redirectParams(done).get("code")).getString("access_token"));
    assertThat(at.getJsonArray("acrs").getList()).containsExactly("c1");
    assertThat(at.getJsonArray("amr").getList()).containsExactly("pwd", "mfa");
  }

  @Test
  void authContextC2NeedsMfaAndTheTermsAndRecordsTheAcceptance() {
    Browser b = new Browser(t);
    String agreement = t.scenario().agreements().get(0).id();
    String bob = t.user("bob").id();
    HttpResponse<Buffer> mfa = b.signIn(b.authorizeUrl(authorize(acrs("c2"))), t.user("bob").upn(), "Bob-demo-1");
    HttpResponse<Buffer> terms = b.submit(mfa, Map.of("otc", Browser.demoCode(mfa)));
    assertThat(terms.bodyAsString()).contains("Privileged access terms").contains("Privileged sessions through Sallyport");
    HttpResponse<Buffer> done = b.submit(terms, Map.of("action", "accept"));
    JsonObject at = Browser.payload(redeem(b, Browser.redirectParams(done).get("code")).getString("access_token"));
    assertThat(at.getJsonArray("acrs").getList()).containsExactly("c2");
    Acceptance a = t.tenant().context().state().acceptances.find(Acceptance.idFor(agreement, bob)).orElseThrow();
    assertThat(a.state()).isEqualTo("accepted");
    assertThat(a.validAt(t.now())).isTrue();
    assertThat(a.expiration()).isEqualTo(a.recorded().plus(java.time.Duration.ofDays(90)));
  }

  @Test
  void decliningTheTermsSendsAccessDeniedToTheClient() {
    Browser b = new Browser(t);
    Map<String, String> p = authorize(acrs("c2"));
    p.put("response_mode", "fragment");
    HttpResponse<Buffer> mfa = b.signIn(b.authorizeUrl(p), t.user("alice").upn(), "Alice-demo-1");
    HttpResponse<Buffer> terms = b.submit(mfa, Map.of("otc", Browser.demoCode(mfa)));
    HttpResponse<Buffer> r = b.submit(terms, Map.of("action", "decline"));
    assertThat(r.getHeader("Location")).startsWith(CALLBACK + "#error=access_denied");
    Map<String, String> back = Browser.redirectParams(r);
    assertThat(back.get("error_description")).startsWith("AADSTS53003: ").contains("\r\nTrace ID: ");
    assertThat(back.get("state")).isEqualTo("st-123");
  }

  @Test
  void ssoSessionSkipsThePasswordButStillRunsNewlyRequiredMfa() {
    Browser b = new Browser(t);
    b.signIn(b.authorizeUrl(authorize(null)), t.user("carol").upn(), "Carol-demo-1");
    HttpResponse<Buffer> again = b.get(b.authorizeUrl(authorize(null)));
    assertThat(Browser.redirectParams(again)).containsKey("code");
    HttpResponse<Buffer> stepUp = b.get(b.authorizeUrl(authorize(acrs("c1"))));
    assertThat(stepUp.bodyAsString()).contains("devtenant demo code");
    Map<String, String> login = authorize(null);
    login.put("prompt", "login");
    assertThat(b.get(b.authorizeUrl(login)).bodyAsString()).contains("name=\"passwd\"");
    Map<String, String> silent = authorize(null);
    silent.put("prompt", "none");
    assertThat(Browser.redirectParams(new Browser(t).get(b.authorizeUrl(silent))).get("error"))
        .isEqualTo("login_required");
  }

  @Test
  void formPostAnswersWithAFormCarryingTheCode() {
    Browser b = new Browser(t);
    Map<String, String> p = authorize(null);
    p.put("response_mode", "form_post");
    HttpResponse<Buffer> r = b.signIn(b.authorizeUrl(p), t.user("bob").upn(), "Bob-demo-1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsString()).contains("action=\"" + CALLBACK + "\"").contains("name=\"code\"")
        .contains("name=\"state\" value=\"st-123\"");
  }

  @Test
  void pkceMismatchIsRefusedAndTheCodeCannotBeReused() {
    Browser b = new Browser(t);
    String code = Browser.redirectParams(b.signIn(b.authorizeUrl(authorize(null)), t.user("bob").upn(),
        "Bob-demo-1")).get("code");
    HttpResponse<Buffer> bad = b.token(Map.of("grant_type", "authorization_code", "client_id", clientId,
        "client_secret", secret, "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER + "x"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error")).isEqualTo("invalid_grant");
    assertThat(bad.bodyAsJsonObject().getString("error_description")).startsWith("AADSTS501481: ");
    HttpResponse<Buffer> reuse = b.token(Map.of("grant_type", "authorization_code", "client_id", clientId,
        "client_secret", secret, "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER));
    assertThat(reuse.bodyAsJsonObject().getJsonArray("error_codes").getList()).containsExactly(54005);
  }

  @Test
  void aRedeemedCodeIsRefusedTheSecondTime() {
    Browser b = new Browser(t);
    String code = Browser.redirectParams(b.signIn(b.authorizeUrl(authorize(null)), t.user("bob").upn(),
        "Bob-demo-1")).get("code");
    redeem(b, code);
    HttpResponse<Buffer> again = b.token(Map.of("grant_type", "authorization_code", "client_id", clientId,
        "client_secret", secret, "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.bodyAsJsonObject().getString("error_description")).startsWith("AADSTS54005: ");
  }

  @Test
  void redirectUriMismatchIsShownOnAPageAndNeverRedirected() {
    Browser b = new Browser(t);
    Map<String, String> p = authorize(null);
    p.put("redirect_uri", "https://evil.example/callback");
    HttpResponse<Buffer> r = b.get(b.authorizeUrl(p));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.getHeader("Location")).isNull();
    assertThat(r.getHeader("Content-Type")).startsWith("text/html");
    assertThat(r.bodyAsString()).contains("AADSTS50011: The redirect URI &#39;https://evil.example/callback&#39;");
  }

  @Test
  void wrongPasswordDisabledUserAndBadRequestsGetEntrasAnswers() {
    Browser b = new Browser(t);
    String url = b.authorizeUrl(authorize(null));
    assertThat(b.signIn(url, t.user("bob").upn(), "nope").bodyAsString()).contains("AADSTS50126")
        .contains("name=\"passwd\"");
    HttpResponse<Buffer> dave = b.signIn(url, t.user("dave").upn(), "Dave-demo-1");
    assertThat(dave.statusCode()).isEqualTo(400);
    assertThat(dave.bodyAsString()).contains("AADSTS50057");
    Map<String, String> token = authorize(null);
    token.put("response_type", "token");
    assertThat(Browser.redirectParams(b.get(b.authorizeUrl(token))).get("error")).isEqualTo("unsupported_response_type");
    Map<String, String> claims = authorize("{not json");
    Map<String, String> back = Browser.redirectParams(b.get(b.authorizeUrl(claims)));
    assertThat(back.get("error")).isEqualTo("invalid_request");
    assertThat(back.get("error_description")).startsWith("AADSTS90100: ");
    HttpResponse<Buffer> forged = b.submit(b.get(url), Map.of("flowToken", "forged", "login", t.user("bob").upn(),
        "passwd", "Bob-demo-1"));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.bodyAsString()).contains("AADSTS90015");
  }

  @Test
  void refreshTokenRotatesStepsUpOnlyWhenTheSessionSatisfiesAndStopsAfterRevocation() {
    Browser b = new Browser(t);
    String code = Browser.redirectParams(b.signIn(b.authorizeUrl(authorize(null)), t.user("bob").upn(),
        "Bob-demo-1")).get("code");
    String rt = redeem(b, code).getString("refresh_token");
    HttpResponse<Buffer> stepUp = b.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
        "client_secret", secret, "refresh_token", rt, "scope", "api://sallyport/access_as_user",
        "claims", acrs("c1")));
    JsonObject err = stepUp.bodyAsJsonObject();
    assertThat(err.getString("error")).isEqualTo("invalid_grant");
    assertThat(err.getString("suberror")).isEqualTo("basic_action");
    assertThat(err.getString("error_description")).startsWith("AADSTS50076: ");
    assertThat(new JsonObject(err.getString("claims")).getJsonObject("access_token").getJsonObject("acrs")
        .getString("value")).isEqualTo("c1");
    HttpResponse<Buffer> graph = b.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
        "client_secret", secret, "refresh_token", rt, "scope", "https://graph.microsoft.com/User.Read openid"));
    assertThat(graph.statusCode()).as(graph.bodyAsString()).isEqualTo(200);
    JsonObject g = graph.bodyAsJsonObject();
    assertThat(Browser.payload(g.getString("access_token")).getString("aud")).isEqualTo("https://graph.microsoft.com");
    assertThat(g.getString("scope")).isEqualTo("User.Read openid");
    assertThat(b.token(Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", secret,
        "refresh_token", rt, "scope", "User.Read")).bodyAsJsonObject().getString("error")).isEqualTo("invalid_grant");
    var state = t.tenant().context().state();
    String bob = t.user("bob").id();
    state.users.update(bob, u -> u.withRevokedAt(t.now()));
    try {
      t.tenant().context().clock().advance(java.time.Duration.ofSeconds(2));
      HttpResponse<Buffer> revoked = b.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
          "client_secret", secret, "refresh_token", g.getString("refresh_token"), "scope", "User.Read"));
      assertThat(revoked.bodyAsJsonObject().getString("error_description")).startsWith("AADSTS50173: ");
    } finally {
      state.users.update(bob, u -> u.withRevokedAt(null));
    }
  }

  @Test
  void logoutEndsTheSessionAndReturnsToARegisteredUri() {
    Browser b = new Browser(t);
    b.signIn(b.authorizeUrl(authorize(null)), t.user("carol").upn(), "Carol-demo-1");
    HttpResponse<Buffer> out = b.get(t.baseUrl() + "/" + t.tenantId() + "/oauth2/v2.0/logout?"
        + Browser.encode(Map.of("post_logout_redirect_uri", CALLBACK, "client_id", clientId, "state", "bye")));
    assertThat(out.getHeader("Location")).isEqualTo(CALLBACK + "?state=bye");
    assertThat(b.get(b.authorizeUrl(authorize(null))).bodyAsString()).contains("name=\"passwd\"");
    HttpResponse<Buffer> unknown = b.get(t.baseUrl() + "/" + t.tenantId() + "/oauth2/v2.0/logout?"
        + Browser.encode(Map.of("post_logout_redirect_uri", "https://evil.example/")));
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.bodyAsString()).contains("You signed out of your account");
  }
}
