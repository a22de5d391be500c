package io.sallyport.devtenant.token;

import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.crypto.KeyRing;
import io.sallyport.devtenant.crypto.SigningKey;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.TenantState;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Mints Entra-shaped tokens: v2 or v1 access tokens by the resource's requested version, Graph's
 * v1 proprietary tokens, v2 ID tokens and {@code client_info}. Optional claims (acrs, xms_cc,
 * idtyp, auth_time, sid) appear only when the resource asked for them, as in Entra; groups turn into
 * overage claims past the tenant's limit.
 */
public final class TokenIssuer {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final TenantState state;
  private final KeyRing keys;
  private final String baseUrl;

  public TokenIssuer(TenantState state, KeyRing keys, String baseUrl) {
    this.state = state;
    this.keys = keys;
    this.baseUrl = baseUrl;
  }

  public String issuerV2() {
    return baseUrl + "/" + state.info().id() + "/v2.0";
  }

  public String issuerV1() {
    return "https://sts.windows.net/" + state.info().id() + "/";
  }

  /** Access-token lifetime: the scenario's, else Entra's randomised 60–90 minutes (20–28 h for CAE). */
  public Duration lifetime(Audience audience, AuthFacts facts) {
    if (state.info().accessTokenLifetime() != null) {
      return state.info().accessTokenLifetime();
    }
    if (audience.isGraph() && facts != null && facts.clientCapabilities().contains("cp1")) {
      return Duration.ofMinutes(20 * 60 + RANDOM.nextInt(8 * 60));
    }
    return Duration.ofMinutes(60 + RANDOM.nextInt(31));
  }

  /**
   * The claims of an access token. {@code user} is null for app-only tokens; {@code client} is the
   * app the token is issued to; {@code permissions} are delegated scopes (user) or app roles (app-only)
   * already decided by the caller.
   */
  public JsonObject accessClaims(AppRegistration client, User user, Audience audience, List<String> permissions,
      AuthFacts facts, String clientAuthMethod, Instant now, Duration lifetime) {
    boolean v2 = audience.version() == 2;
    Set<String> optional = audience.isGraph() ? Set.of("xms_cc", "acrs", "auth_time", "idtyp")
        : audience.app().accessTokenOptionalClaims();
    JsonObject c = new JsonObject()
        .put("aud", v2 || audience.isGraph() ? (audience.isGraph() ? Audience.GRAPH_RESOURCE : audience.appId())
            : audience.requested())
        .put("iss", v2 ? issuerV2() : issuerV1())
        .put("iat", now.getEpochSecond()).put("nbf", now.getEpochSecond())
        .put("exp", now.plus(lifetime).getEpochSecond())
        .put("aio", random(48));
    if (v2) {
      c.put("azp", client.appId()).put("azpacr", clientAuthMethod);
    } else {
      c.put("appid", client.appId()).put("appidacr", clientAuthMethod);
    }
    if (user != null) {
      userClaims(c, user, audience, facts, v2, optional);
      c.put("scp", String.join(" ", permissions));
    } else {
      c.put("oid", client.servicePrincipalId()).put("sub", client.servicePrincipalId());
      if (!permissions.isEmpty()) {
        c.put("roles", new JsonArray(List.copyOf(permissions)));
      }
      if (optional.contains("idtyp")) {
        c.put("idtyp", "app");
      }
    }
    c.put("rh", "0.AAAA" + random(12) + ".").put("tid", state.info().id()).put("uti", random(16))
        .put("ver", v2 ? "2.0" : "1.0");
    return c;
  }

  private void userClaims(JsonObject c, User user, Audience audience, AuthFacts facts, boolean v2,
      Set<String> optional) {
    if (!facts.acrs().isEmpty()) {
      // Entra adds an explicitly requested, satisfied auth context even without the optional claim.
      c.put("acrs", new JsonArray(facts.acrs()));
    }
    c.put("amr", new JsonArray(facts.amr()));
    if (optional.contains("auth_time") && facts.authTime() != null) {
      c.put("auth_time", facts.authTime().getEpochSecond());
    }
    c.put("name", user.displayName()).put("oid", user.id());
    if (v2) {
      c.put("preferred_username", user.upn());
    } else {
      c.put("unique_name", user.upn()).put("upn", user.upn());
      if (user.givenName() != null) {
        c.put("given_name", user.givenName());
      }
      if (user.surname() != null) {
        c.put("family_name", user.surname());
      }
    }
    String membership = audience.isGraph() ? null : audience.app().groupMembershipClaims();
    if (membership != null && !membership.equalsIgnoreCase("None")) {
      groups(c, user, membership);
    }
    if (!audience.isGraph()) {
      List<String> roles = user.appRoles().stream().filter(r -> r.startsWith(audience.appId() + "/"))
          .map(r -> r.substring(audience.appId().length() + 1)).toList();
      if (!roles.isEmpty()) {
        c.put("roles", new JsonArray(roles));
      }
    }
    if (optional.contains("sid") && facts.sid() != null) {
      c.put("sid", facts.sid());
    }
    c.put("sub", pairwise(user.id(), audience.appId()));
    if (optional.contains("xms_cc") && !facts.clientCapabilities().isEmpty()) {
      c.put("xms_cc", new JsonArray(facts.clientCapabilities()));
    }
    if (optional.contains("idtyp")) {
      c.put("idtyp", "user");
    }
  }

  private void groups(JsonObject c, User user, String membership) {
    boolean roles = membership.equalsIgnoreCase("All") || membership.equalsIgnoreCase("DirectoryRole");
    if (roles) {
      var wids = state.activeRoles(user.id());
      if (!wids.isEmpty()) {
        c.put("wids", new JsonArray(List.copyOf(wids)));
      }
    }
    if (membership.equalsIgnoreCase("DirectoryRole")) {
      return;
    }
    List<String> groups = state.transitiveGroups(user.id()).stream()
        .filter(g -> membership.equalsIgnoreCase("All")
            || state.groups.find(g).map(x -> x.securityEnabled()).orElse(false))
        .toList();
    if (groups.size() > state.info().groupsOverageLimit()) {
      // Entra's overage form: the endpoint names the retired Azure AD Graph; callers must use Microsoft Graph.
      c.put("_claim_names", new JsonObject().put("groups", "src1"));
      c.put("_claim_sources", new JsonObject().put("src1", new JsonObject().put("endpoint",
          "https://graph.windows.net/" + state.info().id() + "/users/" + user.id() + "/getMemberObjects")));
    } else if (!groups.isEmpty()) {
      c.put("groups", new JsonArray(groups));
    }
  }

  /** A v2 ID token for {@code client}. */
  public JsonObject idClaims(AppRegistration client, User user, AuthFacts facts, Instant now) {
    JsonObject c = new JsonObject().put("aud", client.appId()).put("iss", issuerV2())
        .put("iat", now.getEpochSecond()).put("nbf", now.getEpochSecond())
        .put("exp", now.plus(Duration.ofHours(1)).getEpochSecond()).put("aio", random(48))
        .put("name", user.displayName()).put("oid", user.id()).put("preferred_username", user.upn())
        .put("email", user.mail()).put("rh", "0.AAAA" + random(12) + ".")
        .put("sub", pairwise(user.id(), client.appId())).put("tid", state.info().id()).put("uti", random(16))
        .put("ver", "2.0");
    if (facts.authTime() != null) {
      c.put("auth_time", facts.authTime().getEpochSecond());
    }
    if (facts.nonce() != null) {
      c.put("nonce", facts.nonce());
    }
    if (facts.sid() != null) {
      c.put("sid", facts.sid());
    }
    if (!facts.acrs().isEmpty()) {
      c.put("acrs", new JsonArray(facts.acrs()));
    }
    return c;
  }

  /** Signs claims with the active key: v2 headers carry kid only, v1 both x5t and kid, Graph also a nonce. */
  public String sign(JsonObject claims, boolean v1, boolean graph) {
    SigningKey key = keys.active();
    JsonObject header = new JsonObject().put("typ", "JWT");
    if (graph) {
      header.put("nonce", random(32));
    }
    header.put("alg", "RS256");
    if (v1) {
      header.put("x5t", key.kid());
    }
    header.put("kid", key.kid());
    return Jwt.sign(header, claims, key.privateKey());
  }

  public String clientInfo(User user) {
    return B64.encodeToString(new JsonObject().put("uid", user.id()).put("utid", state.info().id()).encode()
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The pairwise {@code sub} that tokens for {@code appId} carry for this user (UserInfo answers with it). */
  public String subject(String oid, String appId) {
    return pairwise(oid, appId);
  }

  /** Entra's {@code sub} is pairwise: stable per user and app, different across apps. */
  static String pairwise(String oid, String appId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((oid + "|" + appId).getBytes(StandardCharsets.UTF_8));
      return B64.encodeToString(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return B64.encodeToString(b);
  }
}
