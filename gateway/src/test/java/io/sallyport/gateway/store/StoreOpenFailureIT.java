package io.sallyport.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sallyport.gateway.config.StoreConfig;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening fails with a typed, secret-free error when the database cannot be had. */
class StoreOpenFailureIT {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    ContractFixture.await(vertx.close());
  }

  @Test
  void unreachablePostgresIsUnavailableAndKeepsThePasswordOut() {
    Throwable failure = ContractFixture.failure(Store.open(vertx, new StoreConfig(
        StoreConfig.Kind.POSTGRES, null, "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2",
        "postgres", "s3cret-value", 2), Clock.systemUTC()));
    assertThat(failure).isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("127.0.0.1:1").hasMessageNotContaining("s3cret-value");
  }

  @Test
  void h2DataDirectoryThatIsAFileIsUnavailable(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    Throwable failure = ContractFixture.failure(Store.open(vertx, new StoreConfig(
        StoreConfig.Kind.H2, file, null, null, null, 2), Clock.systemUTC()));
    assertThat(failure).isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("not-a-directory");
  }
}
