package io.sallyport.scim.filter;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.schema.ResolvedAttribute;
import io.sallyport.scim.schema.Schemas;
import io.sallyport.scim.spi.IndexedMatch;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2) as a tree. {@link #parse(String)} checks syntax only;
 * {@link #matcher(ResourceKind)} resolves every attribute against the resource type's schemas
 * (unknown ones and ill-typed comparisons fail there with 400 invalidFilter) and returns a predicate
 * to run over many resources; {@link #parse(String, ResourceKind)} does both checks at once.
 */
public sealed interface Filter permits Filter.Compare, Filter.Present, Filter.And, Filter.Or, Filter.Not,
    Filter.ValuePath {

  /** {@code path op value}; value is a String, Boolean, BigDecimal, or null for the literal null. */
  record Compare(AttributePath path, CompareOp op, Object value) implements Filter {
    @Override
    public String toString() {
      return FilterText.render(this);
    }
  }

  /** {@code path pr}: present, not null and not empty. */
  record Present(AttributePath path) implements Filter {
    @Override
    public String toString() {
      return FilterText.render(this);
    }
  }

  /** Every term holds. A run of {@code and}s is one node, so evaluation depth stays flat. */
  record And(List<Filter> terms) implements Filter {
    public And {
      terms = List.copyOf(terms);
    }

    @Override
    public String toString() {
      return FilterText.render(this);
    }
  }

  /** Some term holds. */
  record Or(List<Filter> terms) implements Filter {
    public Or {
      terms = List.copyOf(terms);
    }

    @Override
    public String toString() {
      return FilterText.render(this);
    }
  }

  record Not(Filter inner) implements Filter {
    @Override
    public String toString() {
      return FilterText.render(this);
    }
  }

  /**
   * {@code attribute[inner]}: some value of a complex attribute satisfies {@code inner}, whose
   * paths name sub-attributes of {@code path}. Entra's {@code emails[type eq "work"].value eq "x"}
   * parses to {@code emails[type eq "work" and value eq "x"]}, which means the same.
   */
  record ValuePath(AttributePath path, Filter inner) implements Filter {
    @Override
    public String toString() {
      return FilterText.render(this);
    }
  }

  /** Parses a filter; syntax errors are 400 invalidFilter naming the position and the token. */
  static Filter parse(String text) {
    return FilterParser.parseFilter(text);
  }

  /** Parses a filter and checks it against {@code kind}'s schemas. */
  static Filter parse(String text, ResourceKind kind) {
    Filter f = parse(text);
    f.matcher(kind);
    return f;
  }

  /** A predicate over resource JSON, resolved once; 400 invalidFilter for unknown attributes or types. */
  default Predicate<JsonObject> matcher(ResourceKind kind) {
    return FilterEvaluator.compile(this, kind);
  }

  /** Convenience for one resource; to test many, take {@link #matcher} once. */
  default boolean matches(JsonObject resource, ResourceKind kind) {
    return matcher(kind).test(resource);
  }

  /**
   * The single indexed equality this filter is, if it is exactly one top-level {@code eq} on
   * {@code id}, {@code externalId} or {@code userName} (users) / {@code displayName} (groups) with
   * a string value, so that storage answers it from an index instead of a scan: Entra's
   * query-before-write is always this shape.
   */
  default Optional<IndexedMatch> indexedEquality(ResourceKind kind) {
    if (!(this instanceof Compare c) || c.op() != CompareOp.EQ || !(c.value() instanceof String value)
        || c.path().valueFilter() != null || c.path().subAttribute() != null) {
      return Optional.empty();
    }
    Optional<ResolvedAttribute> r = Schemas.find(kind, c.path());
    if (r.isEmpty() || r.get().extension()) {
      return Optional.empty();
    }
    Set<String> indexed = kind == ResourceKind.USER ? IndexedMatch.USER_ATTRIBUTES : IndexedMatch.GROUP_ATTRIBUTES;
    String name = r.get().attribute().name();
    return indexed.contains(name) ? Optional.of(new IndexedMatch(name, value)) : Optional.empty();
  }
}
