package io.sallyport.gateway.store.sql;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * What differs between the two databases. Kept small on purpose: H2 runs in MODE=PostgreSQL, so
 * the schema, ON CONFLICT, LIMIT/OFFSET and CURRENT_TIMESTAMP are shared; what is left is how each
 * reports errors.
 */
enum Dialect {
  H2(Set.of("90067", "90098", "90121", "90020")),
  POSTGRES(Set.of("57P01", "57P02", "57P03", "53300"));

  /** SQLState of a unique-key violation; the SQL standard's, used by both. */
  static final String UNIQUE_VIOLATION = "23505";

  private final Set<String> unavailableStates;

  Dialect(Set<String> unavailableStates) {
    this.unavailableStates = unavailableStates;
  }

  /**
   * True when the error means "no usable database" (network, shutdown, pool exhausted) rather than
   * "this statement was wrong", so callers can fail closed with an unavailable reason.
   */
  boolean isUnavailable(SQLException e) {
    if (e instanceof SQLTransientConnectionException) {
      return true;
    }
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || unavailableStates.contains(state));
  }

  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  /**
   * True if a unique violation names {@code constraint}. Both drivers put the constraint (H2: the
   * index named after it) in the message, which saves a driver-specific API.
   */
  static boolean violates(SQLException e, String constraint) {
    String message = e.getMessage();
    return message != null && message.toLowerCase(java.util.Locale.ROOT).contains(constraint);
  }
}
