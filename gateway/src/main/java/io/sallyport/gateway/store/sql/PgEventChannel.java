package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.EventChannel;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL event channel: NOTIFY through the pool, LISTEN on one dedicated connection held
 * by {@link PgListener}. All topics share one PostgreSQL channel named after the schema, because
 * NOTIFY is database-wide: two deployments (or test runs) in separate schemas of one database
 * must not hear each other. The wire payload is {@code topic '\n' payload}.
 */
final class PgEventChannel implements EventChannel {
  private static final Logger LOG = LoggerFactory.getLogger(PgEventChannel.class);

  private final Vertx vertx;
  private final Jdbc jdbc;
  private final String channel;
  private final Map<String, List<Registration>> registrations = new ConcurrentHashMap<>();

  private record Registration(Context context, Consumer<String> handler) {
  }

  PgEventChannel(Vertx vertx, Jdbc jdbc, String channel) {
    this.vertx = vertx;
    this.jdbc = jdbc;
    this.channel = channel;
  }

  /** PostgreSQL channel name for a schema: an identifier, so at most 63 bytes. */
  static String channelFor(String schema) {
    String name = "sallyport:" + schema;
    return name.length() > 63 ? name.substring(0, 63) : name;
  }

  String channel() {
    return channel;
  }

  @Override
  public Future<Void> publish(String topic, String payload) {
    try {
      Topics.check(topic, payload);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return jdbc.run(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        ps.setString(1, channel);
        ps.setString(2, topic + "\n" + payload);
        ps.execute();
        return null;
      }
    });
  }

  @Override
  public Future<Subscription> subscribe(String topic, Consumer<String> handler) {
    try {
      Topics.checkTopic(topic);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    // The listener is LISTENing before the store opens, so registering is all it takes.
    Registration registration = new Registration(vertx.getOrCreateContext(), handler);
    registrations.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(registration);
    Subscription subscription = () -> {
      registrations.getOrDefault(topic, List.of()).remove(registration);
      return Future.succeededFuture();
    };
    return Future.succeededFuture(subscription);
  }

  /** Called on the listener thread for each notification; hands it to each handler's context. */
  void deliver(String wirePayload) {
    int newline = wirePayload.indexOf('\n');
    if (newline < 0) {
      LOG.warn("ignoring notification on {} without a topic", channel);
      return;
    }
    String topic = wirePayload.substring(0, newline);
    String payload = wirePayload.substring(newline + 1);
    for (Registration r : registrations.getOrDefault(topic, List.of())) {
      r.context().runOnContext(v -> r.handler().accept(payload));
    }
  }
}
