package io.sallyport.scim.resource;

import java.util.List;
import java.util.Locale;

/**
 * Stand-in for wt-sfilter's attribute definition until their {@code schema} package lands; the
 * facts the validator and the PATCH engine need, shaped after RFC 7643 §7.
 */
public record Attr(String name, String schema, Type type, boolean multiValued, boolean required,
    Mutability mutability, boolean caseExact, List<Attr> subAttributes) {

  public enum Type { STRING, BOOLEAN, DECIMAL, INTEGER, DATETIME, BINARY, REFERENCE, COMPLEX }

  public enum Mutability { READ_ONLY, READ_WRITE, IMMUTABLE, WRITE_ONLY }

  public Attr {
    subAttributes = List.copyOf(subAttributes);
  }

  public Attr sub(String subName) {
    for (Attr a : subAttributes) {
      if (a.name.equalsIgnoreCase(subName)) {
        return a;
      }
    }
    return null;
  }

  public String typeName() {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
