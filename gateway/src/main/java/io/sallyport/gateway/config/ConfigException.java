package io.sallyport.gateway.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used, with every problem found in it. Unchecked because
 * callers either print it and exit (start) or log it and keep the running config (reload).
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(null, null, false, false); // no stack trace: it is a user's mistake, not a bug
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** Every problem, in document order as far as the sections allow. */
  public List<ConfigError> errors() {
    return errors;
  }

  /** One error per line, ready to print. */
  @Override
  public String getMessage() {
    return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
  }
}
