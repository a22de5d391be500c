package io.sallyport.gateway.store;

/** A create or replace would give two rows the same unique value (SCIM: 409 uniqueness). */
public final class UniquenessException extends StoreException {
  private final String attribute;
  private final String value;

  public UniquenessException(String attribute, String value) {
    super(attribute + " \"" + value + "\" is already taken; expected a unique value");
    this.attribute = attribute;
    this.value = value;
  }

  /** The attribute that clashed, in SCIM spelling ({@code userName}, {@code displayName}, {@code id}). */
  public String attribute() {
    return attribute;
  }

  public String value() {
    return value;
  }
}
