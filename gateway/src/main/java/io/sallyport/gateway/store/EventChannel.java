package io.sallyport.gateway.store;

import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * Small, best-effort notifications between gateway nodes, e.g. {@code session.revoked} with the
 * session id, so each node drops its in-memory copy within a second. On PostgreSQL this is
 * LISTEN/NOTIFY; on H2 it reaches every store opened on the same database in this process.
 *
 * <p>Delivery is at most once: a node that is disconnected misses events, so receivers treat an
 * event as a hint to invalidate and always re-read the store for the truth.
 */
public interface EventChannel {

  /** UTF-8 bytes; PostgreSQL's NOTIFY limit (8000) minus room for the topic. */
  int MAX_PAYLOAD_BYTES = 7900;

  /**
   * Sends {@code payload} to every subscriber of {@code topic} on every node, this one included.
   * Fails with {@link PayloadTooLargeException} above {@link #MAX_PAYLOAD_BYTES}, and with
   * {@link IllegalArgumentException} on a topic that is not a short dotted lower-case name.
   */
  Future<Void> publish(String topic, String payload);

  /**
   * Calls {@code handler} on the caller's Vert.x context (or a new one) for each event on {@code
   * topic}. The future completes once the subscription is live, so an event published after it
   * completes is delivered.
   */
  Future<Subscription> subscribe(String topic, Consumer<String> handler);

  /** A live subscription. */
  interface Subscription {
    /** Stops delivery; idempotent. */
    Future<Void> close();
  }
}
