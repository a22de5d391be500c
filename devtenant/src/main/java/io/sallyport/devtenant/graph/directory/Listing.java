package io.sallyport.devtenant.graph.directory;

import io.sallyport.devtenant.graph.GraphResponses;
import io.sallyport.devtenant.graph.odata.ConsistencyRules;
import io.sallyport.devtenant.graph.odata.ODataPage;
import io.sallyport.devtenant.graph.odata.ODataQuery;
import io.sallyport.devtenant.graph.odata.ODataSelect;
import io.sallyport.devtenant.http.GraphError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves directory collections, entities and {@code $count} segments the way Graph does: query
 * options validated before any data is read, the ConsistencyLevel rules for advanced queries, the
 * default property set unless {@code $select} names others, and {@code @odata.context} naming the
 * entity set and the selection ({@code users(displayName,mail)}).
 */
final class Listing {

  static final int DEFAULT_TOP = 100;

  private final GraphResponses responses;

  Listing(GraphResponses responses) {
    this.responses = responses;
  }

  /**
   * @param items    every candidate in full (all properties), in the directory's order
   * @param annotate whether items keep {@code @odata.type}: Graph writes it in directoryObject
   *                 collections (memberOf, members) and casts, not in plain entity sets like users
   */
  void collection(RoutingContext rc, EntityType type, String entitySet, List<JsonObject> items, boolean annotate) {
    ODataQuery query = ODataQuery.parse(rc.queryParams(), DEFAULT_TOP);
    var decision = ConsistencyRules.check(query, true, rc.request().getHeader("ConsistencyLevel"));
    ODataSelect select = ODataSelect.of(query.select(), type.name(), type.properties());
    List<JsonObject> matched = query.apply(searched(query, type, items));
    List<JsonObject> shown = new ArrayList<>(matched.size());
    for (JsonObject i : matched) {
      JsonObject view = select.isAll() ? type.defaultView(i) : i.copy();
      if (!annotate) {
        view.remove("@odata.type");
      }
      shown.add(view);
    }
    String context = responses.context(entitySet + selection(select));
    JsonObject page = new ODataPage(context, responses.selfUrl(rc), rc.request().query())
        .render(shown, query, select, decision.emitCount());
    responses.ok(rc, page);
  }

  void entity(RoutingContext rc, EntityType type, String entitySet, JsonObject item) {
    ODataQuery query = ODataQuery.parse(rc.queryParams(), DEFAULT_TOP);
    ODataSelect select = ODataSelect.of(query.select(), type.name(), type.properties());
    JsonObject shown = select.isAll() ? type.defaultView(item) : select.apply(item);
    shown.remove("@odata.type"); // an entity's type is in its context URL; Graph adds no annotation
    JsonObject body = new JsonObject().put("@odata.context",
        responses.context(entitySet + selection(select) + "/$entity"));
    responses.ok(rc, body.mergeIn(shown));
  }

  /**
   * {@code /users/$count} and friends: a plain-text number, only with {@code ConsistencyLevel:
   * eventual} (Graph's exact refusal otherwise).
   */
  void count(RoutingContext rc, EntityType type, List<JsonObject> items) {
    String level = rc.request().getHeader("ConsistencyLevel");
    if (level == null || !level.trim().equalsIgnoreCase("eventual")) {
      throw GraphError.badRequest("$count is not currently supported.");
    }
    ODataQuery query = ODataQuery.parse(rc.queryParams(), DEFAULT_TOP);
    ConsistencyRules.check(query, true, level);
    int n = query.apply(searched(query, type, items)).size();
    rc.response().putHeader("Content-Type", "text/plain").putHeader("OData-Version", "4.0").end(String.valueOf(n));
  }

  /** The items {@code $search} keeps (all without it); {@code $filter} and {@code $orderby} come after. */
  private static List<JsonObject> searched(ODataQuery query, EntityType type, List<JsonObject> items) {
    query.filter().ifPresent(f -> f.requireOnly(type.filterable(), type.resource()));
    if (query.search().isEmpty()) {
      return items;
    }
    var search = DirectorySearch.parse(query.search().get(), type);
    return items.stream().filter(search).toList();
  }

  private static String selection(ODataSelect select) {
    return select.isAll() ? "" : "(" + String.join(",", select.names()) + ")";
  }
}
