package io.sallyport.devtenant.graph;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.Audience;
import io.sallyport.devtenant.token.TokenVerifier.InvalidTokenException;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates every Graph call as Graph does: a bearer token for Graph's audience, issued by this
 * tenant and in date, or 401 {@code InvalidAuthenticationToken} with Graph's
 * {@code WWW-Authenticate}. A CAE-capable token ({@code xms_cc} has cp1) of a user revoked or
 * disabled after it was issued gets the documented claims challenge instead, so Kiota's CAE
 * handler and MSAL clients react as they would to Entra.
 */
final class GraphAuth implements Handler<RoutingContext> {

  private final Context ctx;

  GraphAuth(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void handle(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
      reject(rc, "Access token is empty.", null);
      return;
    }
    Jwt jwt;
    try {
      jwt = ctx.verifier().verify(header.substring(7).trim());
    } catch (InvalidTokenException e) {
      reject(rc, e.getMessage(), null);
      return;
    }
    String aud = jwt.string("aud");
    if (!Audience.GRAPH_RESOURCE.equals(aud) && !Audience.GRAPH_APP_ID.equals(aud)
        && !(Audience.GRAPH_RESOURCE + "/").equals(aud)) {
      reject(rc, "Invalid audience.", null);
      return;
    }
    GraphCaller caller = GraphCaller.of(jwt);
    if (caller.delegated()) {
      Optional<User> user = ctx.state().users.find(caller.userId());
      boolean cae = jwt.claims().getValue("xms_cc") instanceof JsonArray a && a.contains("cp1");
      long iat = jwt.epoch("iat");
      if (user.isEmpty()) {
        reject(rc, "Access token validation failure. The user no longer exists.", null);
        return;
      }
      if (cae && (user.get().revokes(java.time.Instant.ofEpochSecond(iat)) || !user.get().accountEnabled())) {
        long nbf = user.get().revokedAt() == null ? ctx.clock().instant().getEpochSecond()
            : user.get().revokedAt().getEpochSecond() + 1;
        String claims = new JsonObject().put("access_token", new JsonObject().put("nbf",
            new JsonObject().put("essential", true).put("value", String.valueOf(nbf)))).encode();
        reject(rc, "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: "
            + "TokenIssuedBeforeRevocationTimestamp", Base64.getEncoder().encodeToString(
                claims.getBytes(StandardCharsets.UTF_8)));
        return;
      }
    }
    rc.put(GraphCaller.KEY, caller);
    rc.next();
  }

  private void reject(RoutingContext rc, String message, String claims) {
    StringBuilder challenge = new StringBuilder("Bearer realm=\"\", authorization_uri=\"")
        .append(ctx.baseUrl()).append("/common/oauth2/authorize\", client_id=\"").append(Audience.GRAPH_APP_ID)
        .append('"');
    if (claims != null) {
      challenge.append(", error=\"insufficient_claims\", claims=\"").append(claims).append('"');
    }
    rc.response().putHeader("WWW-Authenticate", challenge.toString());
    new GraphError(401, "InvalidAuthenticationToken", message).send(rc, ctx.clock());
  }
}
