package io.sallyport.devtenant.oidc;

import java.time.Instant;

/**
 * One sign-in in progress, kept server-side: the validated authorize request, the anti-forgery
 * token its forms must echo, the user once the password (or the SSO session) identified them, the
 * SSO session it runs in, and how many wrong answers it has had.
 */
record SignInTransaction(String id, String csrf, AuthorizeRequest request, String userId, String sessionId,
    int failures, Instant expiresAt) {

  static final int MAX_FAILURES = 5;

  SignInTransaction signedIn(String user, String session) {
    return new SignInTransaction(id, csrf, request, user, session, 0, expiresAt);
  }

  SignInTransaction failed() {
    return new SignInTransaction(id, csrf, request, userId, sessionId, failures + 1, expiresAt);
  }
}
