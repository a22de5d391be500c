package io.sallyport.scim.patch;

import java.util.Locale;

/** RFC 7644 §3.5.2 operations; Entra sends them capitalised by default, lowercase with aadOptscim062020. */
public enum PatchOp {
  ADD, REPLACE, REMOVE;

  /** The operation {@code name} spells in any case, or null if it is none of them. */
  public static PatchOp of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "add" -> ADD;
      case "replace" -> REPLACE;
      case "remove" -> REMOVE;
      default -> null;
    };
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
