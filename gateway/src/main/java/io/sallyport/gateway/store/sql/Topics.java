package io.sallyport.gateway.store.sql;

import io.sallyport.gateway.store.EventChannel;
import io.sallyport.gateway.store.PayloadTooLargeException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The rules both event channels enforce, so code tested on H2 cannot break on PostgreSQL. */
final class Topics {
  /** Dotted lower-case names; no newline, because the PostgreSQL wire form is topic + '\n' + payload. */
  private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");
  private static final int MAX_TOPIC = 64;

  private Topics() {
  }

  static void checkTopic(String topic) {
    if (topic == null || topic.length() > MAX_TOPIC || !TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException("event topic \"" + topic
          + "\"; expected a dotted lower-case name of at most " + MAX_TOPIC
          + " characters, e.g. session.revoked");
    }
  }

  static void check(String topic, String payload) {
    checkTopic(topic);
    if (payload == null) {
      throw new IllegalArgumentException("event payload for topic \"" + topic
          + "\" is null; expected a string (may be empty)");
    }
    int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > EventChannel.MAX_PAYLOAD_BYTES) {
      throw new PayloadTooLargeException(topic, bytes);
    }
  }
}
