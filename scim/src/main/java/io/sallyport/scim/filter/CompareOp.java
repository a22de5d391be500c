package io.sallyport.scim.filter;

import java.util.Locale;

/** The comparison operators of RFC 7644 §3.4.2.2 ({@code pr} is {@link Filter.Present}). */
public enum CompareOp {
  EQ, NE, CO, SW, EW, GT, GE, LT, LE;

  /** The operator a filter word names, case-insensitively (Entra and others send {@code Eq}), or null. */
  static CompareOp fromWord(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "eq" -> EQ;
      case "ne" -> NE;
      case "co" -> CO;
      case "sw" -> SW;
      case "ew" -> EW;
      case "gt" -> GT;
      case "ge" -> GE;
      case "lt" -> LT;
      case "le" -> LE;
      default -> null;
    };
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Orders values: only eq, ne and the four orderings compare; co, sw and ew are substring tests. */
  boolean isOrdering() {
    return this == GT || this == GE || this == LT || this == LE;
  }

  boolean isSubstring() {
    return this == CO || this == SW || this == EW;
  }

  /** Whether {@code cmp} (a compareTo result) satisfies this ordering or equality operator. */
  boolean accepts(int cmp) {
    return switch (this) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      default -> throw new IllegalStateException(this + " is not an ordering");
    };
  }
}
