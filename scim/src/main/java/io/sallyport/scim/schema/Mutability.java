package io.sallyport.scim.schema;

/** Whether and when a client may write an attribute (RFC 7643 §7), with its wire spelling (camelCase, as Entra's /Schemas rule requires). */
public enum Mutability {
  READ_ONLY("readOnly"),
  READ_WRITE("readWrite"),
  IMMUTABLE("immutable"),
  WRITE_ONLY("writeOnly");

  private final String wire;

  Mutability(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
