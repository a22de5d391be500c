package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.harness.Await;
import io.sallyport.devtenant.harness.RunningDevTenant;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client that signs in the way a browser without JavaScript would: it keeps cookies,
 * reads the forms devtenant's pages hold and posts them back. Also the small helpers the identity
 * tests share (authorize URLs, token requests, JWT payloads, PKCE).
 */
final class Browser {

  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
  private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");

  final RunningDevTenant t;
  final WebClientSession web;

  Browser(RunningDevTenant t) {
    this.t = t;
    this.web = WebClientSession.create(t.client());
  }

  HttpResponse<Buffer> get(String url) {
    return Await.result(web.getAbs(url).send());
  }

  /** Posts the page's (first) form with its hidden fields plus {@code fields}. */
  HttpResponse<Buffer> submit(HttpResponse<Buffer> page, Map<String, String> fields) {
    String html = page.bodyAsString();
    Matcher a = ACTION.matcher(html);
    if (!a.find()) {
      throw new AssertionError("no form on the page: " + html);
    }
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    Matcher h = HIDDEN.matcher(html);
    while (h.find()) {
      form.set(unescape(h.group(1)), unescape(h.group(2)));
    }
    fields.forEach(form::set);
    return Await.result(web.postAbs(unescape(a.group(1))).sendForm(form));
  }

  String authorizeUrl(Map<String, String> params) {
    return t.baseUrl() + "/" + t.tenantId() + "/oauth2/v2.0/authorize?" + encode(params);
  }

  /** Signs in with a password from an authorize URL; returns the response after the password step. */
  HttpResponse<Buffer> signIn(String authorizeUrl, String upn, String password) {
    HttpResponse<Buffer> page = get(authorizeUrl);
    if (page.statusCode() != 200) {
      throw new AssertionError("authorize answered " + page.statusCode() + ": " + page.bodyAsString());
    }
    return submit(page, Map.of("login", upn, "passwd", password));
  }

  static String demoCode(HttpResponse<Buffer> mfaPage) {
    Matcher m = Pattern.compile("devtenant demo code: <code>(\\d{6})</code>").matcher(mfaPage.bodyAsString());
    if (!m.find()) {
      throw new AssertionError("not the MFA page: " + mfaPage.bodyAsString());
    }
    return m.group(1);
  }

  static Map<String, String> redirectParams(HttpResponse<Buffer> r) {
    if (r.statusCode() != 302) {
      throw new AssertionError("expected a redirect, got " + r.statusCode() + ": " + r.bodyAsString());
    }
    URI uri = URI.create(r.getHeader("Location"));
    Map<String, String> out = new LinkedHashMap<>();
    String q = uri.getRawQuery() != null ? uri.getRawQuery() : uri.getRawFragment();
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  HttpResponse<Buffer> token(Map<String, String> form) {
    return token(t.tenantId(), form, null);
  }

  HttpResponse<Buffer> token(String tenant, Map<String, String> form, String clientRequestId) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    form.forEach(m::set);
    var req = t.client().postAbs(t.baseUrl() + "/" + tenant + "/oauth2/v2.0/token");
    if (clientRequestId != null) {
      req.putHeader("client-request-id", clientRequestId);
    }
    return Await.result(req.sendForm(m));
  }

  static JsonObject payload(String jwt) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String encode(Map<String, String> params) {
    StringJoiner j = new StringJoiner("&");
    params.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
