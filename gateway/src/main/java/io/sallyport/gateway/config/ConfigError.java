package io.sallyport.gateway.config;

/**
 * One problem in a configuration file.
 *
 * @param path     where it is, e.g. {@code routes[1].upstream}, or the file name for file-level problems
 * @param message  what is wrong, quoting the bad value (never a secret) and saying what was expected
 */
public record ConfigError(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
