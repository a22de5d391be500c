package io.sallyport.scim.filter;

import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.schema.AttributeDef;
import io.sallyport.scim.schema.AttributeType;
import io.sallyport.scim.schema.ResourceJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One comparison of a single attribute value against a literal, by the attribute's type (RFC 7644
 * §3.4.2.2): strings per {@code caseExact}, numbers numerically, dateTimes as instants, booleans
 * only by eq/ne. A literal of the wrong type is the client's error (400 invalidFilter), found once
 * when the filter is compiled; a stored value of the wrong type simply does not match.
 */
final class ValueTest {

  private ValueTest() {}

  /** A test of one non-null value; for {@code ne} the caller negates the {@code eq} test. */
  static Predicate<Object> of(CompareOp op, Object literal, AttributeDef def, String path) {
    return switch (def.type()) {
      case STRING, REFERENCE, BINARY -> strings(op, literal, def, path);
      case BOOLEAN -> booleans(op, literal, path);
      case INTEGER, DECIMAL -> numbers(op, literal, def, path);
      case DATE_TIME -> dateTimes(op, literal, path);
      case COMPLEX -> throw invalid("'" + path + "' is complex; compare one of its sub-attributes");
    };
  }

  private static Predicate<Object> strings(CompareOp op, Object literal, AttributeDef def, String path) {
    if (!(literal instanceof String s)) {
      throw invalid("'" + path + "' is a " + def.type().wire() + "; '" + op.wire() + "' needs a quoted string, got "
          + FilterText.literal(literal));
    }
    // Binary values are base64, where case carries meaning.
    boolean exact = def.caseExact() || def.type() == AttributeType.BINARY;
    String lit = exact ? s : fold(s);
    return v -> {
      if (!(v instanceof String str)) {
        return false;
      }
      String val = exact ? str : fold(str);
      return switch (op) {
        case CO -> val.contains(lit);
        case SW -> val.startsWith(lit);
        case EW -> val.endsWith(lit);
        default -> op.accepts(val.compareTo(lit));
      };
    };
  }

  private static Predicate<Object> booleans(CompareOp op, Object literal, String path) {
    if (op != CompareOp.EQ && op != CompareOp.NE) {
      throw invalid("'" + path + "' is a boolean; '" + op.wire() + "' is not defined for booleans, use eq or ne");
    }
    Boolean b = asBoolean(literal);
    if (b == null) {
      throw invalid("'" + path + "' is a boolean; compare it with true or false, got " + FilterText.literal(literal));
    }
    return v -> b.equals(asBoolean(v));
  }

  /** Booleans, and Entra's "True"/"False" strings (it writes them in paths like roles[primary eq "True"]). */
  static Boolean asBoolean(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(s.toLowerCase(Locale.ROOT));
    }
    return null;
  }

  private static Predicate<Object> numbers(CompareOp op, Object literal, AttributeDef def, String path) {
    if (op.isSubstring()) {
      throw invalid("'" + path + "' is a number; '" + op.wire() + "' applies to strings only");
    }
    if (!(literal instanceof BigDecimal n)) {
      throw invalid("'" + path + "' is " + (def.type() == AttributeType.INTEGER ? "an integer" : "a decimal")
          + "; compare it with a number, got " + FilterText.literal(literal));
    }
    return v -> v instanceof Number num && op.accepts(new BigDecimal(num.toString()).compareTo(n));
  }

  private static Predicate<Object> dateTimes(CompareOp op, Object literal, String path) {
    if (op.isSubstring()) {
      throw invalid("'" + path + "' is a dateTime; '" + op.wire() + "' applies to strings only");
    }
    Instant at = literal instanceof String s ? ResourceJson.dateTime(s) : null;
    if (at == null) {
      throw invalid("'" + path + "' is a dateTime; expected a quoted xsd:dateTime such as \"2011-05-13T04:42:34Z\", got "
          + SyntaxErrors.quote(FilterText.literal(literal)));
    }
    return v -> {
      Instant i = v instanceof String s ? ResourceJson.dateTime(s) : null;
      return i != null && op.accepts(i.compareTo(at));
    };
  }

  static String fold(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static ScimException invalid(String detail) {
    return ScimException.badRequest(ScimType.INVALID_FILTER, "filter: " + detail);
  }
}
