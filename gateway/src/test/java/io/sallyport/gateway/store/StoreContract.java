package io.sallyport.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The store contract: every behaviour a feature may rely on, run unchanged against H2 ({@link
 * H2StoreIT}) and PostgreSQL ({@link PostgresStoreIT}). Sessions, audit and directory cases live
 * in the superclasses; the event channel and the handle's own methods are here.
 */
abstract class StoreContract extends SigningKeyContract {

  @Test
  void pingAndDatabaseTime() {
    await(store.ping());
    assertThat(await(store.databaseTime())).isBetween(
        java.time.Instant.now().minusSeconds(300), java.time.Instant.now().plusSeconds(300));
  }

  @Test
  void eventRoundTripOnAVertxContext() throws Exception {
    String topic = "session.revoked";
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    BlockingQueue<Boolean> onContext = new LinkedBlockingQueue<>();
    EventChannel.Subscription sub = await(store.events().subscribe(topic, payload -> {
      onContext.add(Vertx.currentContext() != null && Context.isOnEventLoopThread());
      received.add(payload);
    }));
    EventChannel.Subscription other = await(store.events().subscribe("user.deactivated",
        payload -> received.add("wrong topic: " + payload)));
    String id = uid();
    await(store.events().publish(topic, id));
    assertThat(received.poll(2, TimeUnit.SECONDS)).isEqualTo(id);
    assertThat(onContext.poll()).isTrue();

    await(sub.close());
    await(sub.close());
    await(store.events().publish(topic, "after close"));
    await(store.events().publish("user.deactivated", "barrier"));
    assertThat(received.poll(2, TimeUnit.SECONDS)).isEqualTo("wrong topic: barrier");
    assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    await(other.close());
  }

  @Test
  void largestPayloadPassesAndLargerIsRejected() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    EventChannel.Subscription sub = await(store.events().subscribe("grant.expired", received::add));
    String largest = "é".repeat(EventChannel.MAX_PAYLOAD_BYTES / 2);
    await(store.events().publish("grant.expired", largest));
    assertThat(received.poll(2, TimeUnit.SECONDS)).isEqualTo(largest);

    assertThat(failure(store.events().publish("grant.expired", largest + "x")))
        .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("7901 bytes")
        .hasMessageContaining("at most 7900");
    assertThat(failure(store.events().publish("Bad Topic", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bad Topic");
    assertThat(failure(store.events().subscribe("bad\ntopic", p -> { })))
        .isInstanceOf(IllegalArgumentException.class);
    await(sub.close());
  }
}
