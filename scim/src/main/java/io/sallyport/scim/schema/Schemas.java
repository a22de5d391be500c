package io.sallyport.scim.schema;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.filter.AttributePath;
import java.util.List;
import java.util.Optional;

/**
 * The schemas Sallyport serves and name resolution against them. Resolution is case-insensitive
 * throughout (Entra writes {@code emails[type eq "other"].Value}) and accepts an attribute of an
 * extension without its URN (Entra's documented PATCH path is plain {@code manager}), looking in
 * the core schema first so a core name always wins.
 */
public final class Schemas {

  public static final SchemaDef USER = UserSchema.SCHEMA;
  public static final SchemaDef ENTERPRISE_USER = EnterpriseUserSchema.SCHEMA;
  public static final SchemaDef GROUP = GroupSchema.SCHEMA;

  private static final List<SchemaDef> ALL = List.of(USER, ENTERPRISE_USER, GROUP);
  private static final List<SchemaDef> USER_SCHEMAS = List.of(USER, ENTERPRISE_USER);
  private static final List<SchemaDef> GROUP_SCHEMAS = List.of(GROUP);

  private Schemas() {}

  /** Every schema served at /Schemas, core User first. */
  public static List<SchemaDef> all() {
    return ALL;
  }

  /** The schemas of one resource type: its core schema first, then its extensions. */
  public static List<SchemaDef> forKind(ResourceKind kind) {
    return kind == ResourceKind.USER ? USER_SCHEMAS : GROUP_SCHEMAS;
  }

  /** id, externalId and meta (RFC 7643 §3.1), which every resource has outside any schema. */
  public static List<AttributeDef> commonAttributes() {
    return CommonAttributes.ALL;
  }

  /** A served schema by URN, case-insensitively. */
  public static Optional<SchemaDef> schema(String urn) {
    return ALL.stream().filter(s -> s.id().equalsIgnoreCase(urn)).findFirst();
  }

  /** A schema of {@code kind} by URN, case-insensitively. */
  public static Optional<SchemaDef> schema(ResourceKind kind, String urn) {
    return forKind(kind).stream().filter(s -> s.id().equalsIgnoreCase(urn)).findFirst();
  }

  /** Resolves a path's schema, attribute and sub-attribute; its value filter is not looked at. */
  public static Optional<ResolvedAttribute> find(ResourceKind kind, AttributePath path) {
    return find(kind, path.schemaUrn(), path.attribute(), path.subAttribute());
  }

  /**
   * Resolves an attribute (and a sub-attribute when {@code subAttribute} is not null) of
   * {@code kind}; {@code schemaUrn} null means "no URN was written".
   */
  public static Optional<ResolvedAttribute> find(ResourceKind kind, String schemaUrn, String attribute,
      String subAttribute) {
    Optional<ResolvedAttribute> top = schemaUrn == null ? findUnqualified(kind, attribute)
        : findQualified(kind, schemaUrn, attribute);
    if (top.isEmpty() || subAttribute == null) {
      return top;
    }
    ResolvedAttribute r = top.get();
    return r.attribute().subAttribute(subAttribute).map(r::withSubAttribute);
  }

  private static Optional<ResolvedAttribute> findQualified(ResourceKind kind, String urn, String attribute) {
    Optional<SchemaDef> schema = schema(kind, urn);
    if (schema.isEmpty()) {
      return Optional.empty();
    }
    SchemaDef s = schema.get();
    boolean core = s.id().equals(kind.coreSchema());
    Optional<ResolvedAttribute> own = s.attribute(attribute)
        .map(a -> new ResolvedAttribute(s, !core, a, null));
    // The core URN may prefix the common attributes too: urn:…:core:2.0:User:id.
    return own.isPresent() || !core ? own : common(attribute);
  }

  private static Optional<ResolvedAttribute> findUnqualified(ResourceKind kind, String attribute) {
    Optional<ResolvedAttribute> common = common(attribute);
    if (common.isPresent()) {
      return common;
    }
    for (SchemaDef s : forKind(kind)) {
      Optional<AttributeDef> a = s.attribute(attribute);
      if (a.isPresent()) {
        return Optional.of(new ResolvedAttribute(s, !s.id().equals(kind.coreSchema()), a.get(), null));
      }
    }
    return Optional.empty();
  }

  private static Optional<ResolvedAttribute> common(String attribute) {
    return CommonAttributes.ALL.stream().filter(a -> a.name().equalsIgnoreCase(attribute)).findFirst()
        .map(a -> new ResolvedAttribute(null, false, a, null));
  }
}
