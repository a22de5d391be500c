package io.sallyport.gateway.store;

import io.sallyport.gateway.config.StoreConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The store contract on PostgreSQL, in a fresh schema dropped afterwards. Skipped (not passed)
 * when PostgreSQL is unreachable; see {@link PostgresTestSchema} for where it looks.
 */
class PostgresStoreIT extends StoreContract {
  private PostgresTestSchema database;

  @Override
  protected void prepareDatabase() {
    database = PostgresTestSchema.createOrSkip();
  }

  @Override
  protected Future<Store> openStore(Vertx vertx, Clock clock) {
    return Store.open(vertx, new StoreConfig(StoreConfig.Kind.POSTGRES, null, database.url(),
        database.user, database.password, 4), clock);
  }

  @Override
  protected void dropDatabase() throws Exception {
    if (database != null) {
      database.drop();
    }
  }
}
