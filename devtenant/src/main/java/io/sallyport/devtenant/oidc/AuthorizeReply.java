package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.token.TokenIssuer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Answers from the authorize flow: a page, a redirect to the client in its response mode (query,
 * fragment or a self-submitting form_post page), an error on Entra's error page or at the client,
 * and the SSO session cookie.
 */
final class AuthorizeReply {

  static final String SESSION_COOKIE = "ESTSAUTH";

  private final Clock clock;

  AuthorizeReply(Clock clock) {
    this.clock = clock;
  }

  void page(RoutingContext rc, String html) {
    Pages.send(rc, 200, html, null);
  }

  void fail(RoutingContext rc, AuthorizeFailure f) {
    if (f.redirectUri() == null) {
      errorPage(rc, f.error());
      return;
    }
    JsonObject body = f.error().body(clock, rc.request().getHeader("client-request-id"));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", body.getString("error"));
    params.put("error_description", body.getString("error_description"));
    params.put("error_uri", body.getString("error_uri"));
    if (f.state() != null) {
      params.put("state", f.state());
    }
    redirect(rc, f.redirectUri(), f.responseMode(), params);
  }

  void errorPage(RoutingContext rc, EntraError e) {
    Pages.send(rc, 400, Pages.error(e.body(clock, rc.request().getHeader("client-request-id"))), null);
  }

  void redirect(RoutingContext rc, String redirectUri, String mode, Map<String, String> params) {
    if ("form_post".equals(mode)) {
      String nonce = TokenIssuer.random(16);
      Pages.send(rc, 200, Pages.formPost(redirectUri, params, nonce), nonce);
      return;
    }
    StringJoiner encoded = new StringJoiner("&");
    params.forEach((k, v) -> encoded.add(enc(k) + "=" + enc(v)));
    String location = "fragment".equals(mode) ? redirectUri + "#" + encoded
        : redirectUri + (redirectUri.contains("?") ? "&" : "?") + encoded;
    rc.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store, no-cache")
        .end();
  }

  static void setSession(RoutingContext rc, String sessionId) {
    rc.response().addCookie(Cookie.cookie(SESSION_COOKIE, sessionId).setPath("/").setHttpOnly(true).setSecure(true)
        .setSameSite(CookieSameSite.NONE));
  }

  static void clearSession(RoutingContext rc) {
    rc.response().addCookie(Cookie.cookie(SESSION_COOKIE, "").setPath("/").setHttpOnly(true).setSecure(true)
        .setSameSite(CookieSameSite.NONE).setMaxAge(0));
  }

  static String sessionId(RoutingContext rc) {
    Cookie c = rc.request().getCookie(SESSION_COOKIE);
    return c == null || c.getValue().isEmpty() ? null : c.getValue();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
