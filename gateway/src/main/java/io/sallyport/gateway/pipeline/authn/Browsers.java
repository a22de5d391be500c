package io.sallyport.gateway.pipeline.authn;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Telling a person at a browser from a program, and where to send that person to sign in. */
public final class Browsers {

  public static final String SIGN_IN_PATH = "/.sallyport/login";

  private Browsers() {}

  /**
   * A top-level page load: GET or HEAD asking for HTML (or a navigation, as the browser itself says).
   * Only those are redirected to sign in; an API call or a script's fetch gets a status it can act on.
   */
  public static boolean navigation(HttpServerRequest req) {
    if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
      return false;
    }
    String mode = req.headers().get("sec-fetch-mode");
    if (mode != null) {
      return mode.equals("navigate");
    }
    String accept = req.headers().get("accept");
    return accept != null && accept.contains("text/html");
  }

  /** True when the client would rather read a page than JSON (deny pages). */
  public static boolean wantsHtml(HttpServerRequest req) {
    String accept = req.headers().get("accept");
    return accept != null && accept.contains("text/html");
  }

  /**
   * The sign-in URL for this request: back to the same path afterwards (same origin by construction),
   * asking Entra for an auth context and/or a fresh sign-in when a step-up needs them.
   *
   * @param authContext  cN to ask for, or null
   * @param maxAge       seconds, or -1
   */
  public static String signIn(HttpServerRequest req, String path, String authContext, long maxAge) {
    String back = req.query() == null ? path : path + "?" + req.query();
    StringBuilder b = new StringBuilder(SIGN_IN_PATH).append("?rd=").append(URLEncoder.encode(back, StandardCharsets.UTF_8));
    if (authContext != null) {
      b.append("&acr=").append(authContext);
    }
    if (maxAge >= 0) {
      b.append("&max_age=").append(maxAge);
    }
    return b.toString();
  }
}
