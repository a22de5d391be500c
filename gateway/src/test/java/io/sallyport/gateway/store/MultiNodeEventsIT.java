package io.sallyport.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.config.StoreConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway nodes, each with its own Vert.x and its own store, on one database: an event
 * published on one must reach the other within a second (DESIGN §6).
 */
class MultiNodeEventsIT {
  private final List<Vertx> vertxes = new ArrayList<>();
  private final List<Store> stores = new ArrayList<>();
  private PostgresTestSchema postgres;

  @AfterEach
  void closeAll() throws Exception {
    for (Store s : stores) {
      ContractFixture.await(s.close());
    }
    for (Vertx v : vertxes) {
      ContractFixture.await(v.close());
    }
    if (postgres != null) {
      postgres.drop();
    }
  }

  @Test
  void postgresNodesHearEachOtherWithinOneSecond() throws Exception {
    postgres = PostgresTestSchema.createOrSkip();
    StoreConfig config = new StoreConfig(StoreConfig.Kind.POSTGRES, null, postgres.url(),
        postgres.user, postgres.password, 2);
    Store nodeA = open(Vertx.vertx(), config);
    Store nodeB = open(Vertx.vertx(), config);
    assertDeliveredWithinOneSecond("postgres", nodeA, nodeB);

    // the listener must come back after its connection is killed, by itself
    try (Connection c = DriverManager.getConnection(postgres.baseUrl, postgres.user,
        postgres.password);
         PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid)"
             + " FROM pg_stat_activity WHERE application_name = ?")) {
      ps.setString(1, "sallyport:" + postgres.schema);
      ps.execute();
    }
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    ContractFixture.await(nodeB.events().subscribe("session.revoked", received::add));
    String payload = null;
    for (int attempt = 0; attempt < 40 && payload == null; attempt++) {
      ContractFixture.await(nodeA.events().publish("session.revoked", "after-reconnect"));
      payload = received.poll(250, TimeUnit.MILLISECONDS);
    }
    assertThat(payload).as("delivery resumes after the listener reconnects").isEqualTo("after-reconnect");
  }

  @Test
  void h2StoresOnOneDatabaseHearEachOther(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    StoreConfig config = new StoreConfig(StoreConfig.Kind.H2, dir, null, null, null, 2);
    Store first = open(vertx, config);
    Store second = open(vertx, config);
    assertDeliveredWithinOneSecond("h2", first, second);

    // a store on another database must not hear them
    Path elsewhere = Files.createDirectories(dir.resolve("other"));
    Store stranger = open(vertx, new StoreConfig(StoreConfig.Kind.H2, elsewhere, null, null,
        null, 2));
    BlockingQueue<String> overheard = new LinkedBlockingQueue<>();
    ContractFixture.await(stranger.events().subscribe("user.deactivated", overheard::add));
    ContractFixture.await(first.events().publish("user.deactivated", "u1"));
    assertThat(overheard.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  private Store open(Vertx vertx, StoreConfig config) {
    if (!vertxes.contains(vertx)) {
      vertxes.add(vertx);
    }
    Store store = ContractFixture.await(Store.open(vertx, config, Clock.systemUTC()));
    stores.add(store);
    return store;
  }

  private static void assertDeliveredWithinOneSecond(String label, Store from, Store to)
      throws InterruptedException {
    BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    EventChannel.Subscription sub = ContractFixture.await(to.events().subscribe("session.revoked",
        payload -> arrivals.add(System.nanoTime() - Long.parseLong(payload))));
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Future<Void> sent = from.events().publish("session.revoked", Long.toString(System.nanoTime()));
      ContractFixture.await(sent);
      Long latency = arrivals.poll(1, TimeUnit.SECONDS);
      assertThat(latency).as("event %d reached the other node within 1 s", i).isNotNull();
      micros.add(latency / 1_000);
    }
    Collections.sort(micros);
    System.out.printf("%s cross-node event latency over 20 events: median %d us, max %d us%n",
        label, micros.get(10), micros.get(19));
    assertThat(micros.get(19)).isLessThan(1_000_000);
    ContractFixture.await(sub.close());
  }
}
