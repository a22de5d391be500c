package io.sallyport.scim.patch;

import io.sallyport.scim.ResourceKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Readable JSON for test tables: ' for ", ` for an escaped quote inside a string, $ENT/$CORE/$GROUP for URNs. */
final class Js {

  static final String ENT = ResourceKind.ENTERPRISE_USER;

  private Js() {}

  static String text(String s) {
    return s.replace("$ENT", ENT).replace("$CORE", ResourceKind.USER.coreSchema())
        .replace("$GROUP", ResourceKind.GROUP.coreSchema()).replace("`", "\\\"").replace('\'', '"');
  }

  static JsonObject obj(String s) {
    return new JsonObject(text(s));
  }

  /** A PATCH body with the PatchOp schema around {@code operations} (a JSON array). */
  static JsonObject patch(String operations) {
    return new JsonObject().put("schemas", new JsonArray().add(PatchRequest.SCHEMA))
        .put("Operations", new JsonArray(text(operations)));
  }
}
