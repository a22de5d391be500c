package io.sallyport.gateway.explain;

import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.vertx.core.json.JsonObject;

/**
 * Whom explain judges, and from where that came: a token verified now, a user's newest active
 * session's sign-in claims, or claims the operator made up.
 *
 * @param source    {@code token}, {@code session} or {@code claims}
 * @param verified  true when a signature was checked (now, or at the session's sign-in)
 * @param token     the claims as the checks read them; null when the token was refused
 * @param refusal   why the token was refused (or could not be verified); null otherwise
 * @param session   the session used ({@code id}, {@code createdAt}, {@code lastSeenAt}); null otherwise
 */
record Identity(String source, boolean verified, String note, VerifiedToken token, Throwable refusal,
                JsonObject session) {

  JsonObject toJson() {
    JsonObject o = new JsonObject().put("source", source).put("verified", verified).put("note", note);
    if (token != null) {
      o.put("tid", token.tenantId()).put("oid", token.oid()).put("upn", token.upn()).put("name", token.name())
          .put("appId", token.appId());
      if (token.expiresAt() != null) {
        o.put("expiresAt", token.expiresAt().toString());
      }
    }
    if (session != null) {
      o.put("session", session);
    }
    return o;
  }
}
