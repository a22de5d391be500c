package io.sallyport.gateway.directory;

import io.sallyport.gateway.config.StoreConfig;
import io.sallyport.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The SCIM storage on embedded H2, in a fresh data directory. */
class H2StoreScimStorageIT extends StoreScimStorageIT {
  private Path dataDirectory;

  @Override
  protected void prepareDatabase() throws Exception {
    dataDirectory = Files.createTempDirectory("sallyport-scim-h2-");
  }

  @Override
  protected Future<Store> openStore(Vertx vertx, Clock clock) {
    return Store.open(vertx, new StoreConfig(StoreConfig.Kind.H2, dataDirectory, null, null, null, 4),
        clock);
  }

  @Override
  protected void dropDatabase() throws Exception {
    try (var files = Files.walk(dataDirectory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
