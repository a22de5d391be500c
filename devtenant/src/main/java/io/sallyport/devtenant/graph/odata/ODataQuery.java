package io.sallyport.devtenant.graph.odata;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system query options of one collection request, parsed and validated up front so an endpoint
 * fails before touching data. Only {@code $}-prefixed names are options; other parameters are left
 * to the endpoint.
 *
 * @param top     page size: the client's {@code $top} or the endpoint's default
 * @param select  {@code $select} names as written (validate per type with {@link ODataSelect#of})
 * @param expand  {@code $expand} navigation names (nested options are dropped: parsed only)
 * @param search  {@code $search} raw, quotes included, as Graph expects it written
 */
public record ODataQuery(Optional<ODataFilter> filter, List<String> select, int top, Optional<String> skipToken,
    boolean count, Optional<OrderBy> orderBy, List<String> expand, Optional<String> search) {

  public static final int MAX_TOP = 999;
  private static final Set<String> OPTIONS = Set.of("$filter", "$select", "$top", "$skiptoken", "$count", "$orderby",
      "$expand", "$search");
  private static final Pattern ORDER_BY = Pattern.compile(
      "([A-Za-z_]\\w*(?:/[A-Za-z_]\\w*)*)(?:\\s+(asc|desc))?", Pattern.CASE_INSENSITIVE);

  /** A single-property {@code $orderby}; comparisons follow {@code $filter}'s value rules. */
  public record OrderBy(String property, boolean descending) {

    /** Nulls first ascending (OData's rule), last descending; ties keep their order (stable sort). */
    public Comparator<JsonObject> comparator() {
      List<String> path = List.of(property.split("/"));
      Comparator<JsonObject> c = (a, b) -> {
        Object x = FilterValues.resolve(a, path);
        Object y = FilterValues.resolve(b, path);
        if (x == null || y == null) {
          return x == null ? (y == null ? 0 : -1) : 1;
        }
        Integer order = FilterValues.compare(x, y);
        return order == null ? 0 : order;
      };
      return descending ? c.reversed() : c;
    }
  }

  public ODataQuery {
    select = List.copyOf(select);
    expand = List.copyOf(expand);
  }

  public static ODataQuery parse(MultiMap params, int defaultTop) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    params.names().forEach(n -> map.put(n, params.getAll(n)));
    return parse(map, defaultTop);
  }

  public static ODataQuery parse(Map<String, List<String>> params, int defaultTop) {
    Map<String, String> options = new LinkedHashMap<>();
    params.forEach((name, values) -> {
      if (!name.startsWith("$")) {
        return;
      }
      String key = name.toLowerCase(Locale.ROOT);
      if (!OPTIONS.contains(key)) {
        throw badRequest(ODataQueryException.BAD_REQUEST, "Query option '" + name + "' is not allowed.");
      }
      if (values.size() != 1 || options.containsKey(key)) {
        throw badRequest(ODataQueryException.BAD_REQUEST, "Query option '" + name
            + "' was specified more than once, but it must be specified at most once.");
      }
      options.put(key, values.get(0));
    });
    Optional<String> skipToken = Optional.ofNullable(options.get("$skiptoken"));
    skipToken.ifPresent(SkipToken::decode); // refuse a garbled token before the endpoint does any work
    return new ODataQuery(Optional.ofNullable(options.get("$filter")).map(ODataFilter::parse),
        list(options.get("$select"), "$select"), top(options.get("$top"), defaultTop), skipToken,
        count(options.get("$count")), Optional.ofNullable(options.get("$orderby")).map(ODataQuery::orderBy),
        list(options.get("$expand"), "$expand"), Optional.ofNullable(options.get("$search")));
  }

  /** Where the requested page starts: 0, or the offset carried by {@code $skiptoken}. */
  public int offset() {
    return skipToken.map(SkipToken::decode).orElse(0);
  }

  public boolean matches(JsonObject item) {
    return filter.map(f -> f.matches(item)).orElse(true);
  }

  /** Filters and sorts {@code items}: what {@link ODataPage} pages over. */
  public List<JsonObject> apply(Collection<JsonObject> items) {
    List<JsonObject> out = new ArrayList<>(items.stream().filter(this::matches).toList());
    orderBy.ifPresent(o -> out.sort(o.comparator()));
    return out;
  }

  private static int top(String value, int defaultTop) {
    if (value == null) {
      return defaultTop;
    }
    int top = value.matches("\\d{1,4}") ? Integer.parseInt(value) : 0;
    if (top < 1 || top > MAX_TOP) {
      throw badRequest(ODataQueryException.REQUEST_BAD_REQUEST, "Invalid page size specified: '" + value
          + "'. Must be between 1 and " + MAX_TOP + " inclusive.");
    }
    return top;
  }

  private static boolean count(String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw badRequest(ODataQueryException.BAD_REQUEST, "'" + value + "' is not a valid count option.");
  }

  private static OrderBy orderBy(String value) {
    if (value.contains(",")) {
      throw badRequest(ODataQueryException.UNSUPPORTED_QUERY, "Sorting by more than one property is not supported.");
    }
    Matcher m = ORDER_BY.matcher(value.trim());
    if (!m.matches()) {
      throw badRequest(ODataQueryException.BAD_REQUEST, "Invalid $orderby clause: '" + value + "'.");
    }
    return new OrderBy(m.group(1), "desc".equalsIgnoreCase(m.group(2)));
  }

  /** A comma list ($select, $expand); for $expand, nested options in parentheses are skipped. */
  private static List<String> list(String value, String option) {
    List<String> names = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return names;
    }
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : (value + ",").toCharArray()) {
      if (c == '(' || c == ')') {
        depth += c == '(' ? 1 : -1;
        if (depth < 0 || option.equals("$select")) {
          throw invalidList(option, value);
        }
      } else if (c == ',' && depth == 0) {
        String name = current.toString().trim();
        if (!name.equals("*") && !name.matches("[A-Za-z_@][\\w.@]*(/[A-Za-z_][\\w.]*)*")) {
          throw invalidList(option, value);
        }
        names.add(name);
        current.setLength(0);
      } else if (depth == 0) {
        current.append(c);
      }
    }
    if (depth != 0) {
      throw invalidList(option, value);
    }
    return names;
  }

  private static ODataQueryException invalidList(String option, String value) {
    return badRequest(ODataQueryException.BAD_REQUEST, "Invalid " + option + " clause: '" + value + "'.");
  }

  private static ODataQueryException badRequest(String code, String message) {
    return new ODataQueryException(code, message);
  }
}
