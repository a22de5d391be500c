package io.sallyport.scim.resource;

import io.sallyport.scim.ResourceKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The schema URNs a client may declare for each kind, including two Entra oddities mapped
 * leniently: the non-standard group URN Entra's own create example still sends, which adds no
 * attributes and is dropped, and the legacy malformed enterprise URN ({@code ...enterprise:2.0User},
 * no colon) from Microsoft's older example, read as the enterprise extension.
 */
public final class SchemaUrns {

  public static final String ENTRA_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
  public static final String LEGACY_ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0User";

  private SchemaUrns() {}

  /** The canonical URN {@code urn} stands for on {@code kind}, "" for one accepted and ignored, null if unknown. */
  public static String canonical(ResourceKind kind, String urn) {
    if (urn.equalsIgnoreCase(kind.coreSchema())) {
      return kind.coreSchema();
    }
    if (kind == ResourceKind.USER && isEnterprise(urn)) {
      return ResourceKind.ENTERPRISE_USER;
    }
    if (kind == ResourceKind.GROUP && urn.equalsIgnoreCase(ENTRA_GROUP)) {
      return "";
    }
    return null;
  }

  /** Whether {@code urn} names the enterprise User extension, in its standard or legacy malformed spelling. */
  public static boolean isEnterprise(String urn) {
    return urn.equalsIgnoreCase(ResourceKind.ENTERPRISE_USER) || urn.equalsIgnoreCase(LEGACY_ENTERPRISE);
  }

  /**
   * The {@code schemas} a stored resource declares: the core schema, plus the enterprise extension
   * while it holds any enterprise attribute (RFC 7643 §3: the URIs of the schemas used).
   */
  public static JsonArray schemasOf(ResourceKind kind, JsonObject attributes) {
    JsonArray schemas = new JsonArray().add(kind.coreSchema());
    JsonObject ent = attributes.getValue(ResourceKind.ENTERPRISE_USER) instanceof JsonObject o ? o : null;
    if (kind == ResourceKind.USER && ent != null && !ent.isEmpty()) {
      schemas.add(ResourceKind.ENTERPRISE_USER);
    }
    return schemas;
  }
}
