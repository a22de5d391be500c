package io.sallyport.gateway.directory;

import io.sallyport.gateway.config.StoreConfig;
import io.sallyport.gateway.store.PostgresTestSchema;
import io.sallyport.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/** The SCIM storage on PostgreSQL in a fresh schema; skipped (never passed) without PostgreSQL. */
class PostgresStoreScimStorageIT extends StoreScimStorageIT {
  private PostgresTestSchema database;

  @Override
  protected void prepareDatabase() {
    database = PostgresTestSchema.createOrSkip();
  }

  @Override
  protected Future<Store> openStore(Vertx vertx, Clock clock) {
    return Store.open(vertx, new StoreConfig(StoreConfig.Kind.POSTGRES, null, database.url(), database.user,
        database.password(), 4), clock);
  }

  @Override
  protected void dropDatabase() throws Exception {
    if (database != null) {
      database.drop();
    }
  }
}
