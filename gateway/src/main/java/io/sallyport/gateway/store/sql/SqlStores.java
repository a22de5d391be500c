package io.sallyport.gateway.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.sallyport.gateway.store.Store;
import io.sallyport.gateway.store.StoreException;
import io.sallyport.gateway.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens SQL stores. Public only so {@code Store.open} can reach it; nothing else calls it.
 * Opening blocks (pool start, migrations, first LISTEN), so all of it runs on the store's worker
 * pool.
 */
public final class SqlStores {
  private static final String WORKER_POOL = "sallyport-store";
  private static final String MIGRATIONS = "classpath:db/migration";
  /**
   * MODE=PostgreSQL and DATABASE_TO_LOWER make H2 accept the shared SQL (ON CONFLICT, lower-case
   * names); DEFAULT_NULL_ORDERING=HIGH sorts NULLs like PostgreSQL; the lock timeout lets
   * concurrent writers to one row queue as they do on PostgreSQL instead of failing after 1 s.
   */
  private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
      + ";DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

  private SqlStores() {
  }

  /** Embedded H2 in {@code dataDirectory} (created if missing), file {@code sallyport.mv.db}. */
  public static Future<Store> h2(Vertx vertx, Path dataDirectory, int poolSize, Clock clock) {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor(WORKER_POOL, poolSize);
    return workers.executeBlocking(() -> {
      Path dir = dataDirectory.toAbsolutePath().normalize();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new StoreUnavailableException("cannot create data directory " + dir, e);
      }
      String database = dir.toRealPath().resolve("sallyport").toString();
      HikariDataSource ds = pool("jdbc:h2:file:" + database + H2_OPTIONS, null, null, poolSize);
      Jdbc jdbc = new Jdbc(ds, workers, Dialect.H2);
      return (Store) new SqlStore(jdbc, ds, workers, new LocalEventChannel(vertx, database), null,
          clock);
    }, false).onFailure(e -> workers.close());
  }

  /** PostgreSQL at {@code url}; the schema is the URL's {@code currentSchema} (default public). */
  public static Future<Store> postgres(Vertx vertx, String url, String username, String password,
                                       int poolSize, Clock clock) {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor(WORKER_POOL, poolSize);
    return workers.executeBlocking(() -> {
      HikariDataSource ds = pool(url, username, password, poolSize);
      try {
        Jdbc jdbc = new Jdbc(ds, workers, Dialect.POSTGRES);
        PgEventChannel events = new PgEventChannel(vertx, jdbc,
            PgEventChannel.channelFor(currentSchema(ds)));
        Properties props = new Properties();
        // named after the channel, so operators (and tests) can find this node's listener
        props.setProperty("ApplicationName", events.channel());
        if (username != null) {
          props.setProperty("user", username);
        }
        if (password != null) {
          props.setProperty("password", password);
        }
        PgListener listener = new PgListener(() -> DriverManager.getConnection(url, props),
            events.channel(), events::deliver);
        try {
          listener.start().get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new StoreUnavailableException("event listener could not LISTEN: "
              + e.getCause().getMessage(), e.getCause());
        }
        return (Store) new SqlStore(jdbc, ds, workers, events, listener, clock);
      } catch (RuntimeException | Error | InterruptedException e) {
        ds.close();
        throw e;
      }
    }, false).onFailure(e -> workers.close());
  }

  /** Starts the pool and migrates; fails fast when the database is unreachable. */
  private static HikariDataSource pool(String url, String username, String password,
                                       int poolSize) {
    preloadMigrationEngine();
    HikariConfig config = new HikariConfig();
    config.setPoolName(WORKER_POOL);
    config.setJdbcUrl(url);
    config.setUsername(username);
    config.setPassword(password);
    config.setMaximumPoolSize(Math.max(1, poolSize));
    config.setMinimumIdle(1);
    config.setConnectionTimeout(5_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StoreUnavailableException("cannot connect to the store database "
          + redact(url) + ": " + cause.getMessage(), cause);
    }
    try {
      Flyway.configure(SqlStores.class.getClassLoader()).dataSource(ds)
          .locations(MIGRATIONS).load().migrate();
      return ds;
    } catch (FlywayException e) {
      ds.close();
      throw new StoreException("store schema migration failed: " + e.getMessage(), e);
    }
  }

  /**
   * Flyway's own start-up (plugin discovery, ~400 classes) takes longer than opening the database
   * and does not need it: doing it on a second thread while the pool connects took ~0.5 s off the
   * gateway's start on two cores. The real migration below then finds the classes loaded. A
   * failure here is irrelevant; the migration proper reports its own.
   */
  private static void preloadMigrationEngine() {
    Thread t = new Thread(() -> {
      try {
        Flyway.configure(SqlStores.class.getClassLoader()).locations(MIGRATIONS).load();
      } catch (RuntimeException | LinkageError ignored) {
        // nothing to do: migrate() below loads whatever this did not
      }
    }, "sallyport-migrations-preload");
    t.setDaemon(true);
    t.start();
  }

  private static String currentSchema(HikariDataSource ds) throws java.sql.SQLException {
    try (var c = ds.getConnection();
         PreparedStatement ps = c.prepareStatement("SELECT current_schema()");
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** URLs may carry a password parameter; never log it. */
  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
