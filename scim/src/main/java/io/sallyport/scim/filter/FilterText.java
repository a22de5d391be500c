package io.sallyport.scim.filter;

import io.vertx.core.json.Json;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/** Renders a filter back to RFC 7644 text, parenthesised so that it parses to the same tree. */
final class FilterText {

  private FilterText() {}

  static String render(Filter f) {
    if (f instanceof Filter.Compare c) {
      return c.path() + " " + c.op().wire() + " " + literal(c.value());
    }
    if (f instanceof Filter.Present p) {
      return p.path() + " pr";
    }
    if (f instanceof Filter.And a) {
      return a.terms().stream().map(FilterText::grouped).collect(Collectors.joining(" and "));
    }
    if (f instanceof Filter.Or o) {
      return o.terms().stream().map(FilterText::grouped).collect(Collectors.joining(" or "));
    }
    if (f instanceof Filter.Not n) {
      return "not (" + render(n.inner()) + ")";
    }
    Filter.ValuePath v = (Filter.ValuePath) f;
    return v.path() + "[" + render(v.inner()) + "]";
  }

  private static String grouped(Filter f) {
    return f instanceof Filter.And || f instanceof Filter.Or ? "(" + render(f) + ")" : render(f);
  }

  static String literal(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return Json.encode(s);
    }
    if (value instanceof BigDecimal d) {
      return d.toString();
    }
    return value.toString();
  }
}
