package io.sallyport.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions: part of the store contract every database must pass. */
abstract class SessionContract extends ContractFixture {

  protected StoredSession session(String userId, Instant now, Duration idle, Duration absolute) {
    return StoredSession.fresh(uid(), userId, "tenant-1", new JsonObject().put("acr", "c1"), now,
        now.plus(idle), now.plus(absolute));
  }

  protected Instant dbNow() {
    return await(store.databaseTime());
  }

  @Test
  void sessionLifecycle() {
    Instant now = dbNow();
    StoredSession created = await(store.sessions().create(
        session("u-" + uid(), now, Duration.ofMinutes(30), Duration.ofHours(8))));
    assertThat(created.version()).isEqualTo(1);
    assertThat(await(store.sessions().find(created.id()))).contains(created);

    StoredSession touched = await(store.sessions().touch(created.id(), 1, now.plusSeconds(5),
        now.plus(Duration.ofMinutes(35))));
    assertThat(touched.version()).isEqualTo(2);
    assertThat(touched.lastSeenAt()).isEqualTo(now.plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MICROS));

    StoredSession updated = await(store.sessions().update(
        touched.withData(new JsonObject().put("acr", "c2"))));
    assertThat(updated.version()).isEqualTo(3);
    assertThat(updated.data().getString("acr")).isEqualTo("c2");

    assertThat(await(store.sessions().revoke(created.id()))).isTrue();
    assertThat(await(store.sessions().revoke(created.id()))).isFalse();
    assertThat(await(store.sessions().find(created.id()))).isEmpty();
    assertFailsWith(store.sessions().touch(created.id(), 4, now, now.plusSeconds(60)),
        NotFoundException.class);
    assertFailsWith(store.sessions().create(created), UniquenessException.class);
  }

  @Test
  void sessionCompareAndSwapConflicts() {
    Instant now = dbNow();
    StoredSession s = await(store.sessions().create(
        session("u-" + uid(), now, Duration.ofMinutes(30), Duration.ofHours(8))));
    await(store.sessions().touch(s.id(), 1, now, now.plusSeconds(600)));
    Throwable stale = failure(store.sessions().touch(s.id(), 1, now, now.plusSeconds(900)));
    assertThat(stale).isInstanceOf(StaleVersionException.class).hasMessageContaining(s.id());
    assertFailsWith(store.sessions().update(s), StaleVersionException.class);
    assertFailsWith(store.sessions().touch("no-such-" + uid(), 1, now, now), NotFoundException.class);
  }

  @Test
  void expiryIsJudgedByDatabaseTime() {
    Instant db = dbNow();
    String user = "u-" + uid();
    StoredSession idleGone = await(store.sessions().create(StoredSession.fresh(uid(), user, null,
        null, db.minusSeconds(60), db.minusSeconds(1), db.plusSeconds(3600))));
    StoredSession absoluteGone = await(store.sessions().create(StoredSession.fresh(uid(), user,
        null, null, db.minusSeconds(60), db.plusSeconds(600), db.minusSeconds(1))));
    StoredSession live = await(store.sessions().create(StoredSession.fresh(uid(), user, null, null,
        db, db.plusSeconds(600), db.plusSeconds(3600))));

    assertThat(await(store.sessions().find(idleGone.id()))).isEmpty();
    assertThat(await(store.sessions().find(absoluteGone.id()))).isEmpty();
    assertThat(await(store.sessions().find(live.id()))).isPresent();
    assertThat(await(store.sessions().listForUser(user, 0, 10)).items())
        .extracting(StoredSession::id).containsExactly(live.id());

    assertThat(await(store.sessions().deleteExpired())).isGreaterThanOrEqualTo(2);
    assertThat(await(store.sessions().find(live.id()))).isPresent();
    assertFailsWith(store.sessions().touch(idleGone.id(), 1, db, db.plusSeconds(600)),
        NotFoundException.class);
  }

  @Test
  void revokeAllForUserAndPaging() {
    Instant now = dbNow();
    String user = "u-" + uid();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(await(store.sessions().create(session(user, now.plusMillis(i),
          Duration.ofMinutes(30), Duration.ofHours(8)))).id());
    }
    Page<StoredSession> first = await(store.sessions().listForUser(user, 0, 2));
    Page<StoredSession> last = await(store.sessions().listForUser(user, 4, 2));
    assertThat(first.total()).isEqualTo(5);
    assertThat(first.items()).extracting(StoredSession::id).containsExactly(ids.get(4), ids.get(3));
    assertThat(last.items()).extracting(StoredSession::id).containsExactly(ids.get(0));
    assertThat(last.hasMore()).isFalse();

    assertThat(await(store.sessions().revokeAllForUser(user))).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(await(store.sessions().revokeAllForUser(user))).isEmpty();
    assertThat(await(store.sessions().listForUser(user, 0, 10)).total()).isZero();
  }

  @Test
  void concurrentTouchesExactlyOneWinsPerVersion() {
    Instant now = dbNow();
    StoredSession s = await(store.sessions().create(
        session("u-" + uid(), now, Duration.ofMinutes(30), Duration.ofHours(8))));
    for (long version = 1; version <= 2; version++) {
      List<Future<StoredSession>> attempts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int i2 = i;
        long v = version;
        attempts.add(onEventLoop(() -> store.sessions().touch(s.id(), v, now.plusSeconds(i2),
            now.plusSeconds(600 + i2))));
      }
      await(Future.join(attempts).otherwiseEmpty());
      assertThat(attempts.stream().filter(Future::succeeded).count()).isEqualTo(1);
      assertThat(attempts.stream().filter(Future::failed).map(Future::cause))
          .hasSize(19).allMatch(StaleVersionException.class::isInstance);
    }
    assertThat(await(store.sessions().find(s.id())).orElseThrow().version()).isEqualTo(3);
  }
}
