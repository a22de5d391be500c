package io.sallyport.gateway.entra.graph;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.APP_ID_URI;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sallyport.gateway.ItSupport;
import io.sallyport.gateway.entra.oidc.DevTenantFixture;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On-behalf-of tokens against a real devtenant: the user's Sallyport token becomes a delegated Graph
 * token for the same user; concurrent callers share one token request; an entry never outlives its
 * assertion; Entra's "interaction required" comes back typed, with the claims to sign in with.
 */
class OboTokensIT {

  static final String GRAPH = GraphOptions.GRAPH_SCOPE;
  static final String SCENARIO = "tenant: { id: " + TENANT + ", domain: verify.example, access-token-lifetime: 1h }\n"
      + "apps:\n"
      + "  - { name: Sallyport, client-id: " + SALLYPORT + ", client-secrets: [s3cret-s3cret-s3cret],"
      + " identifier-uris: [\"" + APP_ID_URI + "\"], access-token-version: 2, scopes: [access_as_user],"
      + " optional-claims: [acrs, xms_cc] }\n"
      + "users:\n  - { upn: alice, password: pw }\n  - { upn: bob, password: pw }\n"
      + "auth-contexts:\n  - { id: c1, display-name: Require MFA }\n"
      + "conditional-access:\n  - { display-name: MFA for c1, auth-contexts: [c1], grant: [mfa], state: enabled }\n";

  static DevTenantFixture dev;
  final MovableClock clock = new MovableClock();
  final List<String> faults = new ArrayList<>();
  final List<OboTokens> obos = new ArrayList<>();
  String tokenRequests;

  @BeforeAll
  static void start() {
    dev = new DevTenantFixture(SCENARIO);
  }

  @AfterAll
  static void stop() {
    dev.close();
  }

  @AfterEach
  void cleanUp() {
    faults.forEach(dev::removeFault);
    obos.forEach(OboTokens::close);
  }

  OboTokens obo() {
    GraphOptions o = new GraphOptions(URI.create(dev.tenant.baseUrl()), URI.create(dev.tenant.baseUrl()), TENANT,
        SALLYPORT, "s3cret-s3cret-s3cret", dev.tenant.certificatePem(), Duration.ofSeconds(2), Duration.ofSeconds(3),
        Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ZERO, 1, GraphOptions.DEFAULT_PAGE_SIZE, 1000);
    OboTokens t = new OboTokens(dev.vertx, o, new GraphMetrics(new SimpleMeterRegistry()), clock);
    obos.add(t);
    tokenRequests = dev.fault(new JsonObject().put("path", "re:/oauth2/v2\\.0/token$").put("latency-ms", 1));
    faults.add(tokenRequests);
    return t;
  }

  static JsonObject minted(String user, JsonObject claims) {
    return dev.mint(new JsonObject().put("user", user).put("client", "Sallyport").put("claims", claims));
  }

  static Future<String> onLoop(OboTokens obo, String assertion, Instant exp, String claims) {
    return Future.future(p -> dev.vertx.runOnContext(v -> obo.token(assertion, exp, GRAPH, claims).onComplete(p)));
  }

  @Test
  void theUsersTokenBecomesAGraphTokenForTheSameUser() {
    OboTokens obo = obo();
    JsonObject alice = minted("alice", new JsonObject());
    String graph = ItSupport.await(onLoop(obo, alice.getString("access_token"), null, null));
    JsonObject claims = DevTenantFixture.part(graph, 1);
    assertThat(claims.getString("oid")).isEqualTo(alice.getJsonObject("claims").getString("oid"));
    assertThat(claims.getString("aud")).isIn("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000");
    assertThat(claims.getString("appid", claims.getString("azp"))).isEqualTo(SALLYPORT);
  }

  @Test
  void concurrentCallersOfOneUserShareOneTokenRequestAndOtherUsersGetTheirOwn() {
    OboTokens obo = obo();
    String alice = minted("alice", new JsonObject()).getString("access_token");
    List<Future<String>> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(onLoop(obo, alice, null, null));
    }
    ItSupport.await(Future.all(all));
    assertThat(all.stream().map(Future::result).distinct()).hasSize(1);
    assertThat(dev.hits(tokenRequests)).isEqualTo(1);
    assertThat(obo.requests()).isEqualTo(1);
    ItSupport.await(onLoop(obo, alice, null, null));
    assertThat(dev.hits(tokenRequests)).as("from the cache").isEqualTo(1);
    String bob = ItSupport.await(onLoop(obo, minted("bob", new JsonObject()).getString("access_token"), null, null));
    assertThat(DevTenantFixture.part(bob, 1).getString("oid")).isNotEqualTo(
        DevTenantFixture.part(all.get(0).result(), 1).getString("oid"));
    assertThat(dev.hits(tokenRequests)).isEqualTo(2);
  }

  @Test
  void anEntryNeverOutlivesItsAssertion() {
    OboTokens obo = obo();
    String alice = minted("alice", new JsonObject()).getString("access_token");
    Instant exp = clock.instant().plus(Duration.ofMinutes(10));
    ItSupport.await(onLoop(obo, alice, exp, null));
    clock.advance(Duration.ofMinutes(3));
    ItSupport.await(onLoop(obo, alice, exp, null));
    assertThat(dev.hits(tokenRequests)).isEqualTo(1);
    clock.advance(Duration.ofMinutes(8)); // past the assertion's exp (the Graph token itself lasts an hour)
    ItSupport.await(onLoop(obo, alice, exp, null));
    assertThat(dev.hits(tokenRequests)).isEqualTo(2);
  }

  @Test
  void anAuthContextTheSignInDoesNotSatisfyIsInteractionRequiredWithItsClaims() {
    OboTokens obo = obo();
    String alice = minted("alice", new JsonObject()).getString("access_token");
    String c1 = "{\"access_token\":{\"acrs\":{\"essential\":true,\"value\":\"c1\"}}}";
    assertThatThrownBy(() -> ItSupport.await(onLoop(obo, alice, null, c1)))
        .hasRootCauseInstanceOf(OboTokens.InteractionRequired.class);
    // after an MFA sign-in the same claims are satisfied and the Graph token carries the auth context
    String mfa = minted("alice", new JsonObject().put("amr", new io.vertx.core.json.JsonArray().add("pwd").add("mfa")))
        .getString("access_token");
    String graph = ItSupport.await(onLoop(obo, mfa, null, c1));
    assertThat(DevTenantFixture.part(graph, 1).getValue("acrs").toString()).contains("c1");
  }
}
