package io.sallyport.devtenant.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.Chromium;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.sallyport.devtenant.state.Acceptance;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * devtenant's sign-in pages in a real headless Chromium: password, the MFA step an auth context
 * asks for, the terms-of-use screen its Conditional Access rule binds, then the redirect with a code
 * whose tokens say what happened. Skipped (not passed) where Chromium is not installed.
 */
class SignInChromiumIT {

  static final String VERIFIER = "ThisIsntRandomButItNeedsToBe43CharactersLong-0123";
  static RunningDevTenant t;
  static HttpServer callback;
  static volatile CompletableFuture<MultiMap> received = new CompletableFuture<>();
  static String redirect;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Chromium.available(), "Chromium and chromedriver are not installed (.ci/run installs them)");
    io.vertx.core.Vertx v = io.vertx.core.Vertx.vertx();
    callback = Await.result(v.createHttpServer().requestHandler(req -> {
      received.complete(req.params());
      req.response().putHeader("content-type", "text/html").end("<p id=\"done\">signed in</p>");
    }).listen(0, "127.0.0.1"));
    redirect = "http://localhost:" + callback.actualPort() + "/callback";
    t = RunningDevTenant.start(Files.readString(RunningDevTenant.DEMO)
        .replace("http://localhost:8765/callback", redirect));
  }

  @AfterAll
  static void stop() {
    if (t != null) {
      t.close();
    }
    if (callback != null) {
      callback.close();
    }
  }

  static String authorizeUrl(String claims) {
    String q = "client_id=" + t.app("Demo CLI").appId() + "&response_type=code&redirect_uri=" + enc(redirect)
        + "&scope=" + enc("openid profile offline_access") + "&state=st-1&nonce=n-1&code_challenge="
        + Browser.s256(VERIFIER) + "&code_challenge_method=S256";
    return t.baseUrl() + "/" + t.tenantId() + "/oauth2/v2.0/authorize?" + q + (claims == null ? ""
        : "&claims=" + enc(claims));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void passwordThenMfaThenTermsThenACodeWhoseTokensCarryMfaAndTheAuthContext() throws Exception {
    received = new CompletableFuture<>();
    String alice = t.user("alice").upn();
    try (Chromium browser = new Chromium()) {
      browser.open(authorizeUrl("{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c2\"}}}"));
      browser.type("#login", alice);
      browser.type("#passwd", t.user("alice").password());
      browser.click("#idSIButton9");
      String code = browser.text("#demo-code code");
      browser.type("#otc", code);
      browser.click("#idSubmit_SAOTCC_Continue");
      assertThat(browser.text("#agreement-text")).contains("Privileged sessions through Sallyport are recorded");
      browser.click("#accept");
      MultiMap params = received.get(20, TimeUnit.SECONDS);
      assertThat(params.get("state")).isEqualTo("st-1");
      assertThat(browser.text("#done")).isEqualTo("signed in");

      MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "authorization_code")
          .add("client_id", t.app("Demo CLI").appId()).add("client_secret", t.app("Demo CLI").secrets().get(0))
          .add("code", params.get("code")).add("redirect_uri", redirect).add("code_verifier", VERIFIER);
      JsonObject tokens = Await.result(t.client().postAbs(t.baseUrl() + "/" + t.tenantId() + "/oauth2/v2.0/token")
          .sendForm(form)).bodyAsJsonObject();
      JsonObject access = Jwt.parse(tokens.getString("access_token")).claims();
      assertThat(access.getJsonArray("amr")).contains("mfa");
      assertThat(access.getJsonArray("acrs")).contains("c2");
      assertThat(Jwt.parse(tokens.getString("id_token")).claims().getString("nonce")).isEqualTo("n-1");
      String agreement = t.scenario().agreements().get(0).id();
      assertThat(t.tenant().context().state().acceptances.find(Acceptance.idFor(agreement, t.user("alice").id())))
          .hasValueSatisfying(a -> assertThat(a.state()).isEqualTo("accepted"));
    }
  }

  @Test
  void aWrongPasswordStaysOnThePageWithEntrasError() throws Exception {
    try (Chromium browser = new Chromium()) {
      browser.open(authorizeUrl(null));
      browser.type("#login", t.user("bob").upn());
      browser.type("#passwd", "not-bobs-password");
      browser.click("#idSIButton9");
      assertThat(browser.text("#error")).contains("AADSTS50126");
      assertThat(browser.url()).startsWith(t.baseUrl());
    }
  }
}
