package io.sallyport.gateway.explain;

import io.sallyport.gateway.entra.oidc.VerifiedToken;
import io.sallyport.gateway.store.Store;
import io.sallyport.gateway.store.StoredSession;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A user's newest active browser session, as explain's identity: its stored sign-in claims.
 * Sessions are kept by UPN (lower case); an object id is first mapped to a UPN through the SCIM
 * directory (Entra may send it as externalId), since the store has no index by object id.
 */
final class Sessions {
  private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

  private final Supplier<Store> store;

  Sessions(Supplier<Store> store) {
    this.store = store;
  }

  Future<Identity> newest(String user) {
    Store s = store.get();
    if (s == null) {
      return Future.failedFuture(new ExplainProblem(503, "explain.unavailable", "Store not open",
          "the store is not open yet; retry in a moment"));
    }
    Future<String> upn = GUID.matcher(user).matches()
        ? new DirectoryFacts(s.directory()).find(null, user.toLowerCase(Locale.ROOT)).map(found -> found
            .map(u -> u.userName()).orElseThrow(() -> ExplainProblem.notFound("explain.user_not_found",
                "no user with object id " + user + " is known: sessions are kept by UPN, and no SCIM-provisioned"
                    + " user has this externalId; give the UPN")))
        : Future.succeededFuture(user);
    return upn.compose(name -> s.sessions().listForUser(name.toLowerCase(Locale.ROOT), 0, 1).map(page -> {
      if (page.items().isEmpty()) {
        throw ExplainProblem.notFound("explain.user_not_found", "user \"" + ExplainRequest.clip(name)
            + "\" has no active session on this gateway (never signed in, signed out, revoked or expired);"
            + " explain a token of theirs, or hypothetical claims, instead");
      }
      StoredSession session = page.items().get(0);
      JsonObject claims = claims(session.data());
      if (claims == null) {
        throw ExplainProblem.notFound("explain.user_not_found", "the newest session of \"" + ExplainRequest.clip(name)
            + "\" (" + session.id() + ") holds no sign-in claims");
      }
      JsonObject info = new JsonObject().put("id", session.id()).put("createdAt", session.createdAt().toString())
          .put("lastSeenAt", session.lastSeenAt().toString())
          .put("absoluteExpiresAt", session.absoluteExpiresAt().toString());
      return new Identity("session", true, "the claims of the access token held by the user's newest active"
          + " session (verified at sign-in or its last refresh; the gateway judges its requests by them)",
          VerifiedToken.fromClaims(claims), null, info);
    }));
  }

  /**
   * What the gateway judges a session's requests by: the claims of the access token it holds
   * ({@code at}, verified when it was obtained); else sign-in claims stored as such.
   */
  static JsonObject claims(JsonObject data) {
    JsonObject fromToken = data.getValue("at") instanceof String at ? tokenClaims(at) : null;
    if (fromToken != null) {
      return fromToken;
    }
    return data.getValue("claims") instanceof JsonObject c ? c : null;
  }

  /** The payload of an access token the gateway obtained (and verified then); null when unreadable. */
  static JsonObject tokenClaims(String accessToken) {
    String[] parts = accessToken == null ? new String[0] : accessToken.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      return new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
          java.nio.charset.StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
