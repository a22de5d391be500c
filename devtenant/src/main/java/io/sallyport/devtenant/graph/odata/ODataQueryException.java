package io.sallyport.devtenant.graph.odata;

import io.vertx.core.json.JsonObject;

/**
 * A query Graph would refuse with HTTP 400. {@link #code()} is what clients branch on (Graph's docs say
 * to code against it, never the message), so it follows Graph's own codes: {@code BadRequest} for
 * OData syntax, {@code Request_BadRequest} / {@code Request_UnsupportedQuery} for the directory service.
 */
public final class ODataQueryException extends RuntimeException {
  public static final String BAD_REQUEST = "BadRequest";
  public static final String REQUEST_BAD_REQUEST = "Request_BadRequest";
  public static final String UNSUPPORTED_QUERY = "Request_UnsupportedQuery";

  private static final long serialVersionUID = 1L;
  private final String code;

  public ODataQueryException(String code, String message) {
    super(message, null, false, false); // thrown for user input: a stack trace would only be noise
    this.code = code;
  }

  /** Graph's error code, e.g. {@code BadRequest}. */
  public String code() {
    return code;
  }

  /** Every query error is a 400 in Graph; kept here so endpoints need not repeat it. */
  public int httpStatus() {
    return 400;
  }

  /** The {@code {"error":{"code","message"}}} body; the caller adds {@code innerError} (request ids). */
  public JsonObject errorBody() {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", getMessage()));
  }

  /** A filter syntax error in the ODataLib wording Graph passes through, with the position spelled out. */
  static ODataQueryException filterSyntax(String filter, int position, String detail) {
    return new ODataQueryException(BAD_REQUEST,
        "Invalid filter clause: Syntax error at position " + position + " in '" + filter + "': " + detail + ".");
  }

  /** A valid OData construct the devtenant (like Graph on these endpoints) does not evaluate. */
  static ODataQueryException filterUnsupported(String filter, int position, String detail) {
    return new ODataQueryException(UNSUPPORTED_QUERY,
        "Invalid filter clause: " + detail + " at position " + position + " in '" + filter + "' is not supported.");
  }
}
