package io.sallyport.gateway.entra.oidc;

import static io.sallyport.gateway.entra.oidc.DevTenantFixture.SALLYPORT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.TENANT;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.b64;
import static io.sallyport.gateway.entra.oidc.DevTenantFixture.part;
import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.ItSupport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier against a real devtenant on loopback: the good token, then every security case of issue 4. */
class EntraTokenVerifierIT {

  static DevTenantFixture dev;
  MovableClock clock;
  EntraTokenVerifier verifier;

  @BeforeAll
  static void startTenant() {
    dev = new DevTenantFixture();
  }

  @AfterAll
  static void stopTenant() {
    dev.close();
  }

  @BeforeEach
  void freshVerifier() {
    clock = new MovableClock();
    verifier = EntraTokenVerifier.create(dev.vertx, dev.options(), dev.ca(), clock);
  }

  VerifiedToken verify(String token) {
    return ItSupport.await(verifier.verify(token));
  }

  String rejected(String token) {
    return rejected(verifier.verify(token));
  }

  static String rejected(Future<?> f) {
    Throwable t = ItSupport.await(f.transform(ar -> Future.succeededFuture(ar.cause())));
    assertThat(t).as("the token was accepted").isNotNull();
    if (t instanceof TokenRejected r) {
      assertThat(r.getStackTrace()).isEmpty();
      return r.reason();
    }
    return t instanceof VerifierUnavailable u ? u.reason() : t.toString();
  }

  @Test
  void aV2TokenForTheSallyportAppPassesWithItsClaims() {
    JsonObject minted = dev.mint(new JsonObject().put("user", "alice").put("client", "Sallyport")
        .put("claims", new JsonObject().put("amr", List.of("pwd", "mfa")).put("acrs", List.of("c1"))));
    VerifiedToken t = verify(minted.getString("access_token"));
    JsonObject c = minted.getJsonObject("claims");
    assertThat(t.tenantId()).isEqualTo(TENANT);
    assertThat(t.version()).isEqualTo("2.0");
    assertThat(t.oid()).isEqualTo(c.getString("oid")).isNotBlank();
    assertThat(t.sub()).isEqualTo(c.getString("sub"));
    assertThat(t.upn()).isEqualTo("alice@verify.example");
    assertThat(t.name()).isEqualTo("Alice Admin");
    assertThat(t.appId()).isEqualTo(SALLYPORT);
    assertThat(t.scopes()).containsExactly("access_as_user");
    assertThat(t.amr()).containsExactly("pwd", "mfa");
    assertThat(t.acrs()).containsExactly("c1");
    assertThat(t.groups()).hasSize(1);
    assertThat(t.groupsOverage()).isFalse();
    assertThat(t.appOnly()).isFalse();
    assertThat(t.expiresAt()).isEqualTo(Instant.ofEpochSecond(c.getLong("exp")));
    assertThat(t.claims().getString("uti")).isEqualTo(c.getString("uti"));
  }

  @Test
  void aV1TokenWithTheAppIdUriAsAudiencePasses() {
    String token = dev.mint(new JsonObject().put("user", "alice").put("client", "Sallyport")
        .put("audience", DevTenantFixture.APP_ID_URI).put("version", 1)).getString("access_token");
    VerifiedToken t = verify(token);
    assertThat(t.version()).isEqualTo("1.0");
    assertThat(t.appId()).isEqualTo(SALLYPORT);
  }

  @Test
  void groupsOverageIsFlaggedNotReadAsNoGroups() {
    VerifiedToken t = verify(dev.userToken(new JsonObject().putNull("groups")
        .put("_claim_names", new JsonObject().put("groups", "src1"))));
    assertThat(t.groups()).isEmpty();
    assertThat(t.groupsOverage()).isTrue();
  }

  @Test
  void algNoneIsRefused() {
    String good = dev.userToken(new JsonObject());
    String kid = part(good, 0).getString("kid");
    String none = b64("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + good.split("\\.")[1] + ".";
    assertThat(rejected(none)).isEqualTo(TokenRejected.ALG);
  }

  @Test
  void hs256SignedWithTheRsaPublicKeyIsRefused() throws Exception {
    String good = dev.userToken(new JsonObject());
    String kid = part(good, 0).getString("kid");
    JsonObject jwks = dev.control("GET", "/" + TENANT + "/discovery/v2.0/keys", null);
    JsonObject jwk = jwks.getJsonArray("keys").stream().map(JsonObject.class::cast)
        .filter(k -> kid.equals(k.getString("kid"))).findFirst().orElseThrow();
    String input = b64("{\"typ\":\"JWT\",\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}") + "." + good.split("\\.")[1];
    for (byte[] secret : List.of(Base64.getUrlDecoder().decode(jwk.getString("n")),
        dev.tenant.certificatePem().getBytes(StandardCharsets.US_ASCII))) {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      String forged = input + "." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
      assertThat(rejected(forged)).isEqualTo(TokenRejected.ALG);
    }
  }

  @Test
  void expiredAndNotYetValidTokensAreRefused() {
    String expired = dev.mint(new JsonObject().put("user", "alice").put("client", "Sallyport")
        .put("lifetime-seconds", -300)).getString("access_token");
    assertThat(rejected(expired)).isEqualTo(TokenRejected.EXPIRED);
    long now = Instant.now().getEpochSecond();
    String early = dev.userToken(new JsonObject().put("nbf", now + 600).put("exp", now + 4000));
    assertThat(rejected(early)).isEqualTo(TokenRejected.NOT_YET_VALID);
    // within the leeway both pass: a clock a few seconds off must not lock people out
    assertThat(verify(dev.userToken(new JsonObject().put("nbf", now + 30))).oid()).isNotBlank();
    String noExp = dev.userToken(new JsonObject().putNull("exp"));
    assertThat(rejected(noExp)).isEqualTo(TokenRejected.MALFORMED);
  }

  @Test
  void audienceIssuerAndTenantRules() {
    assertThat(rejected(dev.userToken(new JsonObject().put("aud", "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a"))))
        .isEqualTo(TokenRejected.AUDIENCE);
    assertThat(rejected(dev.userToken(new JsonObject().putNull("aud")))).isEqualTo(TokenRejected.AUDIENCE);
    assertThat(rejected(dev.userToken(new JsonObject().put("iss", "https://evil.example/" + TENANT + "/v2.0"))))
        .isEqualTo(TokenRejected.ISSUER);
    assertThat(rejected(dev.userToken(new JsonObject().put("iss", "https://sts.windows.net/" + TENANT + "/")
        .put("ver", "2.0")))).isEqualTo(TokenRejected.ISSUER);
    String other = DevTenantFixture.OTHER_TENANT;
    String foreign = dev.userToken(new JsonObject().put("tid", other)
        .put("iss", dev.tenant.baseUrl() + "/" + other + "/v2.0"));
    assertThat(rejected(foreign)).isEqualTo(TokenRejected.TENANT);
    assertThat(rejected(dev.userToken(new JsonObject().put("tid", "wrong")))).isEqualTo(TokenRejected.TENANT);
    // both tenants allowed: a token whose tid and issuer disagree is still refused
    EntraTokenVerifier both = EntraTokenVerifier.create(dev.vertx,
        dev.options().withAllowedTenants(List.of(TENANT, other)), dev.ca(), clock);
    assertThat(rejected(both.verify(dev.userToken(new JsonObject().put("tid", other)))))
        .isEqualTo(TokenRejected.ISSUER);
    assertThat(ItSupport.await(both.verify(foreign)).tenantId()).isEqualTo(other);
  }

  @Test
  void graphTokensAndIdTokensAreRefused() {
    String graph = dev.mint(new JsonObject().put("user", "alice").put("client", "Sallyport")
        .put("audience", "https://graph.microsoft.com")).getString("access_token");
    assertThat(part(graph, 0).containsKey("nonce")).isTrue();
    assertThat(rejected(graph)).isEqualTo(TokenRejected.AUDIENCE);
    assertThat(rejected(dev.userToken(new JsonObject().put("aud", "00000003-0000-0000-c000-000000000000"))))
        .isEqualTo(TokenRejected.AUDIENCE);
    String id = dev.mint(new JsonObject().put("user", "alice").put("client", "Sallyport").put("id_token", true))
        .getString("id_token");
    assertThat(rejected(id)).isEqualTo(TokenRejected.TYPE);
  }

  @Test
  void tamperedTruncatedGarbageAndOversizedTokensAreRefused() {
    String good = dev.userToken(new JsonObject());
    String[] p = good.split("\\.");
    JsonObject payload = part(good, 1).put("roles", List.of("Admin"));
    assertThat(rejected(p[0] + "." + b64(payload.encode()) + "." + p[2])).isEqualTo(TokenRejected.SIGNATURE);
    assertThat(rejected(p[0] + "." + p[1] + "." + p[2].substring(0, p[2].length() / 2)))
        .isEqualTo(TokenRejected.SIGNATURE);
    assertThat(rejected(good.substring(0, good.length() / 2))).isEqualTo(TokenRejected.MALFORMED);
    assertThat(rejected("garbage")).isEqualTo(TokenRejected.MALFORMED);
    assertThat(rejected("a.b.c.d")).isEqualTo(TokenRejected.MALFORMED);
    assertThat(rejected(b64("[1]") + "." + p[1] + "." + p[2])).isEqualTo(TokenRejected.MALFORMED);
    assertThat(rejected(p[0] + "=." + p[1] + "." + p[2])).isEqualTo(TokenRejected.MALFORMED);
    String big = dev.userToken(new JsonObject().put("pad", "x".repeat(20_000)));
    assertThat(rejected(big)).isEqualTo(TokenRejected.TOO_LARGE);
    assertThat(verifier.signatureChecks()).isEqualTo(2); // the two forged signatures; nothing else got that far
  }

  @Test
  void fiftyGarbageKidsCostTheKeyEndpointOneRefetch() {
    String good = dev.userToken(new JsonObject());
    verify(good); // the first fetch
    String counter = dev.countJwksRequests();
    try {
      clock.advance(Duration.ofSeconds(11));
      String[] p = good.split("\\.");
      List<Future<VerifiedToken>> all = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        all.add(verifier.verify(b64("{\"alg\":\"RS256\",\"kid\":\"garbage-" + i + "\"}") + "." + p[1] + "." + p[2]));
      }
      for (Future<VerifiedToken> f : all) {
        assertThat(rejected(f)).isEqualTo(TokenRejected.UNKNOWN_KEY);
      }
      for (int i = 0; i < 50; i++) { // after the refetch, within the interval: answered from the cache
        assertThat(rejected(b64("{\"alg\":\"RS256\",\"kid\":\"late-" + i + "\"}") + "." + p[1] + "." + p[2]))
            .isEqualTo(TokenRejected.UNKNOWN_KEY);
      }
      assertThat(dev.hits(counter)).isEqualTo(1);
      assertThat(verify(good).oid()).isNotBlank();
    } finally {
      dev.control("DELETE", "/_devtenant/faults/" + counter, null);
    }
  }

  @Test
  void aRotatedKeyVerifiesAfterOneRefetch() {
    verify(dev.userToken(new JsonObject()));
    JsonObject rotated = dev.control("POST", "/_devtenant/keys/rotate", new JsonObject());
    String fresh = dev.userToken(new JsonObject());
    assertThat(part(fresh, 0).getString("kid")).isEqualTo(rotated.getString("kid"));
    long before = verifier.keys().fetches();
    // within the rate limit the new kid is not fetched yet
    assertThat(rejected(fresh)).isEqualTo(TokenRejected.UNKNOWN_KEY);
    clock.advance(Duration.ofSeconds(11));
    assertThat(verify(fresh).tenantId()).isEqualTo(TENANT);
    assertThat(verifier.keys().fetches()).isEqualTo(before + 1);
  }

  @Test
  void theCacheChecksEachSignatureOnceAndDropsTokensAtExp() {
    VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 1000);
    String token = dev.mint(new JsonObject().put("user", "alice").put("client", "Sallyport")
        .put("lifetime-seconds", 3600)).getString("access_token");
    List<Future<VerifiedToken>> first = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      first.add(cache.verify(token)); // concurrent first uses share one verification
    }
    first.forEach(f -> assertThat(ItSupport.await(f).oid()).isNotBlank());
    assertThat(verifier.signatureChecks()).isEqualTo(1);
    ItSupport.await(cache.verify(token));
    assertThat(verifier.signatureChecks()).isEqualTo(1);
    assertThat(cache.size()).isEqualTo(1);
    String bad = token.substring(0, token.length() - 4) + "AAAA";
    assertThat(rejected(cache.verify(bad))).isEqualTo(TokenRejected.SIGNATURE);
    assertThat(rejected(cache.verify(bad))).isEqualTo(TokenRejected.SIGNATURE);
    assertThat(verifier.signatureChecks()).isEqualTo(3); // rejections are not cached

    // at exp the cache answers nothing at once (it checks exp itself); the verifier still allows its
    // leeway. Timed from the token's own exp: the shared devtenant's clock may have been moved
    long exp = DevTenantFixture.part(token, 1).getLong("exp");
    clock.advance(Duration.ofMillis(exp * 1000 - clock.millis()));
    assertThat(cache.cached(token)).isNull();
    // past the verifier's leeway the token is refused, whatever the cache still holds: when Caffeine
    // evicts the entry is a matter of memory (bounded by maxEntries), never of an answer
    clock.advance(Duration.ofSeconds(61));
    assertThat(rejected(cache.verify(token))).isEqualTo(TokenRejected.EXPIRED);
    assertThat(cache.cached(token)).isNull();
  }

  @Test
  void theHeaderMemoNeedsTheWholeHeaderAndHonoursGenerationAndExp() {
    VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 1000);
    String token = dev.mint(new JsonObject().put("user", "alice").put("client", "Sallyport")
        .put("lifetime-seconds", 3600)).getString("access_token");
    String header = "Bearer " + token;
    assertThat(cache.cachedByHeader(header)).isNull();
    long gen = cache.generation();
    VerifiedToken t = ItSupport.await(cache.verify(token));
    cache.rememberHeader(header, t, gen);
    assertThat(cache.cachedByHeader(new String(header.toCharArray()))).isSameAs(t);
    // one character off anywhere (here in the payload, the slot's tail kept): no hit
    int mid = header.length() / 2;
    String other = header.substring(0, mid) + (header.charAt(mid) == 'A' ? 'B' : 'A') + header.substring(mid + 1);
    assertThat(cache.cachedByHeader(other)).isNull();
    // remembered from a lookup that began before an invalidation: void
    long before = cache.generation();
    cache.invalidateAll();
    assertThat(cache.cachedByHeader(header)).isNull();
    cache.rememberHeader(header, t, before);
    assertThat(cache.cachedByHeader(header)).isNull();
    cache.rememberHeader(header, t, cache.generation());
    assertThat(cache.cachedByHeader(header)).isSameAs(t);
    // exp is the same RecentTokens rule as the token memo's (RecentTokensTest); the class's clock is
    // shared, so it is not moved here
  }

  @Test
  void theRecentTokenMemoNeedsTheWholeTokenAndHonoursExpAndInvalidation() {
    VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 1000);
    String token = dev.mint(new JsonObject().put("user", "alice").put("client", "Sallyport")
        .put("lifetime-seconds", 3600)).getString("access_token");
    assertThat(cache.cached(token)).isNull(); // never seen: nothing verified here
    String oid = ItSupport.await(cache.verify(token)).oid();
    for (int i = 0; i < 5; i++) { // equal bytes in a new string each time, as every request brings
      assertThat(ItSupport.await(cache.verify(new String(token.toCharArray()))).oid()).isEqualTo(oid);
      assertThat(cache.cached(new String(token.toCharArray()))).isNotNull();
    }
    assertThat(verifier.signatureChecks()).isEqualTo(1);

    // another user's oid in the payload, header and signature (the tail, which picks the slot) kept
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + DevTenantFixture.b64(DevTenantFixture.part(token, 1)
        .put("oid", "00000000-0000-4000-8000-000000000001").encode()) + "." + parts[2];
    assertThat(cache.cached(forged)).isNull();
    assertThat(rejected(cache.verify(forged))).isEqualTo(TokenRejected.SIGNATURE);
    assertThat(verifier.signatureChecks()).isEqualTo(2);

    cache.invalidateAll(); // revocation: every thread's memo is void at once
    assertThat(cache.cached(token)).isNull();
    ItSupport.await(cache.verify(token));
    assertThat(verifier.signatureChecks()).isEqualTo(3);
    assertThat(cache.cached(token)).isNotNull();

    // exactly at exp the memo and the cache answer nothing (the verifier's leeway is its own business)
    long exp = DevTenantFixture.part(token, 1).getLong("exp");
    clock.advance(Duration.ofMillis(exp * 1000 - clock.millis() - 1));
    assertThat(cache.cached(token)).isNotNull();
    clock.advance(Duration.ofMillis(1));
    assertThat(cache.cached(token)).isNull();
  }

  @Test
  void keysThatCannotBeRefreshedKeepServingAndNoKeysAtAllIsUnavailable() {
    String good = dev.userToken(new JsonObject());
    verify(good);
    String down = dev.control("POST", "/_devtenant/faults", new JsonObject().put("path", "re:/discovery/v2\\.0/keys$")
        .put("status", 503)).getString("id");
    try {
      clock.advance(Duration.ofHours(25));
      String later = dev.userToken(new JsonObject().put("exp", clock.instant().getEpochSecond() + 600)
          .put("nbf", clock.instant().getEpochSecond() - 10));
      long before = verifier.keys().fetches();
      assertThat(verify(later).oid()).isNotBlank(); // served by the cached key, refresh started behind it
      ItSupport.await(io.vertx.core.Future.<Void>future(p -> dev.vertx.setTimer(300, id -> p.complete())));
      assertThat(verifier.keys().fetches()).isEqualTo(before + 1);
      assertThat(verify(later).oid()).isNotBlank(); // the failed refresh kept the last good set
    } finally {
      dev.control("DELETE", "/_devtenant/faults/" + down, null);
    }
  }

  @Test
  void devtenantDownIsUnavailableNotACrash() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    EntraTokenVerifier orphan = EntraTokenVerifier.create(dev.vertx, VerifierOptions.of(
        java.net.URI.create("https://localhost:" + closed), TENANT, List.of(SALLYPORT))
        .withFetchTimeout(Duration.ofSeconds(2)), dev.ca(), clock);
    String token = dev.userToken(new JsonObject());
    assertThat(rejected(orphan.verify(token))).isEqualTo(VerifierUnavailable.REASON);
    assertThat(rejected(orphan.verify(token))).isEqualTo(VerifierUnavailable.REASON); // rate-limited, still no keys
  }
}
