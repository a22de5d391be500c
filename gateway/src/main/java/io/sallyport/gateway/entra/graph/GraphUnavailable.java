package io.sallyport.gateway.entra.graph;

import java.time.Duration;

/**
 * A Graph fact could not be had: throttled, timed out, unreachable, refused, or answered with
 * something that is not Graph's documented shape. Never a verdict on the user; callers fail
 * closed with their {@code *.unavailable} reason.
 *
 * @see #kind() a stable label for metrics and logs
 */
public final class GraphUnavailable extends RuntimeException {

  public static final String THROTTLED = "throttled";
  public static final String TIMEOUT = "timeout";
  public static final String CONNECTION = "connection";
  public static final String STATUS = "status";
  public static final String TOKEN = "token";
  public static final String INVALID_RESPONSE = "invalid_response";
  public static final String FOREIGN_LINK = "foreign_next_link";
  public static final String CHECK_TIMEOUT = "check_timeout";

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final int status;
  private final Duration retryAfter;

  public GraphUnavailable(String kind, String detail) {
    this(kind, 0, null, detail, null);
  }

  public GraphUnavailable(String kind, int status, Duration retryAfter, String detail, Throwable cause) {
    super(detail, cause, false, false);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public String kind() {
    return kind;
  }

  /** The HTTP status Graph answered with; 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** Graph's Retry-After, when it sent one; null otherwise. */
  public Duration retryAfter() {
    return retryAfter;
  }

  static GraphUnavailable of(Throwable t) {
    return t instanceof GraphUnavailable g ? g : new GraphUnavailable(CONNECTION, 0, null,
        t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()), t);
  }
}
