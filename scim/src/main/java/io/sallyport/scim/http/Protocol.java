package io.sallyport.scim.http;

import io.sallyport.scim.ResourceKind;
import io.sallyport.scim.ScimException;
import io.sallyport.scim.ScimType;
import io.sallyport.scim.spi.IndexedMatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** INTERIM until wt-sfilter's projection and sorting land. */
final class Protocol {

  private static final Pattern EQ = Pattern.compile("\\s*([A-Za-z0-9_.:$-]+)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

  private Protocol() {}

  static Comparator<JsonObject> sort(ResourceKind kind, String sortBy, boolean descending) {
    Comparator<JsonObject> c = Comparator.comparing(r -> Objects.toString(r.getValue(sortBy), ""));
    return descending ? c.reversed() : c;
  }

  static JsonObject project(ResourceKind kind, JsonObject resource, ListQuery query) {
    if (!query.projects()) {
      return resource;
    }
    JsonObject out = new JsonObject();
    resource.forEach(e -> {
      boolean always = e.getKey().equals("id") || e.getKey().equals("schemas") || e.getKey().equals("meta");
      boolean wanted = query.attributes().isEmpty()
          ? query.excludedAttributes().stream().noneMatch(x -> x.equalsIgnoreCase(e.getKey()))
          : query.attributes().stream().anyMatch(x -> x.equalsIgnoreCase(e.getKey()));
      if (always || wanted) {
        out.put(e.getKey(), e.getValue());
      }
    });
    return out;
  }
}
