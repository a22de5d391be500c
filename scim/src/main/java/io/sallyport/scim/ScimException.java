package io.sallyport.scim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every SCIM failure, typed: an HTTP status, an optional {@link ScimType} and a detail that names
 * the bad value and what was expected. Mapped once, by the HTTP layer, to the RFC 7644 error body
 * ({@code status} is a string there).
 */
public final class ScimException extends RuntimeException {

  public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

  private final int status;
  private final ScimType scimType;

  public ScimException(int status, ScimType scimType, String detail) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
  }

  public static ScimException badRequest(ScimType type, String detail) {
    return new ScimException(400, type, detail);
  }

  public static ScimException notFound(String resourceType, String id) {
    return new ScimException(404, null, resourceType + " " + id + " not found");
  }

  public int status() {
    return status;
  }

  public ScimType scimType() {
    return scimType;
  }

  public JsonObject body() {
    JsonObject b = new JsonObject().put("schemas", new JsonArray().add(ERROR_SCHEMA))
        .put("status", String.valueOf(status)).put("detail", getMessage());
    if (scimType != null) {
      b.put("scimType", scimType.wire());
    }
    return b;
  }
}
