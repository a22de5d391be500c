package io.sallyport.gateway.directory;

import io.sallyport.gateway.store.ContractFixture;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract suite's fixture (one store per class, event loops watched for blocking,
 * skipped without a database) with {@link StoreScimStorage} on top.
 */
abstract class StorageFixture extends ContractFixture {
  protected StoreScimStorage storage;

  @BeforeAll
  void openStorage() {
    if (store != null) { // null when the database is missing: the class reports as skipped
      storage = new StoreScimStorage(store.directory(), new Deprovisioning(vertx, store.sessions(), store.events(),
          store.audit(), Clock.systemUTC(), () -> UUID.randomUUID().toString()));
    }
  }
}
