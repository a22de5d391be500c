package io.sallyport.gateway.assertion;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.config.AssertionConfig;
import io.sallyport.gateway.config.StoreConfig;
import io.sallyport.gateway.entra.oidc.MovableClock;
import io.sallyport.gateway.harness.Await;
import io.sallyport.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key ring on a real (H2) store with a clock the test moves: two rings on one store stand for
 * two nodes. First key race, rotation, overlap and retirement, operator keys.
 */
class KeyRingIT {
  @TempDir
  Path dir;
  Vertx vertx;
  Store store;
  final MovableClock clock = new MovableClock();
  final AtomicReference<AssertionConfig> config = new AtomicReference<>(AssertionConfig.defaults());

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    store = Await.of(Store.open(vertx, new StoreConfig(StoreConfig.Kind.H2, dir, null, null, null, 2), clock));
  }

  @AfterEach
  void close() {
    Await.of(store.close());
    Await.of(vertx.close());
  }

  KeyRing ring() {
    return new KeyRing(vertx, config::get, clock);
  }

  static int published(KeyRing ring) {
    return new JsonObject(ring.current().jwks()).getJsonArray("keys").size();
  }

  @Test
  void nodesStartingTogetherShareOneFirstKeyAndARotationReachesThemAll() throws Exception {
    KeyRing a = ring();
    KeyRing b = ring();
    Await.of(Future.all(a.start(store.signingKeys(), store.events()), b.start(store.signingKeys(), store.events())));
    String first = a.current().current().kid();
    assertThat(b.current().current().kid()).isEqualTo(first);
    assertThat(Await.of(store.signingKeys().keys())).hasSize(1);
    assertThat(published(a)).isEqualTo(1);

    SigningKey next = Await.of(a.rotate());
    assertThat(next.kid()).isNotEqualTo(first);
    assertThat(a.current().current().kid()).isEqualTo(next.kid());
    for (int i = 0; i < 40 && !b.current().current().kid().equals(next.kid()); i++) {
      Thread.sleep(50);
    }
    assertThat(b.current().current().kid()).as("node B after the rotation event").isEqualTo(next.kid());
    assertThat(b.current().jwks()).isEqualTo(a.current().jwks());
    assertThat(published(b)).isEqualTo(2);

    // a node started later loads the same keys
    KeyRing c = ring();
    Await.of(c.start(store.signingKeys(), store.events()));
    assertThat(c.current().jwks()).isEqualTo(a.current().jwks());
    Await.of(Future.all(a.stop(), b.stop(), c.stop()));
  }

  @Test
  void theOldKeyStaysPublishedForTheOverlapThenRetires() {
    KeyRing ring = ring();
    Await.of(ring.start(store.signingKeys(), store.events()));
    String old = ring.current().current().kid();
    Await.of(ring.rotate());
    Duration overlap = KeyRing.overlap(Duration.ofSeconds(60));
    assertThat(overlap).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
    JsonObject listing = KeysEndpoint.listing(ring.current(), clock.instant());
    assertThat(listing.getJsonArray("keys").getJsonObject(1).getString("kid")).isEqualTo(old);
    assertThat(listing.getJsonArray("keys").getJsonObject(1).getString("state")).isEqualTo("published");
    assertThat(listing.getJsonArray("keys").getJsonObject(0).getString("state")).isEqualTo("current");
    assertThat(listing.encode()).doesNotContain("\"d\"").doesNotContain("privateKey");

    clock.advance(overlap.minusSeconds(1));
    assertThat(published(ring)).isEqualTo(2);
    clock.advance(Duration.ofSeconds(2));
    assertThat(published(ring)).isEqualTo(1);
    assertThat(new JsonObject(ring.current().jwks()).encode()).doesNotContain(old);
    assertThat(KeysEndpoint.listing(ring.current(), clock.instant()).getJsonArray("keys").getJsonObject(1)
        .getString("state")).isEqualTo("retired");
    Await.of(ring.stop());
  }

  @Test
  void anOperatorKeyIsUsedAloneAndCannotBeRotatedHere() {
    SigningKey operator = SigningKey.generate(0, clock.instant());
    config.set(new AssertionConfig(true, "sallyport", Duration.ofSeconds(60), dir.resolve("k.pem"),
        new java.security.KeyPair(operator.publicKey(), operator.privateKey()), true));
    KeyRing ring = ring();
    Await.of(ring.start(store.signingKeys(), store.events()));
    assertThat(ring.current().current().kid()).isEqualTo(operator.kid());
    assertThat(ring.current().operator()).isTrue();
    assertThat(Await.of(store.signingKeys().keys())).as("no key generated into the store").isEmpty();
    Throwable refused = Await.of(ring.rotate().transform(ar -> Future.succeededFuture(ar.cause())));
    assertThat(refused).isInstanceOf(KeyRing.OperatorKeyException.class);

    // the operator replaces the file and reloads: the previous key stays published for the overlap
    SigningKey replacement = SigningKey.generate(0, clock.instant());
    config.set(new AssertionConfig(true, "sallyport", Duration.ofSeconds(60), dir.resolve("k.pem"),
        new java.security.KeyPair(replacement.publicKey(), replacement.privateKey()), true));
    assertThat(ring.current().current().kid()).isEqualTo(replacement.kid());
    assertThat(published(ring)).isEqualTo(2);
    clock.advance(KeyRing.overlap(Duration.ofSeconds(60)).plusSeconds(1));
    assertThat(published(ring)).isEqualTo(1);

    // key-file removed by a reload: the store's keys are loaded (generated here) without waiting for a refresh
    config.set(AssertionConfig.defaults());
    KeySet now = ring.current();
    for (int i = 0; i < 100 && (now == null || now.operator()); i++) {
      sleep(50);
      now = ring.current();
    }
    assertThat(now).isNotNull();
    assertThat(now.operator()).isFalse();
    assertThat(now.current().kid()).isNotIn(operator.kid(), replacement.kid());
    Await.of(ring.stop());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void storedKeysRoundTripAndATamperedRowIsRefused() throws Exception {
    SigningKey k = SigningKey.generate(3, clock.instant());
    assertThat(k.algorithm()).isEqualTo(KeyAlgorithm.ES256);
    SigningKey back = SigningKey.fromStored(k.toStored());
    assertThat(back.kid()).isEqualTo(k.kid());
    assertThat(back.privateKey()).isEqualTo(k.privateKey());
    var row = k.toStored();
    var other = SigningKey.generate(3, clock.instant()).toStored();
    // another key's both halves under this kid: the thumbprint gives it away
    var swapped = new io.sallyport.gateway.store.StoredSigningKey(row.kid(), 3, "ES256", other.privateKey(),
        other.publicKey(), row.createdAt(), null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SigningKey.fromStored(swapped))
        .hasMessageContaining("thumbprint").hasMessageNotContaining(other.privateKey());
    // this key's public half with another's private half: the kid matches, the pair check does not
    var mixed = new io.sallyport.gateway.store.StoredSigningKey(row.kid(), 3, "ES256", other.privateKey(),
        row.publicKey(), row.createdAt(), null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SigningKey.fromStored(mixed))
        .hasMessageContaining("does not match its public half").hasMessageNotContaining(other.privateKey());
    var relabelled = new io.sallyport.gateway.store.StoredSigningKey(row.kid(), 3, "HS256", row.privateKey(),
        row.publicKey(), row.createdAt(), null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SigningKey.fromStored(relabelled))
        .hasMessageContaining("unknown signing algorithm \"HS256\"").hasMessageNotContaining(row.privateKey());
    assertThat(Files.exists(dir)).isTrue();
  }

  @Test
  void anRs256KeyStoredBeforeEs256StillLoadsAndSigns() throws Exception {
    // a store written by an older gateway holds RS256 rows: they load, sign and publish until rotated out
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    SigningKey rsa = SigningKey.of(g.generateKeyPair(), 1, clock.instant(), null);
    var row = rsa.toStored();
    assertThat(row.algorithm()).isEqualTo("RS256");
    SigningKey back = SigningKey.fromStored(row);
    assertThat(back.algorithm()).isEqualTo(KeyAlgorithm.RS256);
    assertThat(back.kid()).isEqualTo(rsa.kid());
    KeySet set = KeySet.of(java.util.List.of(SigningKey.generate(2, clock.instant()), back.retiringAt(
        clock.instant().plusSeconds(60))), clock.instant(), false);
    JsonObject jwks = new JsonObject(set.jwks());
    String jwt = Jws.sign(back, new JsonObject().put("oid", "x"));
    assertThat(UpstreamView.verify(jwt, jwks).getString("oid")).isEqualTo("x");
    assertThat(jwks.getJsonArray("keys").stream().map(o -> ((JsonObject) o).getString("alg")).toList())
        .containsExactly("ES256", "RS256");
  }
}
