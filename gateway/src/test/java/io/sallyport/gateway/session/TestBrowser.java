package io.sallyport.gateway.session;

import io.sallyport.gateway.ItSupport;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as far as sign-in needs one, without JavaScript: devtenant's pages through a cookie
 * session, the gateway with a cookie jar of its own (its cookies are Secure and the gateway here is
 * http on loopback, which real browsers allow and Vert.x's cookie store does not), redirects followed
 * by hand so each hop can be inspected.
 */
public final class TestBrowser {

  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
  private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DEMO_CODE = Pattern.compile("devtenant demo code: <code>(\\d{6})</code>");

  final WebClientSession idp;
  final WebClient plain;
  final int gatewayPort;
  public final Map<String, String> jar = new LinkedHashMap<>();

  public TestBrowser(Vertx vertx, String caPem, int gatewayPort) {
    this.idp = WebClientSession.create(WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(caPem)))));
    this.plain = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    this.gatewayPort = gatewayPort;
  }

  public String gateway(String path) {
    return "http://127.0.0.1:" + gatewayPort + path;
  }

  public HttpResponse<Buffer> get(String url) {
    return send(HttpMethod.GET, url, null);
  }

  public HttpResponse<Buffer> post(String url, MultiMap form, Map<String, String> headers) {
    return send(HttpMethod.POST, url, form, headers);
  }

  public HttpResponse<Buffer> send(HttpMethod method, String url, MultiMap form) {
    return send(method, url, form, Map.of());
  }

  public HttpResponse<Buffer> send(HttpMethod method, String url, MultiMap form, Map<String, String> headers) {
    URI u = URI.create(url);
    if (u.getPort() == gatewayPort) {
      HttpRequest<Buffer> r = plain.requestAbs(method, url).putHeader("accept", "text/html,application/xhtml+xml");
      if (!jar.isEmpty()) {
        StringBuilder c = new StringBuilder();
        jar.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        r.putHeader("cookie", c.toString());
      }
      headers.forEach(r::putHeader);
      HttpResponse<Buffer> resp = ItSupport.await(form == null ? r.send() : r.sendForm(form));
      for (String sc : resp.headers().getAll("set-cookie")) {
        String pair = sc.substring(0, sc.indexOf(';'));
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (value.isEmpty() || sc.contains("Max-Age=0")) {
          jar.remove(name);
        } else {
          jar.put(name, value);
        }
      }
      return resp;
    }
    HttpRequest<Buffer> r = idp.requestAbs(method, url);
    return ItSupport.await(form == null ? r.send() : r.sendForm(form));
  }

  /** Follows redirects from {@code r} until a non-redirect, at most 10 hops. */
  public HttpResponse<Buffer> follow(HttpResponse<Buffer> r) {
    for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
      r = get(location(r));
    }
    return r;
  }

  /** Follows redirects while they stay on {@code host:port} prefixes other than {@code until}. */
  public HttpResponse<Buffer> followUntil(HttpResponse<Buffer> r, String untilPrefix) {
    for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
      String next = location(r);
      if (next.startsWith(untilPrefix)) {
        return r;
      }
      r = get(next);
    }
    return r;
  }

  public String location(HttpResponse<Buffer> r) {
    String l = r.getHeader("location");
    if (l == null) {
      throw new AssertionError("no Location on " + r.statusCode() + ": " + r.bodyAsString());
    }
    return l.startsWith("/") ? gateway(l) : l;
  }

  /** Posts the page's first form with its hidden fields plus {@code fields}. */
  public HttpResponse<Buffer> submit(HttpResponse<Buffer> page, String base, Map<String, String> fields) {
    String html = page.bodyAsString();
    Matcher a = ACTION.matcher(html);
    if (!a.find()) {
      throw new AssertionError("no form on the page (" + page.statusCode() + "): " + html);
    }
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    Matcher h = HIDDEN.matcher(html);
    while (h.find()) {
      form.set(unescape(h.group(1)), unescape(h.group(2)));
    }
    fields.forEach(form::set);
    String action = unescape(a.group(1));
    return send(HttpMethod.POST, action.startsWith("/") ? base + action : action, form);
  }

  /**
   * Completes devtenant's pages from its sign-in page: password, then the MFA step if it asks.
   *
   * @return the redirect back to the gateway's callback
   */
  public HttpResponse<Buffer> signInAtIdp(HttpResponse<Buffer> loginPage, String base, String upn, String password) {
    HttpResponse<Buffer> r = submit(loginPage, base, Map.of("login", upn, "passwd", password));
    return mfaIfAsked(r, base);
  }

  public HttpResponse<Buffer> mfaIfAsked(HttpResponse<Buffer> r, String base) {
    if (r.statusCode() == 200 && r.bodyAsString().contains("id=\"otc\"")) {
      Matcher m = DEMO_CODE.matcher(r.bodyAsString());
      if (!m.find()) {
        throw new AssertionError("MFA page without the demo code: " + r.bodyAsString());
      }
      r = submit(r, base, Map.of("otc", m.group(1)));
    }
    return r;
  }

  public static boolean mfaPage(HttpResponse<Buffer> r) {
    return r.statusCode() == 200 && r.bodyAsString().contains("id=\"otc\"");
  }

  public static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
