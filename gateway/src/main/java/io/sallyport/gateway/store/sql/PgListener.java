package io.sallyport.gateway.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that LISTENs, on its own daemon thread because pgjdbc only offers a
 * blocking poll ({@code getNotifications(timeout)}), which must never run on an event loop or
 * tie up a pooled worker. Reconnects with capped exponential backoff when the connection drops;
 * events sent while it is down are lost, which {@link io.sallyport.gateway.store.EventChannel}
 * documents.
 */
final class PgListener implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(PgListener.class);
  private static final int POLL_MILLIS = 250;
  private static final long MIN_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 5_000;
  /** A silent network partition never raises an error on a poll; check liveness this often. */
  private static final long VALIDATE_EVERY_MILLIS = 10_000;

  @FunctionalInterface
  interface Connector {
    Connection connect() throws SQLException;
  }

  private final Connector connector;
  private final String channel;
  private final Consumer<String> sink;
  private final CompletableFuture<Void> firstListen = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean running = true;

  PgListener(Connector connector, String channel, Consumer<String> sink) {
    this.connector = connector;
    this.channel = channel;
    this.sink = sink;
    this.thread = new Thread(this, "sallyport-store-listen");
    this.thread.setDaemon(true);
  }

  /** Starts the thread; the result completes once LISTEN is active, or fails on the first error. */
  CompletableFuture<Void> start() {
    thread.start();
    return firstListen;
  }

  /** Stops and waits (briefly) for the thread; blocking, so call it on a worker. */
  void stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(2 * POLL_MILLIS + 1_000);
  }

  @Override
  public void run() {
    long backoff = MIN_BACKOFF_MILLIS;
    while (running) {
      try (Connection connection = connector.connect()) {
        try (Statement s = connection.createStatement()) {
          s.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
        }
        firstListen.complete(null);
        backoff = MIN_BACKOFF_MILLIS;
        poll(connection);
      } catch (SQLException e) {
        if (!firstListen.isDone()) {
          firstListen.completeExceptionally(e);
          return;
        }
        if (running) {
          LOG.warn("event listener lost its connection ({}); reconnecting in {} ms",
              e.getMessage(), backoff);
          if (!sleep(backoff)) {
            return;
          }
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
      }
    }
  }

  private void poll(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    long lastValidated = System.nanoTime();
    while (running) {
      PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
      if (notifications != null) {
        for (PGNotification n : notifications) {
          try {
            sink.accept(n.getParameter());
          } catch (RuntimeException e) {
            // one bad event must not stop the listener for every later one
            LOG.warn("dropping event on {}: {}", channel, e.toString());
          }
        }
      }
      if ((System.nanoTime() - lastValidated) / 1_000_000 > VALIDATE_EVERY_MILLIS) {
        if (!connection.isValid(2)) {
          throw new SQLException("listener connection failed validation", "08006");
        }
        lastValidated = System.nanoTime();
      }
    }
  }

  private boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
