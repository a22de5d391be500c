package io.sallyport.scim.http;

import io.sallyport.scim.ScimException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * First handler on every SCIM route: {@code Authorization: Bearer <token>} checked by the gateway's
 * {@link ScimAuth}. The request is paused while the hook answers so the body handler after it still
 * sees the whole body; a refused token never gets its body read.
 */
final class BearerAuth implements Handler<RoutingContext> {

  private static final String SCHEME = "bearer ";

  private final ScimAuth auth;

  BearerAuth(ScimAuth auth) {
    this.auth = auth;
  }

  @Override
  public void handle(RoutingContext rc) {
    String token = token(rc.request().getHeader("Authorization"));
    rc.request().pause();
    Future<Boolean> verdict;
    try {
      verdict = auth.allows(token);
    } catch (RuntimeException e) {
      verdict = Future.failedFuture(e);
    }
    verdict.onComplete(result -> {
      if (result.failed()) {
        rc.fail(new Unavailable("the SCIM auth hook", result.cause()));
      } else if (Boolean.TRUE.equals(result.result())) {
        rc.next(); // the body handler resumes the request
      } else if (token == null) {
        rc.fail(new ScimException(401, null, "The request has no bearer token; send Authorization: Bearer <token>"));
      } else {
        rc.fail(new ScimException(401, null, "The bearer token is not valid for this SCIM endpoint"));
      }
    });
  }

  /** The token after a case-insensitive "Bearer " scheme, or null when there is none. */
  static String token(String header) {
    if (header == null || header.length() <= SCHEME.length()
        || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return null;
    }
    String token = header.substring(SCHEME.length()).trim();
    return token.isEmpty() ? null : token;
  }
}
