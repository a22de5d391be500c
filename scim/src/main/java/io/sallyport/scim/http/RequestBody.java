package io.sallyport.scim.http;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Reads a SCIM request body: a JSON media type, nesting no deeper than the configured limit (checked
 * before parsing), well-formed, and an object. Each refusal names what was wrong.
 */
final class RequestBody {

  private RequestBody() {}

  static JsonObject object(RoutingContext rc, int maxDepth) {
    requireJsonMediaType(rc.request().getHeader("Content-Type"));
    Buffer raw = rc.body().buffer();
    if (raw == null || raw.length() == 0) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "The request body is empty; expected a JSON object");
    }
    int depth = JsonDepth.exceeds(raw, maxDepth);
    if (depth > 0) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX,
          "The request body nests JSON " + depth + " levels deep; at most " + maxDepth + " are accepted");
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(raw);
    } catch (DecodeException e) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "The request body is not valid JSON: " + firstLine(e));
    }
    if (!(parsed instanceof JsonObject object)) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX,
          "The request body is a JSON " + kind(parsed) + "; expected a JSON object");
    }
    return object;
  }

  static void requireJsonMediaType(String contentType) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!type.equals("application/scim+json") && !type.equals("application/json")) {
      throw new ScimException(415, null, "Content-Type " + (contentType == null ? "(none)" : "'" + contentType + "'")
          + " is not supported; send application/scim+json or application/json");
    }
  }

  /** Jackson appends the source excerpt and location on further lines; the first line names the problem. */
  private static String firstLine(DecodeException e) {
    String message = e.getMessage() == null ? "unreadable" : e.getMessage();
    message = message.startsWith("Failed to decode:") ? message.substring("Failed to decode:".length()).trim() : message;
    int cut = message.indexOf('\n');
    String line = cut < 0 ? message : message.substring(0, cut);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static String kind(Object parsed) {
    if (parsed == null) {
      return "null";
    }
    if (parsed instanceof io.vertx.core.json.JsonArray) {
      return "array";
    }
    return parsed instanceof String ? "string" : parsed instanceof Boolean ? "boolean" : "number";
  }
}
