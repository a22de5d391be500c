package io.sallyport.gateway.session;

import io.sallyport.gateway.config.SessionsConfig;
import io.sallyport.gateway.config.TenantConfig;
import io.sallyport.gateway.entra.oidc.TokenRejected;
import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.entra.oidc.VerifiedTokenCache;
import io.sallyport.gateway.http.Page;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in round trip. {@code /.sallyport/login} stores a pending sign-in (state, nonce, PKCE
 * verifier, where to return), sets the sign-in cookie and sends the browser to Entra; the callback
 * takes the pending sign-in by that cookie (once), checks {@code state}, redeems the code, checks
 * the ID token's nonce and the access token, then opens a new session under a new id and returns
 * to the saved same-origin path. Nothing the callback trusts comes from its query but the code.
 */
final class SignInFlow {

  private static final Logger LOG = LoggerFactory.getLogger(SignInFlow.class);
  private static final Pattern AUTH_CONTEXT = Pattern.compile("c([1-9]|[1-9][0-9])");
  private static final Pattern MAX_AGE = Pattern.compile("[0-9]{1,7}");

  /** The tenant's pieces a sign-in needs, as of this request. */
  record Tenant(TenantConfig config, OidcClient oidc, VerifiedTokenCache tokens) {}

  private final Sessions sessions;
  private final Supplier<SessionsConfig> config;
  private final Clock clock;
  private final Randoms randoms;

  SignInFlow(Sessions sessions, Supplier<SessionsConfig> config, Clock clock, Randoms randoms) {
    this.sessions = sessions;
    this.config = config;
    this.clock = clock;
    this.randoms = randoms;
  }

  void begin(HttpServerRequest req, Tenant t, String requestId) {
    String returnTo = ReturnTo.safe(req.getParam("rd"));
    Map<String, String> extra = new HashMap<>();
    String acr = req.getParam("acr");
    if (acr != null && AUTH_CONTEXT.matcher(acr).matches()) {
      // Microsoft's documented claims request for an authentication context
      extra.put("claims", "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"" + acr + "\"}}}");
    }
    String maxAge = req.getParam("max_age");
    if (maxAge != null && MAX_AGE.matcher(maxAge).matches()) {
      extra.put("max_age", maxAge);
    }
    String redirectUri = redirectUri(req);
    PendingSignIn p = new PendingSignIn(randoms.next(), t.config().id(), randoms.next(), randoms.next(),
        randoms.next(), returnTo, redirectUri, PendingSignIn.asked(extra.containsKey("claims") ? acr : null,
        extra.get("max_age")));
    List<String> scopes = t.oidc().scopes();
    sessions.begin(p)
        .compose(v -> t.oidc().authorizeUrl(redirectUri, scopes, p.state(), p.nonce(), p.verifier(), extra))
        .onComplete(ar -> {
          if (ar.failed()) {
            LOG.warn("sign-in could not start: {}", ar.cause().toString());
            fail(req, 503, "Sign-in is unavailable", "Sallyport cannot reach your organization's sign-in service"
                + " right now. Try again in a minute.", requestId);
            return;
          }
          req.response().putHeader("set-cookie", SessionCookie.set(cookie(req, SessionCookie.SIGN_IN), p.id(),
              PendingSignIn.LIFETIME));
          redirect(req, ar.result());
        });
  }

  void callback(HttpServerRequest req, Tenant t, String requestId) {
    String pendingId = SessionCookie.value(req, cookie(req, SessionCookie.SIGN_IN));
    if (!Randoms.wellFormed(pendingId)) {
      restart(req, "This sign-in was not started in this browser, or it expired.", requestId);
      return;
    }
    req.response().putHeader("set-cookie", SessionCookie.clear(cookie(req, SessionCookie.SIGN_IN)));
    sessions.take(pendingId).onComplete(ar -> {
      if (ar.failed()) {
        fail(req, 503, "Sign-in is unavailable", "Sallyport could not finish the sign-in; try again shortly.",
            requestId);
        return;
      }
      PendingSignIn p = ar.result();
      if (p == null || !p.tenantId().equals(t.config().id())) {
        restart(req, "This sign-in expired or was already used.", requestId);
        return;
      }
      if (!Randoms.same(p.state(), req.getParam("state"))) {
        // not the answer to the sign-in this browser started: a forged or swapped callback
        fail(req, 400, "Sign-in not accepted", "The answer from the sign-in service does not belong to the"
            + " sign-in this browser started, so it was refused. Start again.", requestId);
        return;
      }
      String error = req.getParam("error");
      if (error != null) {
        String description = req.getParam("error_description");
        fail(req, 403, "Sign-in did not complete", "Your organization's sign-in service answered: " + clip(error)
            + (description == null ? "" : " — " + clip(description)), requestId);
        return;
      }
      String code = req.getParam("code");
      if (code == null || code.isEmpty()) {
        fail(req, 400, "Sign-in not accepted", "The answer from the sign-in service carried no code.", requestId);
        return;
      }
      finish(req, t, p, code, requestId);
    });
  }

  private void finish(HttpServerRequest req, Tenant t, PendingSignIn p, String code, String requestId) {
    t.oidc().redeem(code, p.redirectUri(), p.verifier())
        .compose(tokens -> t.tokens().verifier().verifyIdToken(tokens.idToken(), t.config().clientId(), p.nonce())
            .compose(id -> t.tokens().verify(tokens.accessToken()).map(access -> open(t, p, tokens, id, access))))
        .compose(opened -> replaceOld(req).compose(v -> sessions.open(opened.session(), requestId, new JsonObject()
            .put("amr", opened.access().amr()).put("acrs", opened.access().acrs())
            .put("clientIp", req.remoteAddress() == null ? null : req.remoteAddress().hostAddress()))))
        .onComplete(ar -> {
          if (ar.failed()) {
            Throwable c = ar.cause();
            LOG.info("sign-in refused: {}", c instanceof TokenRejected r ? r.reason() + " " + r.detail() : c.toString());
            if (c instanceof OidcClient.GrantRefused || c instanceof TokenRejected) {
              fail(req, 400, "Sign-in not accepted", "The sign-in could not be completed ("
                  + (c instanceof TokenRejected r ? r.reason() : "the code was refused") + "). Start again.", requestId);
            } else {
              fail(req, 503, "Sign-in is unavailable", "Sallyport could not finish the sign-in; try again shortly.",
                  requestId);
            }
            return;
          }
          LiveSession s = ar.result();
          req.response().headers().add("set-cookie", SessionCookie.set(cookie(req, SessionCookie.SESSION), s.id(),
              Duration.between(clock.instant(), s.absoluteExpiresAt())));
          redirect(req, p.returnTo());
        });
  }

  /** A new sign-in in a browser that has a session ends that session: one id per sign-in, never reused. */
  private Future<Void> replaceOld(HttpServerRequest req) {
    String old = SessionCookie.value(req, cookie(req, SessionCookie.SESSION));
    if (!Randoms.wellFormed(old)) {
      return Future.succeededFuture();
    }
    return sessions.find(old).compose(s -> s == null ? Future.succeededFuture()
        : sessions.end(s, "replaced", null).<Void>mapEmpty()).otherwiseEmpty();
  }

  private record Opened(LiveSession session, VerifiedToken access) {}

  private Opened open(Tenant t, PendingSignIn p, OidcClient.Tokens tokens, JsonObject id, VerifiedToken access) {
    if (!access.tenantId().equals(t.config().id()) || access.oid() == null
        || !access.oid().equals(id.getString("oid"))) {
      throw new TokenRejected(TokenRejected.TYPE, "the access token is not for the user who signed in");
    }
    String upn = access.upn() != null ? access.upn() : id.getString("preferred_username");
    LiveSession draft = new LiveSession(randoms.next(), LiveSession.userKey(upn, access.oid()), access.tenantId(),
        access.oid(), access.name() != null ? access.name() : id.getString("name"), upn, tokens.accessToken(),
        tokens.refreshToken(), tokens.idToken(), access.expiresAt(), randoms.next(), clock.instant(), clock.instant(),
        clock.instant(), clock.instant(), 0, p.asked());
    return new Opened(sessions.limits(draft, clock.instant()), access);
  }

  /** The redirect URI: configured, else this request's own origin (Entra checks it is registered). */
  String redirectUri(HttpServerRequest req) {
    URI configured = config.get().redirectUri();
    return configured != null ? configured.toString() : origin(req) + SessionsConfig.CALLBACK_PATH;
  }

  static String origin(HttpServerRequest req) {
    return (req.isSSL() ? "https" : "http") + "://" + req.authority();
  }

  static String cookie(HttpServerRequest req, String base) {
    return SessionCookie.name(base, req.isSSL());
  }

  static void redirect(HttpServerRequest req, String location) {
    req.response().setStatusCode(302).putHeader("location", location).putHeader("cache-control", "no-store")
        .putHeader("referrer-policy", "no-referrer").end();
  }

  private static void restart(HttpServerRequest req, String why, String requestId) {
    new Page(400, "Sign-in expired", List.of(why, "Start again from the page you wanted."),
        "<p><a href=\"/.sallyport/login\">Sign in again</a></p>", requestId).send(req.response());
  }

  static void fail(HttpServerRequest req, int status, String title, String line, String requestId) {
    new Page(status, title, List.of(line), "<p><a href=\"/.sallyport/login\">Sign in again</a></p>", requestId)
        .send(req.response());
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
