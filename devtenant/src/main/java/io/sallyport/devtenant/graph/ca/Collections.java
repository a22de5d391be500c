package io.sallyport.devtenant.graph.ca;

import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ConsistencyRules;
import io.sallyport.devtenant.graph.odata.ODataPage;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.graph.odata.ODataSelect;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.List;

/**
 * Conditional Access collections and entities: not directory objects, so no ConsistencyLevel rules;
 * every property is a default property.
 */
final class Collections {

  private static final int DEFAULT_TOP = 100;

  private final GraphResponses responses;

  Collections(GraphResponses responses) {
    this.responses = responses;
  }

  void list(RoutingContext rc, String type, String resource, String entitySet, Collection<String> properties,
      Collection<String> filterable, List<JsonObject> items) {
    ODataQuery query = ODataQuery.parse(rc.queryParams(), DEFAULT_TOP);
    var decision = ConsistencyRules.check(query, false, rc.request().getHeader("ConsistencyLevel"));
    if (query.search().isPresent()) {
      throw new io.sallyport.devtenant.graph.odata.ODataQueryException(
          io.sallyport.devtenant.graph.odata.ODataQueryException.BAD_REQUEST,
          "Query option '$search' is not supported on " + entitySet + ".");
    }
    query.filter().ifPresent(f -> f.requireOnly(filterable, resource));
    ODataSelect select = ODataSelect.of(query.select(), type, properties);
    String context = responses.context(entitySet + selection(select));
    responses.ok(rc, new ODataPage(context, responses.selfUrl(rc), rc.request().query())
        .render(query.apply(items), query, select, decision.emitCount()));
  }

  void entity(RoutingContext rc, String type, String entitySet, Collection<String> properties, JsonObject item) {
    ODataQuery query = ODataQuery.parse(rc.queryParams(), DEFAULT_TOP);
    ODataSelect select = ODataSelect.of(query.select(), type, properties);
    JsonObject body = new JsonObject().put("@odata.context",
        responses.context(entitySet + selection(select) + "/$entity"));
    responses.ok(rc, body.mergeIn(select.apply(item)));
  }

  private static String selection(ODataSelect select) {
    return select.isAll() ? "" : "(" + String.join(",", select.names()) + ")";
  }
}
