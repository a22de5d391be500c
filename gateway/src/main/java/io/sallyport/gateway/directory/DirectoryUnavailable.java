package io.sallyport.gateway.directory;

/**
 * The directory could not say who a caller is: the store is not open, failed, or did not answer
 * within the lookup timeout. The access decision fails closed on it ({@code directory.unavailable}).
 */
public final class DirectoryUnavailable extends RuntimeException {

  public DirectoryUnavailable(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
