package io.sallyport.scim.filter;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.ResolvedAttribute;
import io.sallyport.scim.schema.ResourceJson;
import io.sallyport.scim.schema.Schemas;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compiles a filter into a predicate over resource JSON. Every path is resolved and every literal
 * type-checked once, here, so a bad filter fails before any resource is read and evaluating one
 * resource is only lookups. A multi-valued attribute matches when any of its values does (RFC 7644
 * §3.4.2.2); {@code ne} is the negation of {@code eq}, so it also matches an absent attribute.
 */
final class FilterEvaluator {

  private FilterEvaluator() {}

  static Predicate<JsonObject> compile(Filter filter, ResourceKind kind) {
    return compile(filter, path -> topLevel(path, kind));
  }

  /** The value filter of a PATCH path with canonical sub-attribute names, checked against {@code parent}. */
  static Filter canonicalWithin(Filter f, AttributeDef parent, String where) {
    compile(f, path -> within(path, parent, where));
    return rename(f, parent);
  }

  /** How a path turns into the leaf values it stands for in one resource (or one complex value). */
  private record Access(String name, AttributeDef target, Function<JsonObject, List<Object>> leaves,
      Function<JsonObject, Object> raw) {}

  private static Predicate<JsonObject> compile(Filter f, Function<AttributePath, Access> resolver) {
    if (f instanceof Filter.And a) {
      List<Predicate<JsonObject>> terms = a.terms().stream().map(t -> compile(t, resolver)).toList();
      return r -> terms.stream().allMatch(t -> t.test(r));
    }
    if (f instanceof Filter.Or o) {
      List<Predicate<JsonObject>> terms = o.terms().stream().map(t -> compile(t, resolver)).toList();
      return r -> terms.stream().anyMatch(t -> t.test(r));
    }
    if (f instanceof Filter.Not n) {
      return compile(n.inner(), resolver).negate();
    }
    if (f instanceof Filter.Present p) {
      Access access = resolver.apply(p.path());
      if (p.path().subAttribute() == null && access.target().isComplex()) {
        return r -> present(access.raw().apply(r));
      }
      return r -> access.leaves().apply(r).stream().anyMatch(FilterEvaluator::present);
    }
    if (f instanceof Filter.Compare c) {
      return comparison(c, resolver.apply(c.path()));
    }
    Filter.ValuePath v = (Filter.ValuePath) f;
    Access access = resolver.apply(v.path());
    AttributeDef parent = access.target();
    if (!parent.isComplex() || v.path().subAttribute() != null) {
      throw ValueTest.invalid("'" + v.path() + "' is not a complex attribute; a value filter [...] applies to "
          + "complex attributes such as emails or members");
    }
    Predicate<JsonObject> inner = compile(v.inner(), path -> within(path, parent, access.name()));
    return r -> elements(access.raw().apply(r)).stream().anyMatch(inner);
  }

  private static Predicate<JsonObject> comparison(Filter.Compare c, Access given) {
    Access access = given.target().isComplex() ? significant(given) : given;
    Function<JsonObject, List<Object>> leaves = access.leaves();
    if (c.value() == null) {
      if (c.op() != CompareOp.EQ && c.op() != CompareOp.NE) {
        throw ValueTest.invalid("'" + c.op().wire() + " null' is not defined; null compares only with eq or ne");
      }
      Predicate<JsonObject> has = r -> leaves.apply(r).stream().anyMatch(FilterEvaluator::present);
      return c.op() == CompareOp.EQ ? has.negate() : has;
    }
    CompareOp op = c.op() == CompareOp.NE ? CompareOp.EQ : c.op();
    Predicate<Object> test = ValueTest.of(op, c.value(), access.target(), access.name());
    Predicate<JsonObject> any = r -> leaves.apply(r).stream().anyMatch(v -> v != null && test.test(v));
    return c.op() == CompareOp.NE ? any.negate() : any;
  }

  /** "manager eq "id"" and "emails eq "x"" compare the value sub-attribute (RFC 7643 §2.4). */
  private static Access significant(Access complex) {
    AttributeDef target = complex.target();
    AttributeDef value = target.significantValue().orElseThrow(() -> ValueTest.invalid("'" + complex.name()
        + "' is complex; compare one of its sub-attributes, such as " + complex.name() + "."
        + target.subAttributes().get(0).name()));
    Function<JsonObject, Object> raw = complex.raw();
    return new Access(complex.name() + ".value", value, r -> leaves(elements(raw.apply(r)), value.name()), raw);
  }

  private static Access topLevel(AttributePath path, ResourceKind kind) {
    ResolvedAttribute r = Schemas.find(kind, path).orElseThrow(() -> ValueTest.invalid(
        path.resolveFailure(kind, ScimType.INVALID_FILTER).getMessage()));
    AttributeDef attr = r.attribute();
    AttributeDef sub = r.subAttribute();
    Function<JsonObject, Object> raw = r::valueIn;
    if (sub == null) {
      return new Access(r.canonicalName(), attr, res -> flatten(raw.apply(res)), raw);
    }
    return new Access(r.canonicalName(), sub, res -> leaves(elements(raw.apply(res)), sub.name()), raw);
  }

  private static Access within(AttributePath path, AttributeDef parent, String parentName) {
    AttributeDef sub = parent.subAttribute(path.attribute()).orElseThrow(() -> ValueTest.invalid(
        "unknown attribute '" + parentName + "." + path.attribute() + "': " + parent.name() + " has no sub-attribute '"
            + path.attribute() + "'"));
    Function<JsonObject, Object> raw = element -> ResourceJson.get(element, sub.name());
    return new Access(parentName + "." + sub.name(), sub, element -> flatten(raw.apply(element)), raw);
  }

  private static Filter rename(Filter f, AttributeDef parent) {
    if (f instanceof Filter.And a) {
      return new Filter.And(a.terms().stream().map(t -> rename(t, parent)).toList());
    }
    if (f instanceof Filter.Or o) {
      return new Filter.Or(o.terms().stream().map(t -> rename(t, parent)).toList());
    }
    if (f instanceof Filter.Not n) {
      return new Filter.Not(rename(n.inner(), parent));
    }
    if (f instanceof Filter.Present p) {
      return new Filter.Present(AttributePath.of(parent.subAttribute(p.path().attribute()).orElseThrow().name()));
    }
    if (f instanceof Filter.Compare c) {
      return new Filter.Compare(AttributePath.of(parent.subAttribute(c.path().attribute()).orElseThrow().name()),
          c.op(), c.value());
    }
    return f;
  }

  /** A value's elements: the objects of an array, or the object itself for a single complex value. */
  private static List<JsonObject> elements(Object raw) {
    List<JsonObject> out = new ArrayList<>();
    if (raw instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.getValue(i) instanceof JsonObject o) {
          out.add(o);
        }
      }
    } else if (raw instanceof JsonObject o) {
      out.add(o);
    }
    return out;
  }

  private static List<Object> leaves(List<JsonObject> elements, String subName) {
    List<Object> out = new ArrayList<>();
    for (JsonObject e : elements) {
      out.addAll(flatten(ResourceJson.get(e, subName)));
    }
    return out;
  }

  private static List<Object> flatten(Object raw) {
    if (raw instanceof JsonArray array) {
      List<Object> out = new ArrayList<>(array.size());
      array.forEach(out::add);
      return out;
    }
    return raw == null ? List.of() : List.of(raw);
  }

  /** RFC 7644 {@code pr}: has a non-null value that is not an empty string, array or object. */
  static boolean present(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof JsonArray a) {
      return a.stream().anyMatch(FilterEvaluator::present);
    }
    if (v instanceof JsonObject o) {
      return o.stream().anyMatch(e -> present(e.getValue()));
    }
    return true;
  }
}
