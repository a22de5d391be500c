package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.http.EntraError;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.TokenIssuer;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /{tenant}/oauth2/v2.0/authorize} and the sign-in form posts behind it. A valid request
 * opens a server-side transaction (10 minutes); a usable SSO session skips the password unless
 * {@code prompt=login} or {@code max_age} says otherwise; then {@link SignInSteps} runs MFA and
 * terms of use as Conditional Access demands and issues the code.
 */
final class AuthorizeRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizeRoutes.class);

  private final Context ctx;
  private final GrantStore store;
  private final AuthorizeReply reply;
  private final SignInSteps steps;

  AuthorizeRoutes(Context ctx, GrantStore store, DemoMfa mfa) {
    this.ctx = ctx;
    this.store = store;
    this.reply = new AuthorizeReply(ctx.clock());
    this.steps = new SignInSteps(ctx, store, mfa, reply);
  }

  void mount(Router router) {
    router.route("/:tenant/oauth2/v2.0/authorize").handler(page(this::authorize));
    router.post("/:tenant/login").handler(page(this::password));
    router.post("/:tenant/login/mfa").handler(page(rc -> steps.mfaAnswer(rc, transaction(rc))));
    router.post("/:tenant/login/terms").handler(page(rc -> steps.termsAnswer(rc, transaction(rc))));
  }

  private Handler<RoutingContext> page(Handler<RoutingContext> h) {
    return rc -> {
      try {
        h.handle(rc);
      } catch (AuthorizeFailure f) {
        reply.fail(rc, f);
      } catch (EntraError e) {
        reply.errorPage(rc, e);
      } catch (RuntimeException e) {
        LOG.error("sign-in step {} failed", rc.request().path(), e);
        reply.errorPage(rc, new EntraError("server_error", 90000, "An unexpected error occurred on the server."));
      }
    };
  }

  private void authorize(RoutingContext rc) {
    TenantRef tenant = TenantRef.resolve(rc.pathParam("tenant"), ctx.state().info());
    AuthorizeRequest req = AuthorizeRequest.parse(n -> Replies.param(rc, n), tenant, ctx.state());
    Instant now = ctx.clock().instant();
    SignInTransaction tx = new SignInTransaction(TokenIssuer.random(24), TokenIssuer.random(32), req, null, null, 0,
        now.plus(GrantStore.TRANSACTION_LIFETIME));
    GrantStore.Session session = usableSession(rc, req, now);
    if (session != null) {
      steps.proceed(rc, store.transactions.put(tx.id(), tx.signedIn(session.userId(), session.id())));
      return;
    }
    if (req.promptIs("none")) {
      throw AuthorizeFailure.redirect(req, new EntraError("login_required", 50058, "A silent sign-in request was"
          + " sent but no user is signed in. The cookies used to represent the user's session were not sent in the"
          + " request to Azure AD."));
    }
    store.transactions.put(tx.id(), tx);
    reply.page(rc, Pages.signIn(steps.action(tx, ""), tx, req.loginHint(), null));
  }

  private GrantStore.Session usableSession(RoutingContext rc, AuthorizeRequest req, Instant now) {
    GrantStore.Session s = store.sessions.get(AuthorizeReply.sessionId(rc)).orElse(null);
    if (s == null || req.promptIs("login")) {
      return null;
    }
    if (req.maxAge() != null && now.getEpochSecond() - s.authTime().getEpochSecond() > req.maxAge()) {
      return null;
    }
    User user = ctx.state().users.find(s.userId()).orElse(null);
    if (user == null || !user.accountEnabled() || user.revokes(s.authTime())) {
      return null;
    }
    // A hint naming someone else is Entra's account picker; devtenant asks for that account's password.
    return req.loginHint() == null || req.loginHint().equalsIgnoreCase(user.upn()) ? s : null;
  }

  private void password(RoutingContext rc) {
    SignInTransaction tx = transaction(rc);
    String login = Replies.param(rc, "login");
    String password = rc.request().getFormAttribute("passwd");
    User user = login == null ? null : ctx.state().userByIdOrUpn(login).filter(u -> u.upn().equalsIgnoreCase(login))
        .orElse(null);
    if (user == null || password == null || !MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
        user.password().getBytes(StandardCharsets.UTF_8))) {
      SignInTransaction failed = store.transactions.put(tx.id(), tx.failed());
      if (failed.failures() >= SignInTransaction.MAX_FAILURES) {
        store.transactions.remove(tx.id());
        throw AuthorizeFailure.page(new EntraError("invalid_grant", 50053, "Your account is locked because you've"
            + " tried to sign in too many times with an incorrect user ID or password."));
      }
      String message = user == null
          ? "AADSTS50034: We couldn't find an account with that username."
          : "AADSTS50126: Your account or password is incorrect. If you don't remember your password, reset it now.";
      reply.page(rc, Pages.signIn(steps.action(tx, ""), failed, login, message));
      return;
    }
    if (!user.accountEnabled()) {
      store.transactions.remove(tx.id());
      throw AuthorizeFailure.page(SignInSteps.disabled());
    }
    Instant now = ctx.clock().instant();
    GrantStore.Session session = new GrantStore.Session(TokenIssuer.random(24), user.id(), now, null,
        now.plus(GrantStore.SESSION_LIFETIME));
    store.sessions.put(session.id(), session);
    AuthorizeReply.setSession(rc, session.id());
    steps.proceed(rc, store.transactions.put(tx.id(), tx.signedIn(user.id(), session.id())));
  }

  /** The transaction a form names, if its anti-forgery token matches and it has not expired. */
  private SignInTransaction transaction(RoutingContext rc) {
    TenantRef.resolve(rc.pathParam("tenant"), ctx.state().info());
    SignInTransaction tx = store.transactions.get(Replies.param(rc, "ctx")).orElse(null);
    String token = rc.request().getFormAttribute("flowToken");
    if (tx == null || token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
        tx.csrf().getBytes(StandardCharsets.US_ASCII))) {
      throw AuthorizeFailure.page(SignInSteps.expired());
    }
    return tx;
  }
}
