package io.sallyport.gateway.directory;

import io.sallyport.gateway.config.StoreConfig;
import io.sallyport.gateway.store.Store;
import io.sallyport.scim.http.ScimComplianceSuite;
import io.sallyport.scim.spi.ScimStorage;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;

/** The scim module's whole HTTP compliance suite over {@link StoreScimStorage} on embedded H2. */
class H2ScimComplianceIT extends ScimComplianceSuite {
  private Path dataDirectory;
  private Store store;

  @Override
  protected ScimStorage createStorage(Vertx vertx) throws Exception {
    dataDirectory = Files.createTempDirectory("sallyport-scim-compliance-");
    store = Store.open(vertx, new StoreConfig(StoreConfig.Kind.H2, dataDirectory, null, null, null, 4),
        Clock.systemUTC()).await();
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
    try (var files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
