package io.sallyport.scim.schema;

/** The data type of an attribute (RFC 7643 §2.3), with its wire spelling (camelCase, as Entra's /Schemas rule requires). */
public enum AttributeType {
  STRING("string"),
  BOOLEAN("boolean"),
  DECIMAL("decimal"),
  INTEGER("integer"),
  DATE_TIME("dateTime"),
  REFERENCE("reference"),
  COMPLEX("complex"),
  BINARY("binary");

  private final String wire;

  AttributeType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
