package io.sallyport.gateway.directory;

import io.sallyport.gateway.config.StoreConfig;
import io.sallyport.gateway.store.PostgresTestSchema;
import io.sallyport.gateway.store.Store;
import io.sallyport.scim.http.ScimComplianceSuite;
import io.sallyport.scim.spi.ScimStorage;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import java.time.Clock;

/**
 * The scim module's whole HTTP compliance suite over {@link StoreScimStorage} on PostgreSQL, in a
 * fresh schema. Skipped (never passed) when PostgreSQL is not reachable.
 */
class PostgresScimComplianceIT extends ScimComplianceSuite {
  private PostgresTestSchema database;
  private Store store;

  @Override
  protected ScimStorage createStorage(Vertx vertx) {
    database = PostgresTestSchema.createOrSkip();
    store = Store.open(vertx, new StoreConfig(StoreConfig.Kind.POSTGRES, null, database.url(), database.user,
        database.password(), 4), Clock.systemUTC()).await();
    return StoreScimStorages.on(vertx, store);
  }

  /** Runs before the suite closes Vert.x (subclass callbacks first), while the store's workers still run. */
  @AfterAll
  void closeStore() {
    if (store != null) {
      store.close().await();
    }
  }

  @Override
  protected void releaseStorage(ScimStorage storage) throws Exception {
    if (database != null) {
      database.drop();
    }
  }
}
