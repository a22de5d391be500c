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
import io.sallyport.devtenant.graph.odata.FilterToken.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recursive descent over the Graph {@code $filter} subset: precedence {@code not} over {@code and} over
 * {@code or}. Every recursion goes through {@link #enter}, so nesting is bounded and hostile input
 * cannot exhaust the stack.
 */
final class FilterParser {
  static final int MAX_DEPTH = 32;
  private static final Map<String, Integer> FUNCTIONS = Map.of("tolower", 1, "startswith", 2, "endswith", 2,
      "contains", 2);
  // Real OData functions and operators: a client using one wrote a valid query we do not evaluate.
  private static final Set<String> UNSUPPORTED = Set.of("toupper", "trim", "concat", "substring", "indexof",
      "length", "year", "month", "day", "hour", "minute", "second", "fractionalseconds", "date", "time", "now",
      "round", "floor", "ceiling", "cast", "isof", "matchespattern", "hassubset", "hassubsequence",
      "totaloffsetminutes", "mindatetime", "maxdatetime", "has", "add", "sub", "mul", "div", "divby", "mod");

  private final String text;
  private final List<FilterToken> tokens;
  private final Map<String, String> variables = new LinkedHashMap<>(); // range variable -> collection path
  private int index;
  private int depth;

  private FilterParser(String text) {
    this.text = text;
    this.tokens = FilterLexer.tokenize(text);
  }

  static FilterExpr parse(String text) {
    FilterParser p = new FilterParser(text);
    FilterExpr root = p.or();
    if (p.peek().kind() != Kind.END) {
      throw p.syntax(p.peek(), "unexpected " + p.peek().describe() + ", expected 'and', 'or' or the end");
    }
    return root;
  }

  private FilterExpr or() {
    List<FilterExpr> terms = new ArrayList<>(List.of(and()));
    while (peek().is("or")) {
      next();
      terms.add(and());
    }
    return terms.size() == 1 ? terms.get(0) : new Or(terms);
  }

  private FilterExpr and() {
    List<FilterExpr> terms = new ArrayList<>(List.of(unary()));
    while (peek().is("and")) {
      next();
      terms.add(unary());
    }
    return terms.size() == 1 ? terms.get(0) : new And(terms);
  }

  private FilterExpr unary() {
    FilterToken t = peek();
    if (t.is("not")) {
      enter(next());
      FilterExpr operand = unary();
      depth--;
      return new Not(operand);
    }
    if (t.kind() == Kind.OPEN) {
      enter(next());
      FilterExpr inner = or();
      expect(Kind.CLOSE, "')'");
      depth--;
      return inner;
    }
    return predicate();
  }

  private FilterExpr predicate() {
    FilterToken start = peek();
    FilterExpr left = operand();
    FilterToken t = peek();
    CompareOp op = t.kind() == Kind.WORD ? compareOp(t.text()) : null;
    if (op != null) {
      next();
      return new Compare(op, left, operand());
    }
    if (t.is("in")) {
      next();
      return new In(left, literalList());
    }
    if (t.kind() == Kind.WORD && UNSUPPORTED.contains(t.text().toLowerCase(Locale.ROOT))) {
      throw ODataQueryException.filterUnsupported(text, t.position(), "the operator '" + t.text() + "'");
    }
    if (left instanceof Call c && c.isPredicate() || left instanceof Any) {
      return left;
    }
    throw syntax(t, "expected a comparison operator after '"
        + text.substring(start.position(), t.position()).trim() + "' but found " + t.describe());
  }

  private FilterExpr operand() {
    FilterToken t = next();
    switch (t.kind()) {
      case STRING, NUMBER, DATETIME:
        return new Literal(t.value());
      case WORD:
        break;
      default:
        throw syntax(t, "expected a property, function or value but found " + t.describe());
    }
    if (peek().kind() == Kind.OPEN) {
      return call(t);
    }
    if (peek().kind() != Kind.SLASH) {
      if (t.is("null")) {
        return new Literal(null);
      }
      if (t.is("true") || t.is("false")) {
        return new Literal(Boolean.valueOf(t.text().toLowerCase(Locale.ROOT)));
      }
    }
    return path(t);
  }

  private FilterExpr path(FilterToken first) {
    String variable = variables.containsKey(first.text()) ? first.text() : null;
    List<String> segments = new ArrayList<>();
    if (variable == null) {
      segments.add(segment(first));
    }
    while (peek().kind() == Kind.SLASH) {
      next();
      FilterToken seg = next();
      if (seg.kind() == Kind.WORD && peek().kind() == Kind.OPEN && (seg.is("any") || seg.is("all"))) {
        return lambda(new Path(variable, segments, name(variable, segments)), seg);
      }
      segments.add(segment(seg));
    }
    return new Path(variable, segments, name(variable, segments));
  }

  private String segment(FilterToken t) {
    if (t.kind() != Kind.WORD || t.text().startsWith("$") && !t.is("$count") || isKeyword(t)) {
      throw syntax(t, "expected a property name but found " + t.describe());
    }
    return t.text();
  }

  private FilterExpr lambda(Path collection, FilterToken operator) {
    if (operator.is("all")) {
      throw ODataQueryException.filterUnsupported(text, operator.position(), "the lambda operator 'all'");
    }
    enter(next()); // the '(' after any
    if (peek().kind() == Kind.CLOSE) {
      next();
      depth--;
      return new Any(collection, null, null);
    }
    FilterToken var = next();
    if (var.kind() != Kind.WORD || var.text().startsWith("$") || isKeyword(var) || variables.containsKey(var.text())) {
      throw syntax(var, "expected a new range variable name but found " + var.describe());
    }
    expect(Kind.COLON, "':'");
    variables.put(var.text(), collection.name());
    FilterExpr predicate = or();
    variables.remove(var.text());
    expect(Kind.CLOSE, "')'");
    depth--;
    return new Any(collection, var.text(), predicate);
  }

  private FilterExpr call(FilterToken name) {
    String function = name.text().toLowerCase(Locale.ROOT);
    Integer arity = FUNCTIONS.get(function);
    if (arity == null && UNSUPPORTED.contains(function)) {
      throw ODataQueryException.filterUnsupported(text, name.position(), "the function '" + name.text() + "'");
    }
    if (arity == null) {
      throw new ODataQueryException(ODataQueryException.BAD_REQUEST, "Invalid filter clause: An unknown function with"
          + " name '" + name.text() + "' was found at position " + name.position() + " in '" + text + "'.");
    }
    enter(next());
    List<FilterExpr> args = new ArrayList<>(List.of(operand()));
    while (peek().kind() == Kind.COMMA) {
      next();
      args.add(operand());
    }
    FilterToken close = expect(Kind.CLOSE, "',' or ')'");
    depth--;
    if (args.size() != arity) {
      throw syntax(close, "function '" + function + "' takes " + arity + " argument" + (arity == 1 ? "" : "s")
          + " but was given " + args.size());
    }
    return new Call(function, args);
  }

  private List<Literal> literalList() {
    enter(expect(Kind.OPEN, "'('"));
    List<Literal> values = new ArrayList<>();
    while (true) {
      FilterToken at = peek();
      if (!(operand() instanceof Literal l)) {
        throw syntax(at, "the 'in' list may only hold literal values");
      }
      values.add(l);
      if (peek().kind() != Kind.COMMA) {
        break;
      }
      next();
    }
    expect(Kind.CLOSE, "',' or ')'");
    depth--;
    return values;
  }

  private void enter(FilterToken at) {
    if (++depth > MAX_DEPTH) {
      throw new ODataQueryException(ODataQueryException.BAD_REQUEST, "Invalid filter clause: nesting exceeds "
          + MAX_DEPTH + " levels at position " + at.position() + ".");
    }
  }

  private static CompareOp compareOp(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "eq" -> CompareOp.EQ;
      case "ne" -> CompareOp.NE;
      case "gt" -> CompareOp.GT;
      case "ge" -> CompareOp.GE;
      case "lt" -> CompareOp.LT;
      case "le" -> CompareOp.LE;
      default -> null;
    };
  }

  private static boolean isKeyword(FilterToken t) {
    return compareOp(t.text()) != null || t.is("and") || t.is("or") || t.is("not") || t.is("in");
  }

  private String name(String variable, List<String> segments) {
    List<String> parts = new ArrayList<>();
    if (variable != null && !variables.get(variable).isEmpty()) {
      parts.add(variables.get(variable));
    }
    parts.addAll(segments);
    return String.join("/", parts).toLowerCase(Locale.ROOT);
  }

  private FilterToken expect(Kind kind, String what) {
    FilterToken t = next();
    if (t.kind() != kind) {
      throw syntax(t, "expected " + what + " but found " + t.describe());
    }
    return t;
  }

  private FilterToken peek() {
    return tokens.get(index);
  }

  private FilterToken next() {
    FilterToken t = tokens.get(index);
    if (t.kind() != Kind.END) {
      index++;
    }
    return t;
  }

  private ODataQueryException syntax(FilterToken at, String detail) {
    return ODataQueryException.filterSyntax(text, at.position(), detail);
  }
}
