package io.sallyport.devtenant.oidc;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.http.GraphError;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.Audience;
import io.sallyport.devtenant.token.TokenVerifier.InvalidTokenException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;

/**
 * OIDC UserInfo, which Entra hosts on Graph ({@code https://graph.microsoft.com/oidc/userinfo}) and
 * devtenant at {@code /oidc/userinfo}: a user's Graph token with the openid scope gets the
 * documented members (sub, name, family_name, given_name, email; no picture, devtenant has no
 * photos). Anything else is Graph's 401, so a token for another audience never passes here.
 */
final class UserInfoRoute {

  private final Context ctx;

  UserInfoRoute(Context ctx) {
    this.ctx = ctx;
  }

  void mount(Router router) {
    router.get("/oidc/userinfo").handler(this::userInfo);
    router.post("/oidc/userinfo").handler(this::userInfo);
  }

  private void userInfo(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      reject(rc, "Access token is empty.");
      return;
    }
    Jwt jwt;
    try {
      jwt = ctx.verifier().verify(header.substring(7).trim());
    } catch (InvalidTokenException e) {
      reject(rc, e.getMessage());
      return;
    }
    if (!Audience.GRAPH_RESOURCE.equals(jwt.string("aud")) && !Audience.GRAPH_APP_ID.equals(jwt.string("aud"))) {
      reject(rc, "Invalid audience.");
      return;
    }
    String scp = jwt.string("scp");
    if (scp == null || Arrays.stream(scp.split(" ")).noneMatch("openid"::equalsIgnoreCase)) {
      reject(rc, "The token does not grant the openid scope UserInfo requires.");
      return;
    }
    User user = ctx.state().users.find(jwt.string("oid")).orElse(null);
    if (user == null || !user.accountEnabled()) {
      reject(rc, "Access token validation failure. The user no longer exists or is disabled.");
      return;
    }
    String client = jwt.string("appid") != null ? jwt.string("appid") : jwt.string("azp");
    JsonObject body = new JsonObject().put("sub", ctx.issuer().subject(user.id(), client))
        .put("name", user.displayName());
    if (user.surname() != null) {
      body.put("family_name", user.surname());
    }
    if (user.givenName() != null) {
      body.put("given_name", user.givenName());
    }
    body.put("email", user.mail());
    Replies.json(rc, body, "no-store, no-cache");
  }

  private void reject(RoutingContext rc, String message) {
    rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"" + ctx.baseUrl()
        + "/common/oauth2/authorize\", client_id=\"" + Audience.GRAPH_APP_ID + "\"");
    new GraphError(401, "InvalidAuthenticationToken", message).send(rc, ctx.clock());
  }
}
