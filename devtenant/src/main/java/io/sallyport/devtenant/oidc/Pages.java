package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.state.Agreement;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * devtenant's sign-in pages, rendered on the server as plain HTML forms so a headless browser or an
 * HTTP client that follows forms can sign in with no JavaScript. Every value is HTML-escaped; every
 * form carries the transaction ({@code ctx}) and its anti-forgery token ({@code flowToken}), the
 * names Entra's own pages use, as do {@code login}, {@code passwd} and {@code otc}.
 */
final class Pages {

  private Pages() {}

  static String signIn(String action, SignInTransaction tx, String login, String error) {
    return layout("Sign in to your account", errorBlock(error)
        + "<form method=\"post\" action=\"" + esc(action) + "\">" + hidden(tx)
        + "<label for=\"login\">Email, phone, or Skype</label>"
        + "<input type=\"email\" id=\"login\" name=\"login\" autocomplete=\"username\" required value=\""
        + esc(login == null ? "" : login) + "\">"
        + "<label for=\"passwd\">Password</label>"
        + "<input type=\"password\" id=\"passwd\" name=\"passwd\" autocomplete=\"current-password\" required>"
        + "<button type=\"submit\" id=\"idSIButton9\">Sign in</button></form>"
        + "<p class=\"hint\">Signing in to " + esc(tx.request().client().name()) + " on devtenant.</p>");
  }

  static String mfa(String action, SignInTransaction tx, String upn, String demoCode, String error) {
    return layout("Enter code", errorBlock(error)
        + "<p>Enter the code displayed in your authenticator app for <b>" + esc(upn) + "</b>.</p>"
        + "<form method=\"post\" action=\"" + esc(action) + "\">" + hidden(tx)
        + "<label for=\"otc\">Code</label>"
        + "<input type=\"text\" id=\"otc\" name=\"otc\" inputmode=\"numeric\" autocomplete=\"one-time-code\""
        + " pattern=\"[0-9]{6}\" required>"
        + "<button type=\"submit\" id=\"idSubmit_SAOTCC_Continue\">Verify</button></form>"
        + "<p class=\"hint\" id=\"demo-code\">devtenant demo code: <code>" + esc(demoCode) + "</code>"
        + " (devtenant stands in for the authenticator app and shows the current code here)</p>");
  }

  static String terms(String action, SignInTransaction tx, Agreement agreement, String error) {
    return layout(agreement.displayName(), errorBlock(error)
        + "<p>To access this resource you must accept the terms of use.</p>"
        + "<pre id=\"agreement-text\">" + esc(agreement.text() == null ? "" : agreement.text()) + "</pre>"
        + "<form method=\"post\" action=\"" + esc(action) + "\">" + hidden(tx)
        + "<input type=\"hidden\" name=\"agreementId\" value=\"" + esc(agreement.id()) + "\">"
        + "<button type=\"submit\" name=\"action\" value=\"accept\" id=\"accept\">Accept</button>"
        + "<button type=\"submit\" name=\"action\" value=\"decline\" id=\"decline\">Decline</button></form>");
  }

  /** Entra's error page: the AADSTS message and the troubleshooting details. */
  static String error(JsonObject body) {
    return layout("Sign in", "<p>Sorry, but we're having trouble signing you in.</p>"
        + "<p class=\"error\" id=\"error-code\">" + esc(body.getString("error_description").split("\r\n")[0]) + "</p>"
        + "<dl><dt>Error</dt><dd id=\"error\">" + esc(body.getString("error")) + "</dd>"
        + "<dt>Request Id</dt><dd>" + esc(body.getString("trace_id")) + "</dd>"
        + "<dt>Correlation Id</dt><dd>" + esc(body.getString("correlation_id")) + "</dd>"
        + "<dt>Timestamp</dt><dd>" + esc(body.getString("timestamp")) + "</dd></dl>");
  }

  static String signedOut() {
    return layout("You signed out of your account",
        "<p id=\"signed-out\">It's a good idea to close all browser windows.</p>");
  }

  /** response_mode=form_post: a form that submits itself, with a button for browsers without scripts. */
  static String formPost(String redirectUri, Map<String, String> params, String scriptNonce) {
    StringBuilder inputs = new StringBuilder();
    params.forEach((k, v) -> inputs.append("<input type=\"hidden\" name=\"").append(esc(k)).append("\" value=\"")
        .append(esc(v)).append("\">"));
    return "<!DOCTYPE html><html><head><title>Working...</title></head><body>"
        + "<form method=\"POST\" name=\"hiddenform\" action=\"" + esc(redirectUri) + "\">" + inputs
        + "<noscript><p>Script is disabled. Click Submit to continue.</p><input type=\"submit\" value=\"Submit\">"
        + "</noscript></form><script nonce=\"" + scriptNonce + "\">document.forms[0].submit();</script>"
        + "</body></html>";
  }

  static void send(RoutingContext rc, int status, String html, String scriptNonce) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store, no-cache").putHeader("Pragma", "no-cache")
        .putHeader("X-Frame-Options", "DENY").putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'"
            + (scriptNonce == null ? "" : "; script-src 'nonce-" + scriptNonce + "'"))
        .end(html);
  }

  private static String hidden(SignInTransaction tx) {
    return "<input type=\"hidden\" name=\"ctx\" value=\"" + esc(tx.id()) + "\">"
        + "<input type=\"hidden\" name=\"flowToken\" value=\"" + esc(tx.csrf()) + "\">";
  }

  private static String errorBlock(String error) {
    return error == null ? "" : "<p class=\"error\" id=\"error\" role=\"alert\">" + esc(error) + "</p>";
  }

  private static String layout(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
        + "body{font-family:system-ui,sans-serif;background:#f2f2f2;margin:0}"
        + "main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem;box-shadow:0 2px 6px #0003}"
        + "label{display:block;margin-top:1rem}input{width:100%;padding:.4rem;box-sizing:border-box}"
        + "button{margin-top:1.2rem;margin-right:.5rem;padding:.4rem 1.5rem;background:#0067b8;color:#fff;border:0}"
        + ".error{color:#e81123}.hint{color:#555;font-size:.85rem}pre{white-space:pre-wrap}"
        + "</style></head><body><main><h1>" + esc(title) + "</h1>" + body
        + "<p class=\"hint\">devtenant: a local stand-in for Microsoft Entra ID</p></main></body></html>";
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
