package io.sallyport.devtenant.graph.odata;

import java.util.List;

/** The parsed {@code $filter} tree. Immutable; built by {@link FilterParser}, read by the evaluator. */
sealed interface FilterExpr {

  enum CompareOp { EQ, NE, GT, GE, LT, LE }

  /** A value written in the filter: String, BigDecimal, Boolean, Instant, or null for {@code null}. */
  record Literal(Object value) implements FilterExpr {}

  /**
   * A property path. {@code variable} is the lambda range variable it starts from (null: the item
   * itself); {@code name} is the full lower-cased path as reported by {@link ODataFilter#properties()},
   * with a range variable replaced by its collection's path.
   */
  record Path(String variable, List<String> segments, String name) implements FilterExpr {
    public Path {
      segments = List.copyOf(segments);
    }
  }

  /** {@code tolower}, {@code startswith}, {@code endswith} or {@code contains}; name lower-cased. */
  record Call(String function, List<FilterExpr> args) implements FilterExpr {
    public Call {
      args = List.copyOf(args);
    }

    boolean isPredicate() {
      return !function.equals("tolower");
    }
  }

  record Compare(CompareOp op, FilterExpr left, FilterExpr right) implements FilterExpr {}

  record In(FilterExpr left, List<Literal> values) implements FilterExpr {
    public In {
      values = List.copyOf(values);
    }
  }

  /** Conjunction kept flat, so a long chain of {@code and}s is no deeper than one. */
  record And(List<FilterExpr> terms) implements FilterExpr {
    public And {
      terms = List.copyOf(terms);
    }
  }

  record Or(List<FilterExpr> terms) implements FilterExpr {
    public Or {
      terms = List.copyOf(terms);
    }
  }

  record Not(FilterExpr operand) implements FilterExpr {}

  /** {@code collection/any(variable: predicate)}; {@code any()} has a null variable and predicate. */
  record Any(Path collection, String variable, FilterExpr predicate) implements FilterExpr {}
}
