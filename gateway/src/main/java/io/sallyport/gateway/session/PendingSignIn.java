package io.sallyport.gateway.session;

import io.sallyport.gateway.store.StoredSession;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in the browser was sent off to Entra for, kept in the store (so the callback may reach any
 * node) under the id in the sign-in cookie, for ten minutes and one use. Everything the callback
 * must trust is here, never in the callback's query: where to return, the PKCE verifier, the nonce.
 *
 * @param returnTo     a same-origin path (checked when the sign-in began)
 * @param redirectUri  the redirect URI sent to the authorize endpoint (the token request must repeat it)
 * @param asked        what this sign-in asked Entra for beyond a plain sign-in ({@link #asked(String, String)}),
 *                     or null; kept on the session so a step-up that did not help is not repeated forever
 */
record PendingSignIn(String id, String tenantId, String state, String nonce, String verifier, String returnTo,
                     String redirectUri, String asked) {

  static final String KIND = "sign-in";
  /** Rows of sign-ins in progress are filed under this key, which no UPN or object id can equal. */
  static final String USER_KEY = "~sign-in";
  static final Duration LIFETIME = Duration.ofMinutes(10);

  StoredSession toStored(Instant now) {
    JsonObject d = new JsonObject().put("kind", KIND).put("state", state).put("nonce", nonce)
        .put("verifier", verifier).put("returnTo", returnTo).put("redirectUri", redirectUri).put("asked", asked);
    Instant end = now.plus(LIFETIME);
    return StoredSession.fresh(id, USER_KEY, tenantId, d, now, end, end);
  }

  /** Null when the row is not a sign-in in progress. */
  static PendingSignIn of(StoredSession s) {
    JsonObject d = s.data();
    if (!KIND.equals(d.getString("kind")) || !USER_KEY.equals(s.userId())) {
      return null;
    }
    return new PendingSignIn(s.id(), s.tenantId(), d.getString("state"), d.getString("nonce"),
        d.getString("verifier"), d.getString("returnTo"), d.getString("redirectUri"), d.getString("asked"));
  }

  /** The step-up a sign-in asks for, as one comparable value; null for a plain sign-in. */
  static String asked(String authContext, String maxAge) {
    if (authContext == null && maxAge == null) {
      return null;
    }
    return "acr=" + (authContext == null ? "" : authContext) + ";max_age=" + (maxAge == null ? "" : maxAge);
  }
}
