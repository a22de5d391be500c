package io.sallyport.scim.schema;

/** How unique a value must be (RFC 7643 §7), with its wire spelling (camelCase, as Entra's /Schemas rule requires). */
public enum Uniqueness {
  NONE("none"),
  SERVER("server"),
  GLOBAL("global");

  private final String wire;

  Uniqueness(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
