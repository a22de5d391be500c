package io.sallyport.gateway.directory;

import io.sallyport.gateway.store.Store;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.UUID;

/** Builds {@link StoreScimStorage} on an open store the way the gateway does, for tests. */
final class StoreScimStorages {
  private StoreScimStorages() {}

  static StoreScimStorage on(Vertx vertx, Store store) {
    return new StoreScimStorage(store.directory(), new Deprovisioning(vertx, store.sessions(), store.events(),
        store.audit(), Clock.systemUTC(), () -> UUID.randomUUID().toString()));
  }
}
