package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.graph.odata.ODataQueryException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $search} on directory objects: {@code "property:term"} clauses joined by {@code AND} /
 * {@code OR} (AND binds tighter). Like Entra's tokenized search, a term matches where a word of the
 * property's value starts: at the beginning, after a space or punctuation, or at a lower-to-upper
 * case change ({@code "displayName:Admin"} finds "Alice Admin" and "SallyportAdmins").
 */
final class DirectorySearch {

  private static final Pattern CLAUSE = Pattern.compile("\"([A-Za-z]\\w*):([^\"]*)\"");

  private DirectorySearch() {}

  static Predicate<JsonObject> parse(String raw, EntityType type) {
    List<List<Predicate<JsonObject>>> anyOf = new ArrayList<>();
    List<Predicate<JsonObject>> allOf = new ArrayList<>();
    String rest = raw.trim();
    while (true) {
      Matcher m = CLAUSE.matcher(rest);
      if (!m.lookingAt()) {
        throw invalid(raw);
      }
      String property = m.group(1);
      if (type.searchable().stream().noneMatch(p -> p.equalsIgnoreCase(property))) {
        throw new ODataQueryException(ODataQueryException.UNSUPPORTED_QUERY, "Unsupported or invalid query search"
            + " clause specified for property '" + property + "' of resource '" + type.resource() + "'.");
      }
      String term = m.group(2).trim().toLowerCase(Locale.ROOT);
      allOf.add(item -> matches(value(item, property), term));
      rest = rest.substring(m.end()).trim();
      if (rest.isEmpty()) {
        break;
      }
      if (rest.startsWith("OR ")) {
        anyOf.add(allOf);
        allOf = new ArrayList<>();
        rest = rest.substring(3).trim();
      } else if (rest.startsWith("AND ")) {
        rest = rest.substring(4).trim();
      } else {
        throw invalid(raw);
      }
    }
    anyOf.add(allOf);
    return item -> anyOf.stream().anyMatch(all -> all.stream().allMatch(p -> p.test(item)));
  }

  private static List<String> value(JsonObject item, String property) {
    for (String k : item.fieldNames()) {
      if (k.equalsIgnoreCase(property)) {
        Object v = item.getValue(k);
        if (v instanceof JsonArray a) {
          return a.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
      }
    }
    return List.of();
  }

  private static boolean matches(List<String> values, String term) {
    for (String v : values) {
      String lower = v.toLowerCase(Locale.ROOT);
      for (int i = 0; i < v.length(); i++) {
        boolean wordStart = i == 0 || !Character.isLetterOrDigit(v.charAt(i - 1))
            || Character.isLowerCase(v.charAt(i - 1)) && Character.isUpperCase(v.charAt(i));
        if (wordStart && lower.startsWith(term, i)) {
          return true;
        }
      }
    }
    return false;
  }

  private static ODataQueryException invalid(String raw) {
    return new ODataQueryException(ODataQueryException.BAD_REQUEST, "Syntax error: invalid $search clause " + raw
        + ". Expected \"property:term\" clauses joined by AND or OR.");
  }
}
