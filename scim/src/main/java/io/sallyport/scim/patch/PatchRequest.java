package io.sallyport.scim.patch;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.resource.AttributeValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A PATCH body (RFC 7644 §3.5.2) checked for shape: the PatchOp schema, 1 to {@link
 * #MAX_OPERATIONS} operations, each with a known op, a path where one is needed and a value where
 * one is needed. Paths are resolved against a schema later, by {@link PatchEngine}.
 */
public record PatchRequest(List<PatchOperation> operations) {

  public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  /** Bounds the work one request can ask for; Entra batches far fewer (100 members fit in one op). */
  public static final int MAX_OPERATIONS = 1000;

  public PatchRequest {
    operations = List.copyOf(operations);
  }

  public static PatchRequest parse(JsonObject body) {
    if (body == null) {
      throw syntax("The body must be a JSON object");
    }
    Object schemas = body.getValue("schemas");
    if (!(schemas instanceof JsonArray a) || a.size() != 1 || !SCHEMA.equals(a.getValue(0))) {
      throw syntax("'schemas' must be [\"" + SCHEMA + "\"], got "
          + (schemas == null ? "none" : AttributeValues.show(schemas)));
    }
    Object ops = body.getValue("Operations");
    if (!(ops instanceof JsonArray list) || list.isEmpty()) {
      throw syntax("'Operations' must be a non-empty array, got " + (ops == null ? "none" : AttributeValues.show(ops)));
    }
    if (list.size() > MAX_OPERATIONS) {
      // tooMany is reserved for filters (RFC 7644 Table 9); the count is a bad value in this body.
      throw ScimException.badRequest(ScimType.INVALID_VALUE,
          "'Operations' has " + list.size() + " operations; at most " + MAX_OPERATIONS + " are accepted per PATCH");
    }
    List<PatchOperation> parsed = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      parsed.add(operation(i, list.getValue(i)));
    }
    return new PatchRequest(parsed);
  }

  private static PatchOperation operation(int index, Object raw) {
    String at = "Operations[" + index + "]";
    if (!(raw instanceof JsonObject o)) {
      throw syntax(at + " must be an object, got " + AttributeValues.show(raw));
    }
    PatchOp op = o.getValue("op") instanceof String s ? PatchOp.of(s) : null;
    if (op == null) {
      throw syntax(at + ".op must be \"add\", \"replace\" or \"remove\", got "
          + (o.getValue("op") == null ? "none" : AttributeValues.show(o.getValue("op"))));
    }
    Object path = o.getValue("path");
    if (path != null && (!(path instanceof String p) || p.isBlank())) {
      throw ScimException.badRequest(ScimType.INVALID_PATH,
          at + ".path must be a non-empty attribute path, got " + AttributeValues.show(path));
    }
    if (op == PatchOp.REMOVE && path == null) {
      throw ScimException.badRequest(ScimType.NO_TARGET, at + " is a remove without a path (RFC 7644 §3.5.2.2)");
    }
    // A replace with null is how Entra's validation clears an optional attribute; an add of nothing is an error.
    if (op == PatchOp.ADD ? o.getValue("value") == null : op == PatchOp.REPLACE && !o.containsKey("value")) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, at + " is an " + op.wire() + " without a value");
    }
    if (op != PatchOp.REMOVE && path == null && !(o.getValue("value") instanceof JsonObject)) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, at + " has no path, so its value must be an object of"
          + " attributes, got " + AttributeValues.show(o.getValue("value")));
    }
    return new PatchOperation(op, (String) path, o.getValue("value"));
  }

  private static ScimException syntax(String detail) {
    return ScimException.badRequest(ScimType.INVALID_SYNTAX, detail);
  }
}
