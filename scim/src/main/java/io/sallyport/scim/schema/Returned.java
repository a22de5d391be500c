package io.sallyport.scim.schema;

/** When an attribute appears in responses (RFC 7643 §7), with its wire spelling (camelCase, as Entra's /Schemas rule requires). */
public enum Returned {
  ALWAYS("always"),
  NEVER("never"),
  DEFAULT("default"),
  REQUEST("request");

  private final String wire;

  Returned(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
