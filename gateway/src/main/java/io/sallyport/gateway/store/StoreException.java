package io.sallyport.gateway.store;

/**
 * Base of every failure a store reports. Unclassified database errors arrive as this type with
 * the driver's exception as the cause, so no raw {@code SQLException} reaches a caller.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
