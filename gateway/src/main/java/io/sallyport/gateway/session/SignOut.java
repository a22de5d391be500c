package io.sallyport.gateway.session;

import io.sallyport.gateway.config.SessionsConfig;
import io.sallyport.gateway.http.Page;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * Signing out. A GET only shows a form: signing someone out is a state change, so it takes a POST
 * that carries the session's CSRF token and, when the browser sends one, an Origin of this gateway
 * (a page elsewhere cannot sign a user out, nor log them into a half-finished state). The POST ends
 * the session everywhere, clears the cookie and sends the browser to Entra's sign-out, which ends
 * the Entra session too and comes back to the signed-out page.
 */
final class SignOut {

  static final int MAX_FORM = 4096;

  private final Sessions sessions;
  private final Supplier<SessionsConfig> config;

  SignOut(Sessions sessions, Supplier<SessionsConfig> config) {
    this.sessions = sessions;
    this.config = config;
  }

  void handle(HttpServerRequest req, SignInFlow.Tenant t, String requestId) {
    Future<LiveSession> found = sessions.ofRequest(req);
    if (req.method() == HttpMethod.GET || req.method() == HttpMethod.HEAD) {
      found.onComplete(ar -> confirm(req, ar.succeeded() ? ar.result() : null, requestId));
      return;
    }
    if (req.method() != HttpMethod.POST) {
      req.response().putHeader("allow", "GET, POST");
      new Page(405, "Not allowed", List.of("Use the sign-out button."), null, requestId).send(req.response());
      return;
    }
    req.pause();
    found.onComplete(ar -> {
      if (ar.failed()) {
        req.resume();
        SignInFlow.fail(req, 503, "Sign-out is unavailable", "Try again shortly.", requestId);
        return;
      }
      LiveSession s = ar.result();
      form(req).onComplete(far -> {
        if (far.failed()) {
          new Page(400, "Sign-out not accepted", List.of(far.cause().getMessage()), null, requestId)
              .send(req.response());
          return;
        }
        post(req, t, s, far.result(), requestId);
      });
      req.resume();
    });
  }

  private void post(HttpServerRequest req, SignInFlow.Tenant t, LiveSession s, MultiMap form, String requestId) {
    String origin = req.headers().get("origin");
    if (origin != null && !origin.equals(SignInFlow.origin(req))) {
      refuse(req, "The sign-out came from another site (" + origin + ") and was refused.", requestId);
      return;
    }
    if (s == null) {
      clearAndGo(req, "/.sallyport/signed-out");
      return;
    }
    if (!Randoms.same(s.csrf(), form.get("csrf"))) {
      refuse(req, "The sign-out form was not the one Sallyport gave you, so it was refused.", requestId);
      return;
    }
    String back = postLogout(req);
    sessions.end(s, "signed_out", requestId)
        .compose(v -> t.oidc().endSessionUrl(s.idToken(), back))
        .onComplete(ar -> clearAndGo(req, ar.succeeded() && ar.result() != null ? ar.result() : back));
  }

  private String postLogout(HttpServerRequest req) {
    URI configured = config.get().postLogoutRedirectUri();
    return configured != null ? configured.toString() : SignInFlow.origin(req) + "/.sallyport/signed-out";
  }

  private static void clearAndGo(HttpServerRequest req, String location) {
    req.response().putHeader("set-cookie", SessionCookie.clear(SignInFlow.cookie(req, SessionCookie.SESSION)));
    SignInFlow.redirect(req, location);
  }

  private static void confirm(HttpServerRequest req, LiveSession s, String requestId) {
    if (s == null) {
      new Page(200, "You are signed out", List.of("There is no Sallyport session in this browser."),
          "<p><a href=\"/.sallyport/login\">Sign in</a></p>", requestId).send(req.response());
      return;
    }
    String who = s.upn() != null ? s.upn() : s.oid();
    new Page(200, "Sign out", List.of("You are signed in as " + who + ".",
        "Signing out ends this session and your organization's sign-in in this browser."),
        "<form method=\"post\" action=\"/.sallyport/logout\"><input type=\"hidden\" name=\"csrf\" value=\""
            + Page.escape(s.csrf()) + "\"><button type=\"submit\" id=\"sign-out\">Sign out</button></form>",
        requestId).send(req.response());
  }

  private static void refuse(HttpServerRequest req, String why, String requestId) {
    new Page(403, "Sign-out refused", List.of(why, "Use the sign-out button on the sign-out page."),
        "<p><a href=\"/.sallyport/logout\">Go to the sign-out page</a></p>", requestId).send(req.response());
  }

  /** The urlencoded form body, at most {@link #MAX_FORM} bytes. */
  private static Future<MultiMap> form(HttpServerRequest req) {
    String type = req.headers().get("content-type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return Future.failedFuture("expected a form (application/x-www-form-urlencoded)");
    }
    io.vertx.core.Promise<MultiMap> p = io.vertx.core.Promise.promise();
    Buffer body = Buffer.buffer();
    req.handler(chunk -> {
      if (body.length() + chunk.length() > MAX_FORM) {
        p.tryFail("the form is larger than " + MAX_FORM + " bytes");
        return;
      }
      body.appendBuffer(chunk);
    });
    req.exceptionHandler(p::tryFail);
    req.endHandler(v -> {
      MultiMap m = MultiMap.caseInsensitiveMultiMap();
      for (String pair : body.toString(java.nio.charset.StandardCharsets.US_ASCII).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          try {
            m.add(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            p.tryFail("the form is not valid urlencoded text");
            return;
          }
        }
      }
      p.tryComplete(m);
    });
    return p.future();
  }
}
