package io.sallyport.devtenant.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sallyport.devtenant.clock.ScenarioClock;
import io.sallyport.devtenant.crypto.Jwt;
import io.sallyport.devtenant.crypto.KeyRing;
import io.sallyport.devtenant.scenario.ScenarioLoader;
import io.sallyport.devtenant.state.AppRegistration;
import io.sallyport.devtenant.state.TenantSeeder;
import io.sallyport.devtenant.state.TenantState;
import io.sallyport.devtenant.state.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

  static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  static final String TID = "7c1c5a0e-3f4b-4d8e-9a51-2b6f0d9e4c11";
  static ScenarioClock clock;
  static TenantState state;
  static KeyRing keys;
  static TokenIssuer issuer;
  static TokenVerifier verifier;

  @BeforeAll
  static void seed() {
    clock = new ScenarioClock(Clock.fixed(T0, ZoneOffset.UTC));
    state = TenantSeeder.seed(ScenarioLoader.parse("""
        tenant: { id: %s, domain: t.example, groups-overage-limit: 2 }
        apps:
          - name: Api
            client-id: 11111111-1111-1111-1111-111111111111
            identifier-uris: [api://api]
            access-token-version: 2
            optional-claims: [xms_cc, idtyp, auth_time, sid]
            scopes: [access_as_user]
            app-roles: [{ value: Api.Admin }]
          - name: Legacy
            client-id: 22222222-2222-2222-2222-222222222222
            identifier-uris: [api://legacy]
            access-token-version: 1
        users:
          - { upn: alice, password: p, given-name: Alice, app-roles: [Api/Api.Admin] }
          - { upn: bob, password: p }
        groups:
          - { display-name: G1, members: [alice, bob] }
          - { display-name: G2, members: [alice, G1] }
          - { display-name: G3, members: [alice] }
          - { display-name: Mail list, security-enabled: false, members: [bob] }
        directory-roles:
          - { id: 62e90394-69f5-4237-9190-012177145e10, display-name: Global Administrator }
        pim:
          active: [{ principal: bob, role: Global Administrator }]
        """.formatted(TID), "t", T0), clock);
    keys = new KeyRing(clock);
    issuer = new TokenIssuer(state, keys, "https://localhost:8443");
    verifier = new TokenVerifier(keys, clock, issuer);
  }

  static AppRegistration app(String name) {
    return state.apps.where(a -> a.name().equals(name)).get(0);
  }

  static User user(String prefix) {
    return state.userByIdOrUpn(prefix + "@t.example").orElseThrow();
  }

  static AuthFacts mfaCp1() {
    return new AuthFacts(List.of("pwd", "mfa"), List.of("c1"), T0, "sid-1", null, List.of("cp1"));
  }

  @Test
  void v2UserTokenForAnApiCarriesEntrasClaimsAndOnlyTheOptionalOnesItAskedFor() {
    JsonObject c = issuer.accessClaims(app("Api"), user("bob"), new Audience(app("Api"), "api://api"),
        List.of("access_as_user"), mfaCp1(), "1", T0, Duration.ofHours(1));
    assertThat(c.getString("iss")).isEqualTo("https://localhost:8443/" + TID + "/v2.0");
    assertThat(c.getString("aud")).isEqualTo("11111111-1111-1111-1111-111111111111");
    assertThat(c.getString("ver")).isEqualTo("2.0");
    assertThat(c.getString("azp")).isEqualTo("11111111-1111-1111-1111-111111111111");
    assertThat(c.getString("preferred_username")).isEqualTo("bob@t.example");
    assertThat(c.getString("scp")).isEqualTo("access_as_user");
    assertThat(c.getJsonArray("amr")).containsExactly("pwd", "mfa");
    assertThat(c.getJsonArray("acrs")).containsExactly("c1");
    assertThat(c.getJsonArray("xms_cc")).containsExactly("cp1");
    assertThat(c.getString("idtyp")).isEqualTo("user");
    assertThat(c.getLong("auth_time")).isEqualTo(T0.getEpochSecond());
    assertThat(c.getLong("exp") - c.getLong("iat")).isEqualTo(3600);
    // security groups only, transitive (G1 → G2), not the mail list
    assertThat(c.getJsonArray("groups").getList()).containsExactlyInAnyOrder(
        state.groups.where(g -> g.displayName().equals("G1")).get(0).id(),
        state.groups.where(g -> g.displayName().equals("G2")).get(0).id());
    assertThat(c.containsKey("wids")).isFalse();
    assertThat(c.containsKey("unique_name")).isFalse();
  }

  @Test
  void pastTheOverageLimitGroupsBecomeTheOverageClaims() {
    JsonObject c = issuer.accessClaims(app("Api"), user("alice"), new Audience(app("Api"), "api://api"),
        List.of("access_as_user"), mfaCp1(), "1", T0, Duration.ofHours(1));
    assertThat(c.containsKey("groups")).isFalse();
    assertThat(c.getJsonObject("_claim_names")).isEqualTo(new JsonObject().put("groups", "src1"));
    assertThat(c.getJsonObject("_claim_sources").getJsonObject("src1").getString("endpoint"))
        .isEqualTo("https://graph.windows.net/" + TID + "/users/" + user("alice").id() + "/getMemberObjects");
    assertThat(c.getJsonArray("roles")).containsExactly("Api.Admin");
  }

  @Test
  void v1TokensCarryTheStsIssuerTheRequestedAudienceAndV1Names() {
    JsonObject c = issuer.accessClaims(app("Api"), user("alice"), new Audience(app("Legacy"), "api://legacy"),
        List.of(), AuthFacts.password(T0, "s"), "0", T0, Duration.ofHours(1));
    assertThat(c.getString("iss")).isEqualTo("https://sts.windows.net/" + TID + "/");
    assertThat(c.getString("aud")).isEqualTo("api://legacy");
    assertThat(c.getString("appid")).isEqualTo("11111111-1111-1111-1111-111111111111");
    assertThat(c.getString("appidacr")).isEqualTo("0");
    assertThat(c.getString("upn")).isEqualTo("alice@t.example");
    assertThat(c.getString("given_name")).isEqualTo("Alice");
    assertThat(c.getString("ver")).isEqualTo("1.0");
    assertThat(c.containsKey("acrs")).isFalse();
    assertThat(c.containsKey("xms_cc")).isFalse();
  }

  @Test
  void subIsPairwisePerApp() {
    JsonObject a = issuer.accessClaims(app("Api"), user("bob"), new Audience(app("Api"), "api://api"), List.of(),
        AuthFacts.password(T0, "s"), "1", T0, Duration.ofHours(1));
    JsonObject b = issuer.accessClaims(app("Api"), user("bob"), new Audience(app("Legacy"), "api://legacy"), List.of(),
        AuthFacts.password(T0, "s"), "1", T0, Duration.ofHours(1));
    assertThat(a.getString("sub")).isNotEqualTo(b.getString("sub"));
    assertThat(a.getString("oid")).isEqualTo(b.getString("oid"));
  }

  @Test
  void appOnlyGraphTokensAreV1WithRolesAndANonceInTheHeader() {
    JsonObject c = issuer.accessClaims(app("Api"), null, Audience.graph(), List.of("User.Read.All"), null, "1", T0,
        Duration.ofHours(1));
    assertThat(c.getString("aud")).isEqualTo("https://graph.microsoft.com");
    assertThat(c.getJsonArray("roles")).isEqualTo(new JsonArray().add("User.Read.All"));
    assertThat(c.getString("idtyp")).isEqualTo("app");
    assertThat(c.getString("oid")).isEqualTo(app("Api").servicePrincipalId());
    assertThat(c.containsKey("scp")).isFalse();
    Jwt jwt = Jwt.parse(issuer.sign(c, true, true));
    assertThat(jwt.header().fieldNames()).containsExactly("typ", "nonce", "alg", "x5t", "kid");
    assertThat(jwt.kid()).isEqualTo(keys.active().kid());
  }

  @Test
  void v2HeadersCarryKidOnlyAndTheVerifierAcceptsWhatWasSigned() {
    JsonObject c = issuer.accessClaims(app("Api"), user("bob"), new Audience(app("Api"), "api://api"), List.of(),
        AuthFacts.password(T0, "s"), "1", T0, Duration.ofHours(1));
    String token = issuer.sign(c, false, false);
    assertThat(Jwt.parse(token).header().fieldNames()).containsExactly("typ", "alg", "kid");
    assertThat(verifier.verify(token).claims()).isEqualTo(c);
  }

  @Test
  void theVerifierRefusesTamperedExpiredAndForeignTokens() {
    JsonObject c = issuer.accessClaims(app("Api"), user("bob"), new Audience(app("Api"), "api://api"), List.of(),
        AuthFacts.password(T0, "s"), "1", T0.minus(Duration.ofHours(2)), Duration.ofHours(1));
    assertThatThrownBy(() -> verifier.verify(issuer.sign(c, false, false)))
        .hasMessage("Access token has expired or is not yet valid.");
    JsonObject fresh = c.copy().put("exp", T0.plus(Duration.ofHours(1)).getEpochSecond());
    String token = issuer.sign(fresh, false, false);
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
    assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    String otherKey = Jwt.sign(new JsonObject().put("alg", "RS256").put("kid", keys.active().kid()), fresh,
        io.sallyport.devtenant.crypto.Certificates.rsaKeyPair().getPrivate());
    assertThatThrownBy(() -> verifier.verify(otherKey)).hasMessage("Access token validation failure. Invalid signature.");
    assertThatThrownBy(() -> verifier.verify("x.y")).hasMessageContaining("CompactToken parsing failed");
  }

  @Test
  void directoryRoleClaimsFollowGroupMembershipClaims() {
    AppRegistration all = app("Api").withApplication(app("Api").application().copy().put("groupMembershipClaims", "All"));
    JsonObject c = issuer.accessClaims(all, user("bob"), new Audience(all, "api://api"), List.of(),
        AuthFacts.password(T0, "s"), "1", T0, Duration.ofHours(1));
    assertThat(c.getJsonArray("wids")).containsExactly("62e90394-69f5-4237-9190-012177145e10");
    // All counts the distribution list too: G1, G2 (through G1) and the list exceed the limit of 2
    assertThat(c.containsKey("groups")).isFalse();
    assertThat(c.containsKey("_claim_names")).isTrue();
  }

  @Test
  void clientInfoIsBase64UrlOfUidAndUtid() {
    String info = issuer.clientInfo(user("bob"));
    JsonObject decoded = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(info)));
    assertThat(decoded).isEqualTo(new JsonObject().put("uid", user("bob").id()).put("utid", TID));
  }
}
