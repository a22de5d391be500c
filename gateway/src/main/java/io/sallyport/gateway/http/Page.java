package io.sallyport.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;

/**
 * A page the gateway shows a person itself (deny, sign-in errors, sign-out). Every value is escaped
 * here, the page runs no script and loads nothing ({@code default-src 'none'}), cannot be framed,
 * is never cached and sends no Referer onward.
 *
 * @param title    heading and title, plain text
 * @param lines    paragraphs, plain text
 * @param action   an optional form or link block, already-safe HTML built with {@link #escape}
 */
public record Page(int status, String title, java.util.List<String> lines, String action, String requestId) {

  private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto;"
      + "padding:0 1em;color:#1b1b1b}h1{font-size:1.4em}code{background:#f3f3f3;padding:0 .2em}"
      + ".id{color:#666;font-size:.85em}button,a.button{font:inherit;padding:.4em 1em}";

  public Future<Void> send(HttpServerResponse resp) {
    if (resp.headWritten() || resp.ended() || resp.closed()) {
      return Future.succeededFuture();
    }
    StringBuilder b = new StringBuilder(1024).append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
        .append(escape(title)).append(" · Sallyport</title><style>").append(STYLE).append("</style></head><body><h1>")
        .append(escape(title)).append("</h1>");
    for (String line : lines) {
      b.append("<p>").append(escape(line)).append("</p>");
    }
    if (action != null) {
      b.append(action);
    }
    if (requestId != null) {
      b.append("<p class=\"id\">Request id: <code>").append(escape(requestId))
          .append("</code>. Give it to your administrator if you ask for help.</p>");
    }
    b.append("</body></html>");
    resp.setStatusCode(status);
    headers(resp);
    if (requestId != null) {
      resp.headers().set("x-request-id", requestId);
    }
    return resp.end(b.toString());
  }

  /** The headers every gateway page carries. */
  public static void headers(HttpServerResponse resp) {
    resp.headers().set("content-type", "text/html; charset=utf-8")
        .set("cache-control", "no-store")
        .set("x-content-type-options", "nosniff")
        .set("x-frame-options", "DENY")
        .set("referrer-policy", "same-origin") // no-referrer would make the sign-out form post "Origin: null"
        // no form-action: browsers apply it to the redirects after a post too, and sign-out goes on to
        // Entra's origin (the pages carry nothing a client supplied unescaped, so it adds nothing)
        .set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline';"
            + " frame-ancestors 'none'; base-uri 'none'");
  }

  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return b.toString();
  }
}
