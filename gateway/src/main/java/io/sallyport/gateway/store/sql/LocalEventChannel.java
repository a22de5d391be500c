package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.EventChannel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Consumer;

/**
 * The H2 event channel. An embedded H2 database is one process, so "every node" is every store
 * opened on the same database file in this process. The Vert.x event bus carries the events,
 * addressed by database path, which needs no static registry of open stores.
 */
final class LocalEventChannel implements EventChannel {
  private final Vertx vertx;
  private final String prefix;

  /** @param database canonical path of the H2 database: stores sharing it share events */
  LocalEventChannel(Vertx vertx, String database) {
    this.vertx = vertx;
    this.prefix = "sallyport.store.events|" + database + "|";
  }

  @Override
  public Future<Void> publish(String topic, String payload) {
    try {
      Topics.check(topic, payload);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    vertx.eventBus().publish(prefix + topic, payload);
    return Future.succeededFuture();
  }

  @Override
  public Future<Subscription> subscribe(String topic, Consumer<String> handler) {
    try {
      Topics.checkTopic(topic);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    // localConsumer: never reachable from a clustered event bus, only from this process
    MessageConsumer<String> consumer = vertx.eventBus().localConsumer(prefix + topic,
        message -> handler.accept(message.body()));
    Subscription subscription = consumer::unregister;
    return consumer.completion().map(subscription);
  }
}
