package io.sallyport.devtenant.graph.entitlement;

import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ODataPage;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.graph.odata.ODataSelect;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collection responses whose items carry navigation properties ({@code target}, {@code accessPackage},
 * ...): items are built with them so {@code $filter} can follow {@code target/objectId}, then each is
 * stripped to what {@code $expand} asked for, and {@code $select} never removes an expanded one.
 */
final class Collections {

  private Collections() {}

  /** The {@code $expand} names, lower-cased, each one of {@code allowed} or Graph's 400. */
  static Set<String> expand(ODataQuery query, String type, Set<String> allowed) {
    for (String e : query.expand()) {
      if (allowed.stream().noneMatch(a -> a.equalsIgnoreCase(e))) {
        throw new GraphError(400, "BadRequest", "Could not find a property named '" + e + "' on type '" + type + "'.");
      }
    }
    return query.expand().stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  static JsonObject page(GraphResponses responses, RoutingContext rc, String contextUrl, ODataQuery query,
      List<JsonObject> items, String type, List<String> properties, List<String> filterable, Set<String> navigation,
      Set<String> expanded) {
    query.filter().ifPresent(f -> f.requireOnly(filterable, type.substring(type.lastIndexOf('.') + 1)));
    ODataSelect select = ODataSelect.of(query.select(), type, properties);
    List<JsonObject> shaped = query.apply(items).stream().map(i -> shape(i, select, navigation, expanded)).toList();
    return new ODataPage(contextUrl, responses.selfUrl(rc), rc.request().query()).render(shaped, query,
        ODataSelect.all());
  }

  static JsonObject shape(JsonObject item, ODataSelect select, Set<String> navigation, Set<String> expanded) {
    JsonObject out = select.apply(item);
    for (String nav : navigation) {
      out.remove(nav);
      if (expanded.contains(nav.toLowerCase(Locale.ROOT)) && item.containsKey(nav)) {
        out.put(nav, item.getValue(nav));
      }
    }
    return out;
  }
}
