package io.sallyport.gateway.store;

/**
 * The database could not be reached or did not answer in time. Callers fail closed
 * ({@code *.unavailable}); readiness reports not ready.
 */
public final class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
