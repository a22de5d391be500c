package io.sallyport.gateway.session;

import io.sallyport.gateway.store.StoredSession;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * A signed-in browser session as the request path uses it: who, the tokens for Sallyport itself,
 * and the limits. Built from the stored row ({@link #of}) and written back through {@link #toStored}.
 *
 * @param userKey        the user's UPN in lower case (else the object id): what sessions are filed
 *                       under, so SCIM deprovisioning finds them by {@code userName}
 * @param accessToken    an access token whose audience is Sallyport: the route checks read its claims
 * @param refreshToken   Entra's refresh token; null if none was issued (no offline_access)
 * @param idToken        the sign-in's ID token (sent as {@code id_token_hint} at sign-out)
 * @param accessExpiresAt when {@code accessToken} expires
 * @param csrf           the token the sign-out form must return
 * @param lastSeenAt     the last activity the store knows of (idle expiry moves from here)
 * @param asked          the step-up the sign-in asked for (see {@code PendingSignIn.asked}), or null
 */
public record LiveSession(String id, String userKey, String tenantId, String oid, String name, String upn,
                          String accessToken, String refreshToken, String idToken, Instant accessExpiresAt,
                          String csrf, Instant createdAt, Instant lastSeenAt, Instant idleExpiresAt,
                          Instant absoluteExpiresAt, long version, String asked) {

  static final String KIND = "session";

  /** The key sessions are filed under for a user (see {@code Deprovisioning.sessionKey}). */
  public static String userKey(String upn, String oid) {
    return upn != null ? upn.toLowerCase(Locale.ROOT) : oid;
  }

  /** The row as a live session; null when the row is something else (a sign-in in progress). */
  static LiveSession of(StoredSession s) {
    JsonObject d = s.data();
    if (!KIND.equals(d.getString("kind"))) {
      return null;
    }
    return new LiveSession(s.id(), s.userId(), s.tenantId(), d.getString("oid"), d.getString("name"),
        d.getString("upn"), d.getString("at"), d.getString("rt"), d.getString("idt"),
        Instant.ofEpochSecond(d.getLong("ate", 0L)), d.getString("csrf"), s.createdAt(), s.lastSeenAt(),
        s.idleExpiresAt(), s.absoluteExpiresAt(), s.version(), d.getString("asked"));
  }

  StoredSession toStored() {
    JsonObject d = new JsonObject().put("kind", KIND).put("oid", oid).put("name", name).put("upn", upn)
        .put("at", accessToken).put("rt", refreshToken).put("idt", idToken)
        .put("ate", accessExpiresAt.getEpochSecond()).put("csrf", csrf).put("asked", asked);
    return new StoredSession(id, userKey, tenantId, d, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt,
        version, false);
  }

  LiveSession withTokens(String access, String refresh, Instant accessExpires) {
    return new LiveSession(id, userKey, tenantId, oid, name, upn, access, refresh == null ? refreshToken : refresh,
        idToken, accessExpires, csrf, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, version, asked);
  }

  LiveSession seen(Instant now, Instant idleExpires, long newVersion) {
    return new LiveSession(id, userKey, tenantId, oid, name, upn, accessToken, refreshToken, idToken, accessExpiresAt,
        csrf, createdAt, now, idleExpires, absoluteExpiresAt, newVersion, asked);
  }

  /** Past its idle or absolute limit by this node's clock (the store judges by the database's). */
  boolean ended(Instant now) {
    return !now.isBefore(idleExpiresAt) || !now.isBefore(absoluteExpiresAt);
  }

  @Override
  public String toString() {
    // tokens never reach a log
    return "LiveSession[id=" + id.substring(0, 6) + "…, user=" + userKey + ", tid=" + tenantId + ", v" + version + "]";
  }
}
