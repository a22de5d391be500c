package io.sallyport.gateway.store;

import io.sallyport.gateway.config.StoreConfig;
import io.sallyport.gateway.store.sql.SqlStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;

/**
 * The handle the composition root opens once and closes at shutdown. It owns the connection pool,
 * the {@code sallyport-store} worker pool and the event channel's listener.
 */
public interface Store {

  /**
   * Migrates the schema (Flyway), opens the pool and starts the event channel. This is the only
   * place in the code base that chooses between H2 and PostgreSQL.
   *
   * @param clock stamps directory created/lastModified; expiry is judged by the database clock
   * @return the open store; fails with {@link StoreUnavailableException} if the database cannot
   *     be reached, {@link StoreException} if migration fails
   */
  static Future<Store> open(Vertx vertx, StoreConfig config, Clock clock) {
    return switch (config.kind()) {
      case H2 -> SqlStores.h2(vertx, config.path(), config.poolSize(), clock);
      case POSTGRES -> SqlStores.postgres(vertx, config.url(), config.username(),
          config.password(), config.poolSize(), clock);
    };
  }

  SessionStore sessions();

  AuditStore audit();

  DirectoryStore directory();

  /** The gateway's own assertion signing keys. */
  SigningKeyStore signingKeys();

  EventChannel events();

  /** Succeeds if a pooled connection answers a trivial query; for readiness probes. */
  Future<Void> ping();

  /** The database's clock, which judges session expiry. */
  Future<Instant> databaseTime();

  /** Stops the event listener and closes the pool; idempotent. */
  Future<Void> close();
}
