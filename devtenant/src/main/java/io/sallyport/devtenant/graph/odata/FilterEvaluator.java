package io.sallyport.devtenant.graph.odata;

import io.sallyport.devtenant.graph.odata.FilterExpr.And;
import io.sallyport.devtenant.graph.odata.FilterExpr.Any;
import io.sallyport.devtenant.graph.odata.FilterExpr.Call;
import io.sallyport.devtenant.graph.odata.FilterExpr.Compare;
import io.sallyport.devtenant.graph.odata.FilterExpr.In;
import io.sallyport.devtenant.graph.odata.FilterExpr.Literal;
import io.sallyport.devtenant.graph.odata.FilterExpr.Not;
import io.sallyport.devtenant.graph.odata.FilterExpr.Or;
import io.sallyport.devtenant.graph.odata.FilterExpr.Path;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a parsed filter against one item. Total: any shape of data yields true or false (a missing
 * property or a type mismatch simply does not match), because the stand-in's data is not ours to vet.
 */
final class FilterEvaluator {
  private final JsonObject item;
  private final Map<String, Object> variables; // lambda range variables in scope -> current element

  private FilterEvaluator(JsonObject item, Map<String, Object> variables) {
    this.item = item;
    this.variables = variables;
  }

  static boolean test(FilterExpr filter, JsonObject item) {
    return new FilterEvaluator(item, Map.of()).test(filter);
  }

  private boolean test(FilterExpr e) {
    return Boolean.TRUE.equals(value(e));
  }

  private Object value(FilterExpr e) {
    if (e instanceof Literal l) {
      return l.value();
    }
    if (e instanceof Path p) {
      return FilterValues.resolve(p.variable() == null ? item : variables.get(p.variable()), p.segments());
    }
    if (e instanceof Compare c) {
      return compare(c);
    }
    if (e instanceof And a) {
      return a.terms().stream().allMatch(this::test);
    }
    if (e instanceof Or o) {
      return o.terms().stream().anyMatch(this::test);
    }
    if (e instanceof Not n) {
      return !test(n.operand());
    }
    if (e instanceof In in) {
      Object left = value(in.left());
      return in.values().stream().anyMatch(l -> FilterValues.equal(left, l.value()));
    }
    if (e instanceof Call c) {
      return call(c);
    }
    return any((Any) e);
  }

  private boolean compare(Compare c) {
    Object left = value(c.left());
    Object right = value(c.right());
    if (c.op() == FilterExpr.CompareOp.EQ || c.op() == FilterExpr.CompareOp.NE) {
      return FilterValues.equal(left, right) == (c.op() == FilterExpr.CompareOp.EQ);
    }
    Integer order = FilterValues.compare(left, right);
    if (order == null) {
      return false; // OData: ordering against null or across types is never true
    }
    return switch (c.op()) {
      case GT -> order > 0;
      case GE -> order >= 0;
      case LT -> order < 0;
      default -> order <= 0;
    };
  }

  // String functions ignore case like eq does; tolower stays meaningful for values sent back verbatim.
  private Object call(Call c) {
    Object first = value(c.args().get(0));
    if (c.function().equals("tolower")) {
      return first instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
    }
    if (!(first instanceof String s) || !(value(c.args().get(1)) instanceof String t)) {
      return false;
    }
    String haystack = s.toLowerCase(Locale.ROOT);
    String needle = t.toLowerCase(Locale.ROOT);
    return switch (c.function()) {
      case "startswith" -> haystack.startsWith(needle);
      case "endswith" -> haystack.endsWith(needle);
      default -> haystack.contains(needle);
    };
  }

  private boolean any(Any a) {
    if (!(value(a.collection()) instanceof JsonArray elements)) {
      return false;
    }
    if (a.predicate() == null) {
      return !elements.isEmpty();
    }
    for (int i = 0; i < elements.size(); i++) {
      Map<String, Object> scope = new HashMap<>(variables);
      scope.put(a.variable(), FilterValues.normalize(elements.getValue(i)));
      if (new FilterEvaluator(item, scope).test(a.predicate())) {
        return true;
      }
    }
    return false;
  }
}
