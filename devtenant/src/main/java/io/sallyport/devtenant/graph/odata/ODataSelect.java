package io.sallyport.devtenant.graph.odata;

import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code $select} for one entity type: validated once against the type's properties, then applied to
 * each item. Output keeps the resource's own key casing whatever casing the client asked with.
 */
public final class ODataSelect {
  private static final ODataSelect ALL = new ODataSelect(List.of(), Set.of());

  private final List<String> names;
  private final Set<String> keep; // lower-cased

  private ODataSelect(List<String> names, Set<String> keep) {
    this.names = List.copyOf(names);
    this.keep = keep;
  }

  /** No {@code $select}: every property is returned. */
  public static ODataSelect all() {
    return ALL;
  }

  /**
   * @param names      the {@code $select} list as parsed ({@link ODataQuery#select()}); empty or
   *                   {@code *} selects everything
   * @param entityType for the error message, e.g. {@code microsoft.graph.user}
   * @param known      the type's property names; matched case-insensitively like Graph does
   */
  public static ODataSelect of(List<String> names, String entityType, Collection<String> known) {
    if (names.isEmpty() || names.contains("*")) {
      return ALL;
    }
    Set<String> properties = known.stream().map(ODataSelect::lower).collect(Collectors.toSet());
    for (String name : names) {
      if (!properties.contains(lower(name))) {
        throw new ODataQueryException(ODataQueryException.REQUEST_BAD_REQUEST,
            "Could not find a property named '" + name + "' on type '" + entityType + "'.");
      }
    }
    Set<String> keep = names.stream().map(ODataSelect::lower).collect(Collectors.toCollection(TreeSet::new));
    return new ODataSelect(names, keep);
  }

  public boolean isAll() {
    return keep.isEmpty();
  }

  /** The selected names as the client wrote them; empty for {@link #all()}. */
  public List<String> names() {
    return names;
  }

  /**
   * A copy of {@code item} holding only the selected keys plus {@code id} and {@code @odata.*}
   * annotations: Graph always returns those, and the SDK needs {@code @odata.type} to pick the model.
   */
  public JsonObject apply(JsonObject item) {
    JsonObject copy = item.copy();
    if (!isAll()) {
      copy.fieldNames().removeIf(k -> !k.equals("id") && !k.startsWith("@odata.") && !keep.contains(lower(k)));
    }
    return copy;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
