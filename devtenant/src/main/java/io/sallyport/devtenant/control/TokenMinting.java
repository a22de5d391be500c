package io.sallyport.devtenant.control;

import io.sallyport.devtenant.Context;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.User;
import io.sallyport.devtenant.token.Audience;
import io.sallyport.devtenant.token.AuthFacts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /_devtenant/tokens}: mints an access token (and optionally an ID token) without a
 * sign-in. The standard claims come from the same {@code TokenIssuer.accessClaims} the token
 * endpoint uses; then every key of {@code claims} overrides the result verbatim (null removes the
 * claim), so a test can produce exactly the token it needs, including broken ones.
 */
final class TokenMinting {

  static final List<String> GRAPH_DELEGATED_DEFAULT = List.of("openid", "profile", "User.Read", "email");

  private final Context ctx;
  private final Lookup lookup;

  TokenMinting(Context ctx, Lookup lookup) {
    this.ctx = ctx;
    this.lookup = lookup;
  }

  void mint(RoutingContext rc) {
    JsonBody b = JsonBody.of(rc, true, "user", "client", "audience", "claims", "lifetime-seconds", "version",
        "id_token");
    AppRegistration client = lookup.app(b.string("client"));
    User user = b.has("user") ? lookup.user(b.string("user")) : null;
    JsonObject overrides = b.object("claims") == null ? new JsonObject() : b.object("claims");
    Long version = b.integer("version");
    if (version != null && version != 1 && version != 2) {
      throw JsonBody.invalid("version", "1 or 2", version);
    }
    boolean idToken = Boolean.TRUE.equals(b.bool("id_token"));
    if (idToken && user == null) {
      throw ControlError.badRequest("invalid_value", "\"id_token\": true needs a \"user\": app-only tokens have no ID token");
    }
    Audience audience = audience(b.string("audience"), client, version);
    Instant now = ctx.clock().instant();
    AuthFacts facts = user == null ? null : facts(overrides, now);
    Duration lifetime = b.has("lifetime-seconds") ? Duration.ofSeconds(b.integer("lifetime-seconds"))
        : ctx.issuer().lifetime(audience, facts);
    JsonObject claims = ctx.issuer().accessClaims(client, user, audience, permissions(user, audience, client, overrides),
        facts, client.publicClient() ? "0" : "1", now, lifetime);
    for (Map.Entry<String, Object> e : overrides) {
      if (e.getValue() == null) {
        claims.remove(e.getKey());
      } else {
        claims.put(e.getKey(), e.getValue());
      }
    }
    JsonObject reply = new JsonObject()
        .put("access_token", ctx.issuer().sign(claims, audience.version() == 1, audience.isGraph()))
        .put("token_type", "Bearer").put("expires_in", lifetime.getSeconds()).put("claims", claims);
    if (idToken) {
      JsonObject id = ctx.issuer().idClaims(client, user, facts, now);
      reply.put("id_token", ctx.issuer().sign(id, false, false)).put("id_token_claims", id);
    }
    Replies.ok(rc, reply);
  }

  private Audience audience(String requested, AppRegistration client, Long version) {
    if (requested != null && (requested.equals(Audience.GRAPH_RESOURCE) || requested.equals(Audience.GRAPH_RESOURCE + "/")
        || requested.equalsIgnoreCase(Audience.GRAPH_APP_ID))) {
      if (version != null && version == 2) {
        throw ControlError.badRequest("invalid_value",
            "\"version\": 2 is not possible for Microsoft Graph: Entra always issues Graph v1 tokens");
      }
      return Audience.graph();
    }
    AppRegistration resource = requested == null ? client : ctx.state().appByAppIdOrUri(requested)
        .orElseThrow(() -> ControlError.notFound("app_not_found", "no app with client id or identifier URI \""
            + requested + "\" (and it is not https://graph.microsoft.com)"));
    if (version != null && version != resource.accessTokenVersion()) {
      JsonObject app = resource.application().copy();
      JsonObject api = app.getJsonObject("api") == null ? new JsonObject() : app.getJsonObject("api");
      app.put("api", api.put("requestedAccessTokenVersion", version.intValue()));
      resource = resource.withApplication(app);
    }
    return new Audience(resource, requested == null ? resource.appId() : requested);
  }

  /** amr (default pwd), acrs, auth_time and xms_cc as the token's sign-in facts, from the overrides. */
  private static AuthFacts facts(JsonObject claims, Instant now) {
    List<String> amr = strings(claims, "amr");
    Object authTime = claims.getValue("auth_time");
    if (authTime != null && !(authTime instanceof Number)) {
      throw JsonBody.invalid("claims.auth_time", "epoch seconds", authTime);
    }
    return new AuthFacts(amr == null ? List.of("pwd") : amr, orEmpty(strings(claims, "acrs")),
        authTime == null ? now : Instant.ofEpochSecond(((Number) authTime).longValue()), UUID.randomUUID().toString(),
        null, orEmpty(strings(claims, "xms_cc")));
  }

  private static List<String> permissions(User user, Audience audience, AppRegistration client, JsonObject claims) {
    if (user != null) {
      Object scp = claims.getValue("scp");
      if (scp != null && !(scp instanceof String)) {
        throw JsonBody.invalid("claims.scp", "a space-separated string", scp);
      }
      if (scp != null) {
        return Arrays.stream(((String) scp).split(" ")).filter(s -> !s.isEmpty()).toList();
      }
      return audience.isGraph() ? GRAPH_DELEGATED_DEFAULT : audience.app().exposedScopes().stream().sorted().toList();
    }
    List<String> roles = strings(claims, "roles");
    if (roles != null) {
      return roles;
    }
    // App-only: Graph roles are the client's granted application permissions; devtenant models no
    // app-role assignments between apps, so other resources get none unless claims.roles says so.
    return audience.isGraph() ? client.graphPermissions().stream().sorted().toList() : List.of();
  }

  private static List<String> strings(JsonObject claims, String key) {
    Object v = claims.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a) || a.stream().anyMatch(x -> !(x instanceof String))) {
      throw JsonBody.invalid("claims." + key, "an array of strings", v);
    }
    List<String> out = new ArrayList<>();
    a.forEach(x -> out.add((String) x));
    return out;
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }
}
