package io.sallyport.gateway.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import io.sallyport.gateway.store.StoreException;
import io.sallyport.gateway.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs JDBC work on the {@code sallyport-store} worker pool, in a transaction when asked, and
 * turns every failure into a typed store exception. The only door to a connection.
 */
final class Jdbc {

  /** A unit of JDBC work; may throw SQLException or a store exception. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final HikariDataSource dataSource;
  private final WorkerExecutor workers;
  private final Dialect dialect;

  Jdbc(HikariDataSource dataSource, WorkerExecutor workers, Dialect dialect) {
    this.dataSource = dataSource;
    this.workers = workers;
    this.dialect = dialect;
  }

  Dialect dialect() {
    return dialect;
  }

  /** One statement (or several that need no atomicity), in auto-commit mode. */
  <T> Future<T> run(Work<T> work) {
    // ordered=false: calls from one context must run in parallel, not queue behind each other
    return workers.executeBlocking(() -> {
      try (Connection c = dataSource.getConnection()) {
        return work.run(c);
      } catch (SQLException e) {
        throw translate(e);
      }
    }, false);
  }

  /** Several statements that commit together or not at all. */
  <T> Future<T> transaction(Work<T> work) {
    return run(c -> {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
      // No setAutoCommit(true) here: Hikari restores it when the connection returns to the pool,
      // and doing it by hand on a broken connection would hide the original error.
    });
  }

  <T> Future<T> blocking(java.util.concurrent.Callable<T> task) {
    return workers.executeBlocking(task, false);
  }

  StoreException translate(SQLException e) {
    if (dialect.isUnavailable(e)) {
      return new StoreUnavailableException("database unavailable: " + e.getMessage(), e);
    }
    return new StoreException("database error " + e.getSQLState() + ": " + e.getMessage(), e);
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }
}
