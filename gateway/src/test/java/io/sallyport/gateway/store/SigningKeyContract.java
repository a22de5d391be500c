package io.sallyport.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The assertion signing keys: part of the store contract. The tests share one store (and so one
 * key table), so each reads the current generation first instead of assuming an empty table.
 */
abstract class SigningKeyContract extends DirectoryContract {

  protected static StoredSigningKey key(long generation) {
    return new StoredSigningKey("kid-" + uid(), generation, "RS256", "private-" + uid(), "public-" + uid(),
        Instant.now(), null);
  }

  private long currentGeneration() {
    List<StoredSigningKey> keys = await(store.signingKeys().keys());
    return keys.isEmpty() ? 0 : keys.get(0).generation();
  }

  @Test
  void firstKeyIsStoredOnceWhenNodesRace() {
    boolean empty = currentGeneration() == 0;
    StoredSigningKey a = key(1);
    StoredSigningKey b = key(1);
    Future<StoredSigningKey> fa = onEventLoop(() -> store.signingKeys().createFirst(a));
    Future<StoredSigningKey> fb = onEventLoop(() -> store.signingKeys().createFirst(b));
    StoredSigningKey wa = await(fa);
    StoredSigningKey wb = await(fb);
    assertThat(wa).isEqualTo(wb);
    List<StoredSigningKey> keys = await(store.signingKeys().keys());
    assertThat(keys.get(0)).isEqualTo(wa);
    assertThat(wa.retireAt()).isNull();
    if (empty) {
      assertThat(wa.kid()).isIn(a.kid(), b.kid());
      assertThat(keys).hasSize(1);
      assertThat(wa.privateKey()).isEqualTo(wa.kid().equals(a.kid()) ? a.privateKey() : b.privateKey());
    }
    assertThat(keys).extracting(StoredSigningKey::kid).doesNotHaveDuplicates();
    assertThat(failure(store.signingKeys().createFirst(key(2)))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rotationIsACompareAndSwapThatRetiresThePreviousKey() {
    if (currentGeneration() == 0) {
      await(store.signingKeys().createFirst(key(1)));
    }
    long generation = currentGeneration();
    StoredSigningKey previous = await(store.signingKeys().keys()).get(0);
    Instant retireAt = Instant.now().plusSeconds(120).truncatedTo(ChronoUnit.MICROS);
    StoredSigningKey next = key(generation + 1);
    StoredSigningKey stored = await(store.signingKeys().rotate(next, retireAt));
    assertThat(stored.kid()).isEqualTo(next.kid());
    List<StoredSigningKey> keys = await(store.signingKeys().keys());
    assertThat(keys.get(0)).isEqualTo(stored);
    assertThat(keys.get(0).retireAt()).isNull();
    assertThat(keys).filteredOn(k -> k.kid().equals(previous.kid())).singleElement()
        .extracting(StoredSigningKey::retireAt).isEqualTo(retireAt);

    // two nodes rotate at once from the same generation: exactly one wins
    Future<StoredSigningKey> r1 = onEventLoop(() -> store.signingKeys().rotate(key(generation + 2), retireAt));
    Future<StoredSigningKey> r2 = onEventLoop(() -> store.signingKeys().rotate(key(generation + 2), retireAt));
    await(Future.join(r1, r2).transform(ar -> Future.succeededFuture()));
    assertThat(List.of(r1, r2)).filteredOn(Future::succeeded).hasSize(1);
    assertThat(List.of(r1, r2)).filteredOn(Future::failed).singleElement()
        .extracting(Future::cause).isInstanceOf(StaleVersionException.class);
    assertThat(currentGeneration()).isEqualTo(generation + 2);

    assertThat(failure(store.signingKeys().rotate(key(generation + 9), retireAt)))
        .isInstanceOf(StaleVersionException.class);
    StoredSigningKey taken = new StoredSigningKey(previous.kid(), generation + 3, "RS256", "p", "q", Instant.now(),
        null);
    assertThat(failure(store.signingKeys().rotate(taken, retireAt))).isInstanceOf(UniquenessException.class);
    assertThat(currentGeneration()).isEqualTo(generation + 2);
  }

  @Test
  void retiredKeysAreDeletedButNeverTheCurrentOne() {
    if (currentGeneration() == 0) {
      await(store.signingKeys().createFirst(key(1)));
    }
    StoredSigningKey old = await(store.signingKeys().keys()).get(0);
    StoredSigningKey next = await(store.signingKeys().rotate(key(old.generation() + 1),
        Instant.now().minusSeconds(60)));
    assertThat(await(store.signingKeys().deleteRetired(Instant.now()))).isGreaterThanOrEqualTo(1);
    List<StoredSigningKey> keys = await(store.signingKeys().keys());
    assertThat(keys).extracting(StoredSigningKey::kid).doesNotContain(old.kid()).contains(next.kid());
    assertThat(keys.get(0).kid()).isEqualTo(next.kid());
    assertThat(keys).allSatisfy(k -> assertThat(k.retireAt() == null || !k.retireAt().isBefore(Instant.now()
        .minusSeconds(1))).isTrue());
    assertThat(next.toString()).doesNotContain(next.privateKey());
  }
}
