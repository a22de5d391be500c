package io.sallyport.gateway.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import io.sallyport.gateway.store.AuditStore;
import io.sallyport.gateway.store.DirectoryStore;
import io.sallyport.gateway.store.EventChannel;
import io.sallyport.gateway.store.SessionStore;
import io.sallyport.gateway.store.SigningKeyStore;
import io.sallyport.gateway.store.Store;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** An open store: the pool, the worker pool, the event channel and the per-aggregate views. */
final class SqlStore implements Store {
  private final Jdbc jdbc;
  private final HikariDataSource dataSource;
  private final WorkerExecutor workers;
  private final EventChannel events;
  private final PgListener listener;
  private final SessionStore sessions;
  private final AuditStore audit;
  private final DirectoryStore directory;
  private final SigningKeyStore signingKeys;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** @param listener the PostgreSQL LISTEN thread, or null on H2 */
  SqlStore(Jdbc jdbc, HikariDataSource dataSource, WorkerExecutor workers, EventChannel events,
           PgListener listener, Clock clock) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.workers = workers;
    this.events = events;
    this.listener = listener;
    this.sessions = new SqlSessionStore(jdbc);
    this.audit = new SqlAuditStore(jdbc);
    this.directory = new SqlDirectoryStore(jdbc, clock);
    this.signingKeys = new SqlSigningKeyStore(jdbc);
  }

  @Override
  public SessionStore sessions() {
    return sessions;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  @Override
  public DirectoryStore directory() {
    return directory;
  }

  @Override
  public SigningKeyStore signingKeys() {
    return signingKeys;
  }

  @Override
  public EventChannel events() {
    return events;
  }

  @Override
  public Future<Void> ping() {
    return databaseTime().mapEmpty();
  }

  @Override
  public Future<Instant> databaseTime() {
    return jdbc.run(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
      }
    });
  }

  @Override
  public Future<Void> close() {
    if (!closed.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return jdbc.<Void>blocking(() -> {
      if (listener != null) {
        listener.stop();
      }
      dataSource.close();
      return null;
    }).eventually(workers::close);
  }
}
