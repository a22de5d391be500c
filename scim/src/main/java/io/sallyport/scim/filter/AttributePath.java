package io.sallyport.scim.filter;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.ResolvedAttribute;
import io.sallyport.scim.schema.Schemas;

/**
 * An attribute path (RFC 7644 §3.10 and the PATCH path of §3.5.2): an optional schema URN, an
 * attribute, an optional value filter and an optional sub-attribute, as in
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager},
 * {@code name.givenName} or {@code emails[type eq "work"].value}. Inside a value filter the paths
 * name sub-attributes of the enclosing attribute. {@code schemaUrn}, {@code subAttribute} and
 * {@code valueFilter} are null when absent.
 */
public record AttributePath(String schemaUrn, String attribute, String subAttribute, Filter valueFilter) {

  /** A bare attribute name, such as {@code userName}. */
  public static AttributePath of(String attribute) {
    return new AttributePath(null, attribute, null, null);
  }

  /**
   * Parses a path; anything malformed is 400 invalidPath naming the position and the token. The
   * legacy {@code urn:…:enterprise:2.0:User.manager} form (a dot before the attribute) is accepted
   * for the schemas Sallyport serves.
   */
  public static AttributePath parse(String text) {
    return FilterParser.parsePath(text, ScimType.INVALID_PATH, "path");
  }

  /** Parses a path naming it {@code label} in errors of type {@code type} (for query parameters). */
  public static AttributePath parse(String text, ScimType type, String label) {
    return FilterParser.parsePath(text, type, label);
  }

  /** This path without its value filter: the attribute (and sub-attribute) it addresses. */
  public AttributePath withoutFilter() {
    return valueFilter == null ? this : new AttributePath(schemaUrn, attribute, subAttribute, null);
  }

  /** Resolves this path against {@code kind}'s schemas, or fails with {@code type} naming it. */
  public ResolvedAttribute resolve(ResourceKind kind, ScimType type) {
    return Schemas.find(kind, this).orElseThrow(() -> resolveFailure(kind, type));
  }

  /**
   * The same path with canonical names: schema URN only for extension attributes, attribute and
   * sub-attribute as the schema spells them, the value filter's sub-attributes likewise.
   */
  public AttributePath canonical(ResourceKind kind) {
    ResolvedAttribute r = Schemas.find(kind, this).orElseThrow(() -> ScimException.badRequest(
        ScimType.INVALID_PATH, "path: " + resolveFailure(kind, ScimType.INVALID_PATH).getMessage()));
    Filter filter = null;
    if (valueFilter != null) {
      try {
        filter = FilterEvaluator.canonicalWithin(valueFilter, r.attribute(), r.attribute().name());
      } catch (ScimException e) {
        // The value filter is part of a path here, so its faults are the path's.
        throw ScimException.badRequest(ScimType.INVALID_PATH, "path: " + e.getMessage().replaceFirst("^filter: ", ""));
      }
    }
    return new AttributePath(r.containerKey(), r.attribute().name(),
        r.subAttribute() == null ? null : r.subAttribute().name(), filter);
  }

  /** The error {@link #resolve} throws: names the path and what it is missing in. */
  ScimException resolveFailure(ResourceKind kind, ScimType type) {
    String where = schemaUrn == null ? kind.type() : schemaUrn;
    if (subAttribute != null && Schemas.find(kind, withoutSub()).isPresent()) {
      AttributeDef parent = Schemas.find(kind, withoutSub()).get().attribute();
      return ScimException.badRequest(type, "unknown attribute '" + this + "': " + parent.name()
          + (parent.isComplex() ? " has no sub-attribute '" + subAttribute + "'" : " has no sub-attributes"));
    }
    return ScimException.badRequest(type, "unknown attribute '" + this + "' for " + where);
  }

  private AttributePath withoutSub() {
    return new AttributePath(schemaUrn, attribute, null, null);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (schemaUrn != null) {
      b.append(schemaUrn).append(':');
    }
    b.append(attribute);
    if (valueFilter != null) {
      b.append('[').append(FilterText.render(valueFilter)).append(']');
    }
    if (subAttribute != null) {
      b.append('.').append(subAttribute);
    }
    return b.toString();
  }
}
