package io.sallyport.devtenant.graph.odata;

import io.sallyport.devtenant.graph.odata.FilterExpr.And;
import io.sallyport.devtenant.graph.odata.FilterExpr.Any;
import io.sallyport.devtenant.graph.odata.FilterExpr.Call;
import io.sallyport.devtenant.graph.odata.FilterExpr.Compare;
import io.sallyport.devtenant.graph.odata.FilterExpr.CompareOp;
import io.sallyport.devtenant.graph.odata.FilterExpr.In;
import io.sallyport.devtenant.graph.odata.FilterExpr.Literal;
import io.sallyport.devtenant.graph.odata.FilterExpr.Not;
import io.sallyport.devtenant.graph.odata.FilterExpr.Or;
import io.sallyport.devtenant.graph.odata.FilterExpr.Path;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed, immutable {@code $filter}. Besides {@link #matches}, it tells an endpoint what the filter
 * touches, so the endpoint can enforce its documented filter support the way Graph does (a required
 * {@code groupId} filter, advanced operators only with {@code ConsistencyLevel: eventual}).
 */
public final class ODataFilter {
  public static final int MAX_LENGTH = 4096;

  private final String text;
  private final FilterExpr root;
  private final Set<String> properties = new TreeSet<>();
  private boolean advanced;

  private ODataFilter(String text, FilterExpr root) {
    this.text = text;
    this.root = root;
    scan(root);
  }

  /** Parses {@code text}; throws {@link ODataQueryException} for anything Graph would refuse. */
  public static ODataFilter parse(String text) {
    if (text == null) {
      throw ODataQueryException.filterSyntax("", 0, "the filter is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new ODataQueryException(ODataQueryException.BAD_REQUEST, "Invalid filter clause: the filter is "
          + text.length() + " characters long; at most " + MAX_LENGTH + " are allowed.");
    }
    return new ODataFilter(text, FilterParser.parse(text));
  }

  public boolean matches(JsonObject item) {
    return FilterEvaluator.test(root, item);
  }

  /** The filter as given. */
  public String text() {
    return text;
  }

  /** Every property path the filter reads, lower-cased, lambda variables replaced by their collection. */
  public Set<String> properties() {
    return Set.copyOf(properties);
  }

  /** Whether it uses {@code ne}, {@code not}, {@code endswith} or {@code $count}: Graph's advanced queries. */
  public boolean usesAdvancedOperators() {
    return advanced;
  }

  /**
   * The literal in a top-level {@code property eq literal} (alone or as an {@code and} conjunct), so an
   * endpoint can require e.g. a {@code groupId} filter. Empty when absent, under or/not, or {@code eq null}.
   */
  public Optional<String> equalityValue(String property) {
    List<FilterExpr> conjuncts = root instanceof And a ? a.terms() : List.of(root);
    for (FilterExpr e : conjuncts) {
      if (e instanceof Compare c && c.op() == CompareOp.EQ) {
        Optional<String> v = literalFor(c.left(), c.right(), property)
            .or(() -> literalFor(c.right(), c.left(), property));
        if (v.isPresent()) {
          return v;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Refuses a filter on any property outside {@code filterable}, with Graph's directory message, e.g.
   * {@code Unsupported or invalid query filter clause specified for property 'mail' of resource 'User'.}
   */
  public void requireOnly(Collection<String> filterable, String resource) {
    Set<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    allowed.addAll(filterable);
    for (String p : properties) {
      if (!allowed.contains(p)) {
        throw new ODataQueryException(ODataQueryException.UNSUPPORTED_QUERY, "Unsupported or invalid query filter"
            + " clause specified for property '" + p + "' of resource '" + resource + "'.");
      }
    }
  }

  @Override
  public String toString() {
    return text;
  }

  private static Optional<String> literalFor(FilterExpr path, FilterExpr literal, String property) {
    if (path instanceof Path p && p.variable() == null && p.name().equalsIgnoreCase(property)
        && literal instanceof Literal l && l.value() != null) {
      Object v = l.value();
      return Optional.of(v instanceof BigDecimal n ? n.toPlainString() : v.toString());
    }
    return Optional.empty();
  }

  private void scan(FilterExpr e) {
    if (e instanceof Path p) {
      properties.add(p.name());
      advanced |= p.segments().stream().anyMatch(s -> s.equalsIgnoreCase("$count"));
    } else if (e instanceof Compare c) {
      advanced |= c.op() == CompareOp.NE;
      scan(c.left());
      scan(c.right());
    } else if (e instanceof And a) {
      a.terms().forEach(this::scan);
    } else if (e instanceof Or o) {
      o.terms().forEach(this::scan);
    } else if (e instanceof Not n) {
      advanced = true;
      scan(n.operand());
    } else if (e instanceof In in) {
      scan(in.left());
    } else if (e instanceof Call c) {
      advanced |= c.function().equals("endswith");
      c.args().forEach(this::scan);
    } else if (e instanceof Any any) {
      scan(any.collection());
      if (any.predicate() != null) {
        scan(any.predicate());
      }
    }
  }
}
