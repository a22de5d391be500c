package io.sallyport.gateway.store;

/**
 * An event payload exceeds {@link EventChannel#MAX_PAYLOAD_BYTES}. PostgreSQL NOTIFY caps a
 * payload near 8000 bytes, and the limit is the same on H2 so a node never depends on the database
 * it happens to run on. Publish an id and let receivers read the rest from the store.
 */
public final class PayloadTooLargeException extends StoreException {
  public PayloadTooLargeException(String topic, int bytes) {
    super("event payload for topic \"" + topic + "\" is " + bytes + " bytes (UTF-8); expected at most "
        + EventChannel.MAX_PAYLOAD_BYTES + " bytes");
  }
}
