package io.sallyport.scim;

/** RFC 7644 §3.12 {@code scimType} error keywords, with their wire spelling. */
public enum ScimType {
  INVALID_FILTER("invalidFilter"),
  TOO_MANY("tooMany"),
  UNIQUENESS("uniqueness"),
  MUTABILITY("mutability"),
  INVALID_SYNTAX("invalidSyntax"),
  INVALID_PATH("invalidPath"),
  NO_TARGET("noTarget"),
  INVALID_VALUE("invalidValue"),
  INVALID_VERS("invalidVers"),
  SENSITIVE("sensitive");

  private final String wire;

  ScimType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
