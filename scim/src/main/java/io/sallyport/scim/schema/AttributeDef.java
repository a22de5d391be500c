package io.sallyport.scim.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * One attribute definition per RFC 7643 §2.2 and §7. Built from {@link #of} with the RFC defaults
 * (single-valued, optional, case-insensitive, readWrite, returned by default, not unique) and
 * narrowed with the {@code as…}/{@code with…} methods, so each schema file reads like the RFC.
 */
public record AttributeDef(String name, AttributeType type, boolean multiValued, String description,
    boolean required, boolean caseExact, Mutability mutability, Returned returned, Uniqueness uniqueness,
    List<String> canonicalValues, List<String> referenceTypes, List<AttributeDef> subAttributes) {

  public AttributeDef {
    canonicalValues = List.copyOf(canonicalValues);
    referenceTypes = List.copyOf(referenceTypes);
    subAttributes = List.copyOf(subAttributes);
  }

  public static AttributeDef of(String name, AttributeType type, String description) {
    return new AttributeDef(name, type, false, description, false, false, Mutability.READ_WRITE,
        Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(), List.of());
  }

  public static AttributeDef complex(String name, String description, AttributeDef... subAttributes) {
    return of(name, AttributeType.COMPLEX, description).withSubAttributes(subAttributes);
  }

  public AttributeDef asMultiValued() {
    return new AttributeDef(name, type, true, description, required, caseExact, mutability, returned,
        uniqueness, canonicalValues, referenceTypes, subAttributes);
  }

  public AttributeDef asRequired() {
    return new AttributeDef(name, type, multiValued, description, true, caseExact, mutability, returned,
        uniqueness, canonicalValues, referenceTypes, subAttributes);
  }

  public AttributeDef asCaseExact() {
    return new AttributeDef(name, type, multiValued, description, required, true, mutability, returned,
        uniqueness, canonicalValues, referenceTypes, subAttributes);
  }

  public AttributeDef withMutability(Mutability m) {
    return new AttributeDef(name, type, multiValued, description, required, caseExact, m, returned,
        uniqueness, canonicalValues, referenceTypes, subAttributes);
  }

  public AttributeDef withReturned(Returned r) {
    return new AttributeDef(name, type, multiValued, description, required, caseExact, mutability, r,
        uniqueness, canonicalValues, referenceTypes, subAttributes);
  }

  public AttributeDef withUniqueness(Uniqueness u) {
    return new AttributeDef(name, type, multiValued, description, required, caseExact, mutability, returned,
        u, canonicalValues, referenceTypes, subAttributes);
  }

  public AttributeDef withCanonicalValues(String... values) {
    return new AttributeDef(name, type, multiValued, description, required, caseExact, mutability, returned,
        uniqueness, List.of(values), referenceTypes, subAttributes);
  }

  public AttributeDef withReferenceTypes(String... types) {
    return new AttributeDef(name, type, multiValued, description, required, caseExact, mutability, returned,
        uniqueness, canonicalValues, List.of(types), subAttributes);
  }

  public AttributeDef withSubAttributes(AttributeDef... subs) {
    return new AttributeDef(name, type, multiValued, description, required, caseExact, mutability, returned,
        uniqueness, canonicalValues, referenceTypes, List.of(subs));
  }

  public boolean isComplex() {
    return type == AttributeType.COMPLEX;
  }

  /** A sub-attribute by name, case-insensitively: Entra writes {@code emails[...].Value}. */
  public Optional<AttributeDef> subAttribute(String subName) {
    for (AttributeDef sub : subAttributes) {
      if (sub.name.equalsIgnoreCase(subName)) {
        return Optional.of(sub);
      }
    }
    return Optional.empty();
  }

  /**
   * The value a multi-valued attribute stands for when no sub-attribute is named (RFC 7643 §2.4):
   * its {@code value} sub-attribute for complex ones, itself for simple ones.
   */
  public Optional<AttributeDef> significantValue() {
    return isComplex() ? subAttribute("value") : Optional.of(this);
  }

  /** The RFC 7643 §7 rendering; no null values and no empty optional lists (Entra's /Schemas rule). */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("name", name).put("type", type.wire())
        .put("multiValued", multiValued).put("description", description).put("required", required);
    if (!isComplex() && type != AttributeType.BOOLEAN) {
      json.put("caseExact", caseExact);
    }
    if (!canonicalValues.isEmpty()) {
      json.put("canonicalValues", new JsonArray(List.copyOf(canonicalValues)));
    }
    if (type == AttributeType.REFERENCE) {
      json.put("referenceTypes", new JsonArray(List.copyOf(referenceTypes)));
    }
    if (isComplex()) {
      JsonArray subs = new JsonArray();
      subAttributes.forEach(s -> subs.add(s.toJson()));
      json.put("subAttributes", subs);
    }
    return json.put("mutability", mutability.wire()).put("returned", returned.wire())
        .put("uniqueness", uniqueness.wire());
  }
}
