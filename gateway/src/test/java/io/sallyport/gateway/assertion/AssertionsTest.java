package io.sallyport.gateway.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.config.AssertionConfig;
import io.sallyport.gateway.config.ConfigLoader;
import io.sallyport.gateway.config.SallyportConfig;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.sallyport.gateway.pipeline.Decision;
import io.sallyport.gateway.pipeline.Principal;
import io.sallyport.gateway.pipeline.Reason;
import io.sallyport.gateway.pipeline.Snapshot;
import io.sallyport.gateway.pipeline.route.Route;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The assertion as an upstream sees it, its cache, and the plain identity headers. */
class AssertionsTest {
  static final String OID = "11111111-2222-4333-8444-555555555555";
  static final String TID = "5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6";

  final MovableClock clock = new MovableClock();
  final SigningKey key = SigningKey.generate(0, clock.instant());
  final AtomicReference<Snapshot> live = new AtomicReference<>(snapshot(true, true, keyPair(key)));
  final KeyRing ring = new KeyRing(null, () -> live.get().config().assertion(), clock);
  final Assertions assertions = new Assertions(ring, live::get, clock);

  static KeyPair keyPair(SigningKey k) {
    return new KeyPair(k.publicKey(), k.privateKey());
  }

  Snapshot snapshot(boolean enabled, boolean headerUser) {
    return snapshot(enabled, headerUser, keyPair(key));
  }

  Snapshot snapshot(boolean enabled, boolean headerUser, KeyPair pair) {
    SallyportConfig c = ConfigLoader.parse("""
        listeners: { public: { port: 0 }, management: { port: 0 } }
        routes:
          - { name: billing, match: { path-prefix: /billing }, upstream: "http://10.0.0.5:3000/app" }
          - { name: hr, match: { path-prefix: /hr }, upstream: "https://hr.internal", assertion-audience: "urn:hr" }
        """, null, Map.of());
    AssertionConfig a = new AssertionConfig(enabled, "sallyport-test", Duration.ofSeconds(60), null, pair,
        headerUser);
    return Snapshot.of(new SallyportConfig(null, c.listeners(), c.proxy(), c.accessLog(), c.tenant(), c.store(),
        c.routes(), c.scim(), c.audit(), c.sessions(), c.graph(), a), 1);
  }

  Route route(String name) {
    return live.get().routes().routes().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  static Decision allow(Principal p) {
    return new Decision(Decision.Verdict.ALLOW, List.of(Reason.of("authz.allowed", "ok")), null, p);
  }

  static Principal alice(String upn, String session) {
    return new Principal(TID, OID, "Alice Admin", upn, "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", List.of("g1"), session);
  }

  MultiMap add(String route, Principal p) {
    MultiMap h = HttpHeaders.headers();
    assertThat(assertions.addTo(route(route), allow(p), h)).isTrue();
    return h;
  }

  JsonObject jwks() {
    return new JsonObject(ring.current().jwks());
  }

  @Test
  void anUpstreamVerifiesTheAssertionAgainstTheJwksAndReadsEveryClaim() {
    MultiMap h = add("billing", alice("alice@verify.example", "sess-1"));
    String jwt = h.get("X-Sallyport-Assertion");
    JsonObject header = UpstreamView.part(jwt.split("\\.")[0]);
    assertThat(header).isEqualTo(new JsonObject().put("alg", "ES256").put("typ", "JWT").put("kid", key.kid()));
    assertThat(jwt.split("\\.")[2]).as("R || S, 32 bytes each, base64url").hasSize(86);
    JsonObject c = UpstreamView.verify(jwt, jwks());
    long now = clock.instant().getEpochSecond();
    assertThat(c.getString("iss")).isEqualTo("sallyport-test");
    assertThat(c.getString("aud")).isEqualTo("http://10.0.0.5:3000");
    assertThat(c.getLong("iat")).isEqualTo(now);
    assertThat(c.fieldNames()).as("nothing more: the assertion travels on every request")
        .containsExactlyInAnyOrder("iss", "aud", "sub", "iat", "exp", "tid", "oid", "name", "upn", "groups", "route",
            "sid", "decision");
    assertThat(c.getLong("exp")).isEqualTo(now + 60);
    assertThat(c.getString("oid")).isEqualTo(OID);
    assertThat(c.getString("sub")).isEqualTo(OID);
    assertThat(c.getString("tid")).isEqualTo(TID);
    assertThat(c.getString("name")).isEqualTo("Alice Admin");
    assertThat(c.getString("upn")).isEqualTo("alice@verify.example");
    assertThat(c.containsKey("appid")).as("a user is not an app-only caller").isFalse();
    assertThat(c.getJsonArray("groups")).isEqualTo(new JsonArray().add("g1"));
    assertThat(c.getString("route")).isEqualTo("billing");
    assertThat(c.getString("sid")).isEqualTo("sess-1");
    assertThat(c.getJsonObject("decision")).isEqualTo(new JsonObject().put("verdict", "allow")
        .put("reasons", new JsonArray().add("authz.allowed")));
    assertThat(h.get("X-Sallyport-User")).isEqualTo(OID);
    assertThat(h.get("X-Sallyport-Upn")).isEqualTo("alice@verify.example");
  }

  @Test
  void theJwksHoldsOnlyPublicMembersAndTheKidIsTheRfc7638Thumbprint() throws Exception {
    JsonObject jwk = jwks().getJsonArray("keys").getJsonObject(0);
    assertThat(jwk.fieldNames()).containsExactlyInAnyOrder("kty", "crv", "kid", "use", "alg", "x", "y");
    assertThat(jwk.getString("kty")).isEqualTo("EC");
    assertThat(jwk.getString("crv")).isEqualTo("P-256");
    assertThat(jwk.getString("alg")).isEqualTo("ES256");
    assertThat(jwk.getString("use")).isEqualTo("sig");
    assertThat(jwk.getString("kid")).isEqualTo(key.kid());
    // RFC 7638 §3.2 for EC: exactly crv, kty, x, y in that order, no whitespace
    String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + jwk.getString("x") + "\",\"y\":\""
        + jwk.getString("y") + "\"}";
    assertThat(jwk.getString("kid")).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(
        java.security.MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  @Test
  void ecCoordinatesArePublishedAtTheirFullLengthOf32Bytes() {
    // RFC 7518 §6.2.1.2: a coordinate with leading zero bytes keeps them, or verifiers rebuild another point
    assertThat(Base64.getUrlDecoder().decode(KeyAlgorithm.unsigned(BigInteger.ONE, 32))).hasSize(32);
    assertThat(Base64.getUrlDecoder().decode(KeyAlgorithm.unsigned(BigInteger.TWO.pow(255), 32))).hasSize(32);
    assertThat(Base64.getUrlDecoder().decode(KeyAlgorithm.unsigned(BigInteger.valueOf(65537), 0))).hasSize(3);
  }

  @Test
  void anOperatorRsaKeySignsRs256AndPublishesNandE() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String ecKid = jwks().getJsonArray("keys").getJsonObject(0).getString("kid");
    live.set(snapshot(true, true, g.generateKeyPair()));
    String jwt = add("billing", alice("alice@verify.example", "sess-1")).get("X-Sallyport-Assertion");
    assertThat(UpstreamView.part(jwt.split("\\.")[0]).getString("alg")).isEqualTo("RS256");
    JsonObject jwk = jwks().getJsonArray("keys").getJsonObject(0);
    assertThat(jwk.fieldNames()).containsExactlyInAnyOrder("kty", "kid", "use", "alg", "n", "e");
    assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))).bitLength()).isEqualTo(2048);
    assertThat(UpstreamView.verify(jwt, jwks()).getString("oid")).isEqualTo(OID);
    // the replaced EC key stays published beside it, so assertions it signed still verify
    assertThat(jwks().getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("kid")))
        .containsExactly(jwk.getString("kid"), ecKid);
  }

  @Test
  void rfc7638ExampleThumbprint() throws Exception {
    String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCi"
        + "FV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c"
        + "7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44"
        + "-csFCur-kEgU8awapJzKnqDKgw";
    RSAPublicKey k = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
        new BigInteger(1, Base64.getUrlDecoder().decode(n)), BigInteger.valueOf(65537)));
    assertThat(SigningKey.thumbprint(KeyAlgorithm.RS256, k)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
  }

  @Test
  void aSignatureIsReusedWhileMoreThanHalfItsLifetimeRemains() {
    Principal p = alice("alice@verify.example", null);
    String first = add("billing", p).get("X-Sallyport-Assertion");
    clock.advance(Duration.ofSeconds(29));
    assertThat(add("billing", alice("alice@verify.example", null)).get("X-Sallyport-Assertion")).isSameAs(first);
    clock.advance(Duration.ofSeconds(1));
    String second = add("billing", p).get("X-Sallyport-Assertion");
    assertThat(second).isNotEqualTo(first);
    assertThat(UpstreamView.verify(second, jwks()).getLong("iat"))
        .isEqualTo(UpstreamView.verify(first, jwks()).getLong("iat") + 30);
    // anything the claims depend on is part of the cache key
    assertThat(add("hr", p).get("X-Sallyport-Assertion")).isNotEqualTo(second);
    assertThat(add("billing", alice("alice@verify.example", "sess-2")).get("X-Sallyport-Assertion"))
        .isNotEqualTo(second);
    assertThat(UpstreamView.verify(add("hr", p).get("X-Sallyport-Assertion"), jwks()).getString("aud"))
        .isEqualTo("urn:hr");
  }

  @Test
  void anAppOnlyCallerCarriesAppidAndNoUpnHeader() {
    Principal app = new Principal(TID, OID, null, null, "c0ffee00-0000-4000-8000-000000000001", List.of(), null);
    MultiMap h = add("billing", app);
    JsonObject c = UpstreamView.verify(h.get("X-Sallyport-Assertion"), jwks());
    assertThat(c.getString("appid")).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
    assertThat(c.containsKey("upn")).isFalse();
    assertThat(c.containsKey("sid")).isFalse();
    assertThat(h.contains("X-Sallyport-Upn")).isFalse();
    assertThat(h.get("X-Sallyport-User")).isEqualTo(OID);
  }

  @Test
  void headerValuesThatAreNotSafeAreLeftOutButTheSignedClaimKeepsThem() {
    Principal odd = new Principal(TID, "oid\r\nX-Evil: 1", "Eve", "eve@x.example\r\nX-Evil: 1", null, List.of(), null);
    MultiMap h = add("billing", odd);
    assertThat(h.contains("X-Sallyport-User")).isFalse();
    assertThat(h.contains("X-Sallyport-Upn")).isFalse();
    assertThat(UpstreamView.verify(h.get("X-Sallyport-Assertion"), jwks()).getString("upn"))
        .isEqualTo("eve@x.example\r\nX-Evil: 1");
    assertThat(HeaderValues.upn("o'brien+ops@contoso.example")).isTrue();
    assertThat(HeaderValues.upn("no-at-sign")).isFalse();
    assertThat(HeaderValues.upn("ünïcode@x.example")).isFalse();
    assertThat(HeaderValues.objectId("x".repeat(65))).isFalse();
  }

  @Test
  void switchesTurnTheAssertionAndThePlainHeadersOff() {
    live.set(snapshot(false, true));
    MultiMap h = add("billing", alice("alice@verify.example", null));
    assertThat(h.names()).containsExactlyInAnyOrder("X-Sallyport-User", "X-Sallyport-Upn");
    // with the assertion off no key is needed at all
    MultiMap plain = HttpHeaders.headers();
    assertThat(new Assertions(new KeyRing(null, AssertionConfig::defaults, clock), live::get, clock)
        .addTo(route("billing"), allow(alice("alice@verify.example", null)), plain)).isTrue();
    assertThat(plain.get("X-Sallyport-User")).isEqualTo(OID);
    live.set(snapshot(true, false));
    assertThat(add("billing", alice("alice@verify.example", null)).names()).containsExactly("X-Sallyport-Assertion");
  }

  @Test
  void anonymousDecisionsGetNothingAndNoKeyMeansRefuse() {
    MultiMap h = HttpHeaders.headers();
    assertThat(assertions.addTo(route("billing"), Decision.allow(Reason.of("route.public", "")), h)).isTrue();
    assertThat(h.isEmpty()).isTrue();
    KeyRing empty = new KeyRing(null, AssertionConfig::defaults, clock);
    assertThat(new Assertions(empty, live::get, clock).addTo(route("billing"),
        allow(alice("alice@verify.example", null)), h)).isFalse();
  }
}
