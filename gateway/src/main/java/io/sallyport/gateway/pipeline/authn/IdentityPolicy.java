package io.sallyport.gateway.pipeline.authn;

import io.sallyport.gateway.pipeline.AccessPolicy;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.route.Route;
import io.sallyport.gateway.session.Randoms;
import io.sallyport.gateway.session.SessionCookie;
import io.sallyport.gateway.session.SignInClients;
import io.sallyport.gateway.session.Sessions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;

/**
 * Who is calling, for every non-public route of a configured tenant: a bearer token when the
 * request carries one (APIs), else the session cookie (browsers), else a person is sent to sign in
 * and a program is told it needs a token. A request with both a token and a cookie is judged by its
 * token alone, so a cookie can never add to what a token grants.
 */
public final class IdentityPolicy implements AccessPolicy {

  private final TenantVerifiers verifiers;
  private final BearerPolicy bearer;
  private final SessionPolicy sessions;

  /** @param sessions null until the store is open */
  public IdentityPolicy(TenantVerifiers verifiers, BearerPolicy bearer, java.util.function.Supplier<Sessions> sessions,
                        SignInClients clients, io.sallyport.gateway.pipeline.authz.OverageGroups overage, Clock clock) {
    this.verifiers = verifiers;
    this.bearer = bearer;
    this.sessions = new SessionPolicy(sessions, clients, overage, clock);
  }

  @Override
  public Future<Decision> decide(Route route, HttpServerRequest req) {
    TenantVerifiers.Current tenant = route.isPublic() ? null : verifiers.current();
    if (tenant == null || req.headers().contains("authorization") || BearerToken.inQuery(req)) {
      return bearer.decide(route, req);
    }
    String id = SessionCookie.value(req, SessionCookie.name(SessionCookie.SESSION, req.isSSL()));
    if (Randoms.wellFormed(id)) {
      return sessions.decide(route, req, req.path(), id, tenant);
    }
    if (Browsers.navigation(req)) {
      return Future.succeededFuture(SessionPolicy.signIn(req, req.path(), SessionPolicy.SIGN_IN,
          "Sign in with your organization's account to continue."));
    }
    // a program without a token: the bearer policy's 401 with Entra's WWW-Authenticate
    return bearer.decide(route, req);
  }
}
