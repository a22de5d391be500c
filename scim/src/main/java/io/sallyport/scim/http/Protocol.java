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

/** INTERIM until wt-sfilter lands: filter, index, sort, projection, discovery. */
final class Protocol {

  private static final Pattern EQ = Pattern.compile("\\s*([A-Za-z0-9_.:$-]+)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

  private Protocol() {}

  static Predicate<JsonObject> filter(ResourceKind kind, String filter) {
    Matcher m = EQ.matcher(filter);
    if (!m.matches()) {
      throw ScimException.badRequest(ScimType.INVALID_FILTER, "Filter '" + filter + "' is not supported");
    }
    String attr = m.group(1);
    String value = m.group(2);
    return r -> {
      for (String k : r.fieldNames()) {
        if (k.equalsIgnoreCase(attr)) {
          Object v = r.getValue(k);
          return v instanceof String s && (attr.equalsIgnoreCase("id") || attr.equalsIgnoreCase("externalId")
              ? s.equals(value) : s.equalsIgnoreCase(value));
        }
      }
      return false;
    };
  }

  static IndexedMatch indexed(ResourceKind kind, String filter) {
    Matcher m = EQ.matcher(filter);
    if (!m.matches()) {
      return null;
    }
    var set = kind == ResourceKind.USER ? IndexedMatch.USER_ATTRIBUTES : IndexedMatch.GROUP_ATTRIBUTES;
    for (String a : set) {
      if (a.equalsIgnoreCase(m.group(1))) {
        return new IndexedMatch(a, m.group(2));
      }
    }
    return null;
  }

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

  static JsonObject serviceProviderConfig(ScimOptions options, String baseUrl) {
    return new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"));
  }

  static JsonArray schemas(String baseUrl) {
    return new JsonArray();
  }

  static JsonArray resourceTypes(String baseUrl) {
    return new JsonArray();
  }
}
